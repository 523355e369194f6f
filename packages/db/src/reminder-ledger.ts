import type { DataSource, EntityManager } from 'typeorm';
import { ReminderKind, ReminderStatus } from './entities/reminder.entity';

/** A reminder as a plan wants it to exist; its identity is (recipient, period, deadline, slot). */
export interface DesiredReminder {
  recipientUserId: string;
  recipientEmail: string;
  kind: ReminderKind;
  slot: string;
  deadlineAt: Date;
  timeZone: string;
  /** Null for a province's or a ministry's report and its units' inputs. */
  regionCode: string | null;
  organisationId: string | null;
  sendAt: Date;
  expiresAt: Date;
}

/** A leased reminder with what the sender needs to render it. */
export interface ClaimedReminder extends DesiredReminder {
  id: string;
  periodId: string;
  recipientName: string;
  locale: string;
  attempts: number;
  generation: number;
}

export interface PlanSync {
  /** Rows that are now planned (new, revived or moved). */
  planned: number;
  /** Planned rows no longer wanted (their deadline changed, their unit completed): voided. */
  voided: number;
  /** The distinct future send instants of the period's planned rows, for the timers. */
  sendInstants: Date[];
  /** Send instants that only voided rows had: their timers can go. */
  staleInstants: Date[];
}

/**
 * The reminder ledger. Planning writes rows (unique per recipient, deadline and slot); sending leases a batch of due
 * rows as SENDING with `FOR UPDATE SKIP LOCKED`, so two senders never take the same row, and a sender that died
 * leaves rows that are due again once their lease runs out.
 */
export class ReminderLedger {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Makes the period's planned rows exactly `desired`: inserts new ones, revives voided ones whose deadline came back,
   * moves the send time of rows still waiting, and voids waiting rows no longer wanted. Rows already sent, skipped or
   * failed are history and stay as they are.
   */
  async syncPlan(manager: EntityManager, periodId: string, desired: DesiredReminder[], now: Date): Promise<PlanSync> {
    const kept: { id: string }[] = [];
    for (let start = 0; start < desired.length; start += 5000) {
      const chunk = desired.slice(start, start + 5000);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO reminder (period_id, recipient_user_id, recipient_email, kind, slot, deadline_at, time_zone, region_code,
                               organisation_id, send_at, expires_at)
         SELECT $1, d.recipient_user_id, d.recipient_email, d.kind, d.slot, d.deadline_at, d.time_zone, d.region_code,
                d.organisation_id, d.send_at, d.expires_at
           FROM jsonb_to_recordset($2::jsonb) AS d(recipient_user_id uuid, recipient_email text, kind text, slot text,
                deadline_at timestamptz, time_zone text, region_code text, organisation_id uuid, send_at timestamptz, expires_at timestamptz)
          -- A reminder whose time has passed is planned only if it already was (it is then still owed); a new plan
          -- made late does not fire a burst of reminders for moments gone by.
          WHERE d.send_at >= $3 OR EXISTS (
                SELECT 1 FROM reminder x WHERE x.recipient_user_id = d.recipient_user_id AND x.period_id = $1
                   AND x.deadline_at = d.deadline_at AND x.slot = d.slot AND x.status = '${ReminderStatus.PLANNED}')
         ON CONFLICT ON CONSTRAINT reminder_recipient_deadline_slot_uq DO UPDATE
            SET send_at = EXCLUDED.send_at, expires_at = EXCLUDED.expires_at, recipient_email = EXCLUDED.recipient_email,
                status = '${ReminderStatus.PLANNED}', updated_at = now()
          WHERE reminder.status IN ('${ReminderStatus.PLANNED}', '${ReminderStatus.VOID}')
         RETURNING id`,
        [
          periodId,
          JSON.stringify(
            chunk.map((row) => ({
              recipient_user_id: row.recipientUserId,
              recipient_email: row.recipientEmail,
              kind: row.kind,
              slot: row.slot,
              deadline_at: row.deadlineAt.toISOString(),
              time_zone: row.timeZone,
              region_code: row.regionCode,
              organisation_id: row.organisationId,
              send_at: row.sendAt.toISOString(),
              expires_at: row.expiresAt.toISOString(),
            })),
          ),
          now,
        ],
      );
      kept.push(...rows);
    }
    const [voidedRows]: [{ send_at: Date }[], number] = await manager.query(
      `UPDATE reminder SET status = '${ReminderStatus.VOID}', updated_at = now()
        WHERE period_id = $1 AND status = '${ReminderStatus.PLANNED}' AND NOT (id = ANY($2::uuid[]))
        RETURNING send_at`,
      [periodId, kept.map((row) => row.id)],
    );
    const instants: { send_at: Date }[] = await manager.query(
      `SELECT DISTINCT send_at FROM reminder WHERE period_id = $1 AND status = '${ReminderStatus.PLANNED}' AND send_at > $2 ORDER BY send_at`,
      [periodId, now],
    );
    const live = new Set(instants.map((row) => row.send_at.getTime()));
    const stale = [...new Set(voidedRows.map((row) => row.send_at.getTime()))].filter((time) => !live.has(time) && time > now.getTime());
    return { planned: kept.length, voided: voidedRows.length, sendInstants: instants.map((row) => row.send_at), staleInstants: stale.map((time) => new Date(time)) };
  }

  /**
   * Leases up to `limit` due rows (planned and due, retry time reached; or SENDING with a lease that ran out, i.e.
   * their sender died) for `leaseSeconds`. Each lease counts as an attempt.
   */
  async claimDue(now: Date, limit: number, leaseSeconds: number, periodId?: string | null): Promise<ClaimedReminder[]> {
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE reminder r
          SET status = '${ReminderStatus.SENDING}', leased_until = $1::timestamptz + make_interval(secs => $3), attempts = r.attempts + 1,
              updated_at = now()
         FROM (SELECT id FROM reminder
                WHERE send_at <= $1 AND ($4::uuid IS NULL OR period_id = $4)
                  AND ((status = '${ReminderStatus.PLANNED}' AND (retry_at IS NULL OR retry_at <= $1))
                    OR (status = '${ReminderStatus.SENDING}' AND leased_until < $1))
                ORDER BY send_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED) due,
              user_account u
        WHERE r.id = due.id AND u.id = r.recipient_user_id
        RETURNING r.id, r.period_id, r.kind, r.slot, r.recipient_user_id, r.recipient_email, u.display_name, u.locale,
                  r.deadline_at, r.time_zone, r.region_code, r.organisation_id, r.send_at, r.expires_at, r.attempts, r.generation`,
      [now, limit, leaseSeconds, periodId ?? null],
    );
    return rows.map((row) => ({
      id: row.id as string,
      periodId: row.period_id as string,
      kind: row.kind as ReminderKind,
      slot: row.slot as string,
      recipientUserId: row.recipient_user_id as string,
      recipientEmail: row.recipient_email as string,
      recipientName: row.display_name as string,
      locale: row.locale as string,
      deadlineAt: row.deadline_at as Date,
      timeZone: row.time_zone as string,
      regionCode: row.region_code as string | null,
      organisationId: row.organisation_id as string | null,
      sendAt: row.send_at as Date,
      expiresAt: row.expires_at as Date,
      attempts: row.attempts as number,
      generation: row.generation as number,
    }));
  }

