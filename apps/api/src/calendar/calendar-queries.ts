import { ReminderStatus } from '@peduli/db';
import type { EntityManager } from 'typeorm';

/**
 * The SQL that writes the reporting calendar and the reminder ledger from the API, in one place: a period's deadline
 * is upserted from the periods endpoint and from the KKP HAM milestones, and a reminder is planned again by hand.
 * Every function takes the caller's EntityManager, so it runs in the caller's transaction.
 */

/** Creates or replaces a period's window and deadline. */
export async function upsertPeriod(
  manager: EntityManager,
  period: { cycleId: string; code: string; opensOn: string | null; deadlineDate: string; deadlineTime: string | null; timeZone: string | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date, deadline_time, time_zone) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (cycle_id, code) DO UPDATE SET opens_on = $3, deadline_date = $4, deadline_time = $5, time_zone = $6, updated_at = now()`,
    [period.cycleId, period.code, period.opensOn, period.deadlineDate, period.deadlineTime, period.timeZone],
  );
}

/** Creates a period or moves only its deadline (its opening and zone stay): a KKP HAM milestone that is a deadline. */
export async function upsertPeriodDeadline(manager: EntityManager, period: { cycleId: string; code: string; deadlineDate: string; deadlineTime: string | null }): Promise<string> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO reporting_period (cycle_id, code, deadline_date, deadline_time) VALUES ($1, $2, $3, $4)
     ON CONFLICT (cycle_id, code) DO UPDATE SET deadline_date = $3, deadline_time = $4, updated_at = now() RETURNING id`,
    [period.cycleId, period.code, period.deadlineDate, period.deadlineTime],
  );
  return rows[0].id;
}

/** Plans a reminder again for now, as a new generation with a fresh grace; returns that generation. */
export async function planReminderAgain(manager: EntityManager, id: string, graceHours: number): Promise<number> {
  const [rows]: [{ generation: number }[], number] = await manager.query(
    `UPDATE reminder SET status = $2, generation = generation + 1, attempts = 0, send_at = now(),
            expires_at = now() + make_interval(hours => $3), retry_at = NULL, leased_until = NULL, skip_reason = NULL,
            last_error = NULL, message_id = NULL, smtp_response = NULL, sent_at = NULL, updated_at = now()
      WHERE id = $1 RETURNING generation`,
    [id, ReminderStatus.PLANNED, graceHours],
  );
  return rows[0].generation;
}