  /** Records the delivery; only the holder of the lease (same generation, still SENDING) can. */
  async markSent(reminder: ClaimedReminder, messageId: string, smtpResponse: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder SET status = '${ReminderStatus.SENT}', message_id = $3, smtp_response = $4, sent_at = now(), leased_until = NULL,
              retry_at = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND generation = $2 AND status = '${ReminderStatus.SENDING}'`,
      [reminder.id, reminder.generation, messageId, smtpResponse.slice(0, 2000)],
    );
  }

  markSkipped(reminder: ClaimedReminder, reason: string): Promise<void> {
    return this.finish(reminder, ReminderStatus.SKIPPED, { skipReason: reason });
  }

  /** A permanent failure: kept with the SMTP reply (or the reason), never retried by itself. */
  markFailed(reminder: ClaimedReminder, error: string): Promise<void> {
    return this.finish(reminder, ReminderStatus.FAILED, { error });
  }

  /** A transient failure: back to PLANNED, due again at `retryAt`. */
  async retryLater(reminder: ClaimedReminder, error: string, retryAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder SET status = '${ReminderStatus.PLANNED}', retry_at = $3, last_error = $4, leased_until = NULL, updated_at = now()
        WHERE id = $1 AND generation = $2 AND status = '${ReminderStatus.SENDING}'`,
      [reminder.id, reminder.generation, retryAt, error.slice(0, 2000)],
    );
  }

  private async finish(reminder: ClaimedReminder, status: ReminderStatus, details: { skipReason?: string; error?: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder SET status = $3, skip_reason = $4, last_error = COALESCE($5, last_error), leased_until = NULL, retry_at = NULL,
              updated_at = now()
        WHERE id = $1 AND generation = $2 AND status = '${ReminderStatus.SENDING}'`,
      [reminder.id, reminder.generation, status, details.skipReason ?? null, details.error?.slice(0, 2000) ?? null],
    );
  }
}

/** The Message-ID of a reminder's mail: the same for every attempt of a generation, so a receiver can drop a repeat. */
export function reminderMessageId(reminder: Pick<ClaimedReminder, 'id' | 'generation'>): string {
  return `<reminder.${reminder.id}.${reminder.generation}@peduli>`;
}
