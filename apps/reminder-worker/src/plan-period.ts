import { DesiredReminder, ReminderKind, ReminderLedger, ReminderStatus } from '@peduli/db';
import {
  DEFAULT_REMINDER_POLICY,
  deadlineInstant,
  hasCompletedPeriod,
  hasOverdueNotice,
  IANA_ZONE,
  LocalDeadline,
  localDeadlineAt,
  OrganisationKind,
  planReminders,
  REPORTING_UNIT_KINDS,
  ReminderPolicy,
  reminderSlot,
  reporterTimeZone,
  Role,
  SubmissionStatus,
  unitDeadline,
  weeklyDigestTimes,
} from '@peduli/domain';
import { JobName, QueueName, QueueRegistry } from '@peduli/queue';
import { restrictedUnits } from './unit-assignments';

/** Where a ministry and its directorates work: Jakarta (`reporterTimeZone` of a reporter without a province). */
const NATIONAL_ZONE = IANA_ZONE[reporterTimeZone(null)];
import type { DataSource, EntityManager } from 'typeorm';

interface PeriodRow {
  id: string;
  cycle_id: string;
  code: string;
  opens_on: string | null;
  deadline_date: string;
  deadline_time: string | null;
  time_zone: string | null;
  programme: string;
  year: number;
  policy: ReminderPolicy | null;
}

interface RecipientRow {
  user_id: string;
  email: string;
  /** Null for a province's or a ministry's report and its units' inputs. */
  region_code: string | null;
  province_code: string | null;
  iana_zone: string;
  /**
   * The unit reminded about, or the reporting organisation (a ministry, a Biro Hukum) for its coordinators; null for a
   * regency/city's own report (its coordinators).
   */
  organisation_id: string | null;
  /**
   * The ministry or the Biro Hukum a region-less recipient works for (a directorate's or province OPD's parent, or the
   * reporter itself for its coordinators); null within a regency/city, whose deadlines are keyed by its code.
   */
  reporter_organisation_id: string | null;
  status: SubmissionStatus | null;
}

export interface PlanOutcome {
  periodId: string;
  planned: number;
  voided: number;
  movedNotices: number;
  timers: number;
}

/** The timer job id of a period's send instant: adding it twice is a no-op, and a re-plan can remove it by name. */
export function timerJobId(periodId: string, at: Date): string {
  return `reminders.due.${periodId}.${at.getTime()}`;
}

/**
 * Plans a period's reminders from the current state: every unit that has not completed it gets, for each of its
 * operators and its head, the policy's reminders before its own deadline (the coordinator's internal deadline if
 * set, an extension if later) at the local send time of its zone, and the overdue notice; each reporter's coordinators
 * get the escalation with the province's Kanwil (a regency/city, a province) or the central verifiers (a ministry);
 * coordinators get the weekly digest. The ledger is then made to match, delayed
 * jobs are added for the new send instants and removed for the ones no longer used, and anyone whose deadline moved
 * earlier gets a notice.
 */
export async function planPeriod(dataSource: DataSource, queues: QueueRegistry | null, periodId: string, now = new Date()): Promise<PlanOutcome | null> {
  const ledger = new ReminderLedger(dataSource);
  const result = await dataSource.transaction(async (manager) => {
    // One planner per period at a time: two re-plans racing could each void the other's rows.
    const [period]: PeriodRow[] = await manager.query(
      `SELECT p.id, p.cycle_id, p.code, p.opens_on::text, p.deadline_date::text, p.deadline_time, p.time_zone, c.programme, c.year, rp.policy
         FROM reporting_period p JOIN reporting_cycle c ON c.id = p.cycle_id LEFT JOIN reminder_policy rp ON rp.cycle_id = c.id
        WHERE p.id = $1 FOR UPDATE OF p`,
      [periodId],
    );
    if (!period) return null;
    const policy = period.policy ?? DEFAULT_REMINDER_POLICY;
    const desired = await desiredReminders(manager, period, policy, now);
    const moved = await movedEarlierNotices(manager, period.id, desired, policy, now);
    const sync = await ledger.syncPlan(manager, period.id, [...desired, ...moved], now);
    return { sync, movedNotices: moved.length };
  });
  if (!result) return null;

  if (queues) {
    const queue = queues.queue(QueueName.Reminders);
    await Promise.all(result.sync.staleInstants.map((at) => queue.remove(timerJobId(periodId, at)).catch(() => 0)));
    const timerOptions = { removeOnComplete: true, removeOnFail: true };
    await Promise.all(
      result.sync.sendInstants.map((at) =>
        queues.add(QueueName.Reminders, JobName.RemindersDue, { periodId }, { jobId: timerJobId(periodId, at), delay: Math.max(0, at.getTime() - Date.now()), ...timerOptions }),
      ),
    );
    // Whatever is due already (an overdue notice planned late, a moved-deadline notice) goes out now.
    await queues.add(QueueName.Reminders, JobName.RemindersDue, { periodId }, { jobId: timerJobId(periodId, now), ...timerOptions });
  }
  return { periodId, planned: result.sync.planned, voided: result.sync.voided, movedNotices: result.movedNotices, timers: result.sync.sendInstants.length };
}

async function desiredReminders(manager: EntityManager, period: PeriodRow, policy: ReminderPolicy, now: Date): Promise<DesiredReminder[]> {
  const periodKey = `${period.year}-${period.code}`;
  const official: LocalDeadline = { date: period.deadline_date, time: period.deadline_time };
  // Internal deadlines and extensions name a regency/city by its code, or a ministry or a Biro Hukum by its id.
  const reporterKey = (regionCode: string | null, reporterId: string | null) => (regionCode ? `region:${regionCode}` : `reporter:${reporterId}`);
  const internal = new Map<string, LocalDeadline>(
    (await manager.query(`SELECT region_code, reporter_organisation_id, deadline_date::text, deadline_time FROM internal_deadline WHERE period_id = $1`, [period.id])).map(
      (row: { region_code: string | null; reporter_organisation_id: string | null; deadline_date: string; deadline_time: string | null }) => [
        reporterKey(row.region_code, row.reporter_organisation_id),
        { date: row.deadline_date, time: row.deadline_time },
      ],
    ),
  );
  const extensions: { region_code: string | null; reporter_organisation_id: string | null; organisation_id: string | null; until: Date }[] = await manager.query(
    `SELECT region_code, reporter_organisation_id, organisation_id, max(until) AS until FROM deadline_extension WHERE period_id = $1
      GROUP BY region_code, reporter_organisation_id, organisation_id`,
    [period.id],
  );
  const extensionFor = (recipient: RecipientRow): Date | null =>
    extensions
      .filter(
        (e) =>
          reporterKey(e.region_code, e.reporter_organisation_id) === reporterKey(recipient.region_code, recipient.reporter_organisation_id) &&
          (e.organisation_id === null || e.organisation_id === recipient.organisation_id),
      )
      .reduce<Date | null>((latest, e) => (latest === null || e.until > latest ? e.until : latest), null);

  // Units of a regency/city, of a province (its OPD) and of a ministry (its directorates); the last two have no
  // regency/city and work in their province's zone, a ministry's in WIB (`reporterTimeZone`).
  const unitRecipients: RecipientRow[] = await manager.query(
    `SELECT DISTINCT ON (ra.user_id, o.id) ra.user_id, ua.email, o.region_code, o.province_code,
            coalesce(r.iana_zone, pv.iana_zone, $6) AS iana_zone, o.id AS organisation_id,
            CASE WHEN o.region_code IS NULL THEN coalesce(o.parent_id, o.id) END AS reporter_organisation_id, s.status
       FROM role_assignment ra
       JOIN user_account ua ON ua.id = ra.user_id AND ua.active
       JOIN organisation o ON o.id = ra.organisation_id AND o.active AND o.kind = ANY($3)
       LEFT JOIN region r ON r.code = o.region_code
       LEFT JOIN province pv ON pv.code = o.province_code
       LEFT JOIN LATERAL (SELECT status FROM submission s WHERE s.region_code IS NOT DISTINCT FROM o.region_code AND s.organisation_id = o.id
                             AND s.programme = $1 AND s.period_key = $2 ORDER BY s.created_at DESC LIMIT 1) s ON TRUE
      WHERE ra.role IN ($4, $5)`,
    [period.programme, periodKey, [...REPORTING_UNIT_KINDS, OrganisationKind.DIRECTORATE], Role.UNIT_OPERATOR, Role.UNIT_HEAD, NATIONAL_ZONE],
  );
  // Where the reporter assigns items, a unit with nothing assigned has nothing to report and hears nothing.
  const restricted = await restrictedUnits(manager, period.cycle_id, [...new Set(unitRecipients.map((recipient) => recipient.organisation_id as string))]);
  const answeringUnits = unitRecipients.filter((recipient) => restricted.get(recipient.organisation_id as string) !== false);
  const coordinators: RecipientRow[] = await manager.query(
    `SELECT DISTINCT ON (ra.user_id, r.code) ra.user_id, ua.email, r.code AS region_code, r.province_code, r.iana_zone, NULL::uuid AS organisation_id,
            NULL::uuid AS reporter_organisation_id, s.status
       FROM role_assignment ra
       JOIN user_account ua ON ua.id = ra.user_id AND ua.active
       JOIN region r ON r.code = ra.region_code
       LEFT JOIN LATERAL (SELECT status FROM submission s WHERE s.region_code = r.code AND s.organisation_id IS NULL
                             AND s.programme = $1 AND s.period_key = $2 ORDER BY s.created_at DESC LIMIT 1) s ON TRUE
      WHERE ra.role = $3`,
    [period.programme, periodKey, Role.COORDINATOR],
  );
  // Coordinators of a ministry's or a province's report (scoped to the ministry or the Biro Hukum), about that report.
  const reporterCoordinators: RecipientRow[] = await manager.query(
    `SELECT DISTINCT ON (ra.user_id, o.id) ra.user_id, ua.email, NULL AS region_code, o.province_code,
            coalesce(pv.iana_zone, $5) AS iana_zone, o.id AS organisation_id, o.id AS reporter_organisation_id, s.status
       FROM role_assignment ra
       JOIN user_account ua ON ua.id = ra.user_id AND ua.active
       JOIN organisation o ON o.id = ra.organisation_id AND o.active AND o.kind = ANY($4)
       LEFT JOIN province pv ON pv.code = o.province_code
       LEFT JOIN LATERAL (SELECT status FROM submission s WHERE s.organisation_id = o.id AND s.own_report
                             AND s.programme = $1 AND s.period_key = $2 ORDER BY s.created_at DESC LIMIT 1) s ON TRUE
      WHERE ra.role = $3`,
    [period.programme, periodKey, Role.COORDINATOR, [OrganisationKind.MINISTRY, OrganisationKind.BIRO_HUKUM], NATIONAL_ZONE],
  );

  const graceMs = policy.graceHours * 3_600_000;
  const desired: DesiredReminder[] = [];
  const zoneOf = (unitZone: string) => period.time_zone ?? unitZone;

  // Operators and heads of each unit (and coordinators for their reporter's own report) until it is completed.
  for (const recipient of [...answeringUnits, ...coordinators, ...reporterCoordinators]) {
    if (hasCompletedPeriod(recipient.status)) continue;
    const zone = zoneOf(recipient.iana_zone);
    // The same rule as completeness, so a unit is mailed "Terlambat" exactly when completeness shows it LATE.
    // A unit works to its coordinator's internal deadline; a reporter's own report (a regency/city's, a ministry's, a
    // Biro Hukum's) to the official one.
    const ownReport = recipient.region_code ? recipient.organisation_id === null : recipient.organisation_id === recipient.reporter_organisation_id;
    const { deadline, instant: deadlineAt } = unitDeadline({
      official,
      internal: internal.get(reporterKey(recipient.region_code, recipient.reporter_organisation_id)),
      isOrganisation: !ownReport,
      extendedUntil: extensionFor(recipient),
      zone,
    });
    for (const planned of planReminders(deadline, zone, policy, { opensOn: period.opens_on, escalate: false })) {
      desired.push({
        recipientUserId: recipient.user_id,
        recipientEmail: recipient.email,
        kind: planned.kind === 'OVERDUE' ? ReminderKind.OVERDUE : ReminderKind.BEFORE_DEADLINE,
        slot: reminderSlot(planned),
        deadlineAt,
        timeZone: zone,
        regionCode: recipient.region_code,
        organisationId: recipient.organisation_id,
        sendAt: planned.sendAt,
        expiresAt: new Date(planned.sendAt.getTime() + graceMs),
      });
    }
  }

  // Escalation of overdue units, one mail per reporter: a regency/city's to its coordinator and the province's Kanwil, a
  // province's (its OPD under the Biro Hukum) to the Biro Hukum's coordinator and the province's Kanwil, a ministry's
  // (its directorates) to the ministry's coordinator and the central verifiers.
  const overseers: RecipientRow[] = [...coordinators, ...reporterCoordinators];
  if (policy.escalateOverdue && hasOverdueNotice(policy)) {
    const kanwil: RecipientRow[] = await manager.query(
      `SELECT DISTINCT ON (ra.user_id, r.code) ra.user_id, ua.email, r.code AS region_code, r.province_code, r.iana_zone, NULL::uuid AS organisation_id,
              NULL::uuid AS reporter_organisation_id, NULL AS status
         FROM role_assignment ra
         JOIN user_account ua ON ua.id = ra.user_id AND ua.active
         JOIN region r ON r.province_code = ra.province_code
        WHERE ra.role = $1 AND EXISTS (SELECT 1 FROM organisation o WHERE o.region_code = r.code AND o.active AND o.kind = ANY($2))`,
      [Role.KANWIL_VERIFIER, REPORTING_UNIT_KINDS],
    );
    const reporterOverseers: RecipientRow[] = await reporterEscalationRecipients(manager);
    for (const overseer of [...coordinators, ...kanwil, ...reporterCoordinators, ...reporterOverseers]) {
      const zone = zoneOf(overseer.iana_zone);
      const overdue = planReminders(official, zone, { ...policy, offsetsDays: [], offsetsMinutes: [] }, { escalate: true }).find((p) => p.kind === 'ESCALATION');
      if (!overdue) continue;
      desired.push({
        recipientUserId: overseer.user_id,
        recipientEmail: overseer.email,
        kind: ReminderKind.ESCALATION,
        slot: `ESCALATION:${overseer.region_code ?? overseer.reporter_organisation_id}`,
        deadlineAt: deadlineInstant(official, zone),
        timeZone: zone,
        regionCode: overseer.region_code,
        organisationId: overseer.region_code ? null : overseer.reporter_organisation_id,
        sendAt: overdue.sendAt,
        expiresAt: new Date(overdue.sendAt.getTime() + graceMs),
      });
    }
  }

  // The weekly digest to coordinators (of a regency/city, a ministry or a Biro Hukum), from the opening (or now) until the deadline.
  if (policy.weeklyDigest) {
    for (const coordinator of overseers) {
      const zone = zoneOf(coordinator.iana_zone);
      const deadlineAt = deadlineInstant(official, zone);
      const opens = period.opens_on ? deadlineInstant({ date: period.opens_on, time: '00:00' }, zone) : now;
      const from = new Date(Math.max(opens.getTime(), now.getTime()));
      for (const sendAt of weeklyDigestTimes(from, deadlineAt, zone, policy.weeklyDigest)) {
        desired.push({
          recipientUserId: coordinator.user_id,
          recipientEmail: coordinator.email,
          kind: ReminderKind.DIGEST,
          slot: `DIGEST:${coordinator.region_code ?? coordinator.reporter_organisation_id}:${localDeadlineAt(sendAt, zone).date}`,
          deadlineAt,
          timeZone: zone,
          regionCode: coordinator.region_code,
          organisationId: coordinator.region_code ? null : coordinator.reporter_organisation_id,
          sendAt,
          expiresAt: new Date(sendAt.getTime() + graceMs),
        });
      }
    }
  }
  return desired;
}

/**
 * Who, besides its coordinator, hears of a region-less reporter's overdue units: the central verifiers of a ministry
 * with active directorates (in WIB), and the Kanwil of a province whose Biro Hukum has active OPD (in the province's
 * zone). One row per person and reporter, the reporter as `reporter_organisation_id`.
 */
function reporterEscalationRecipients(manager: EntityManager): Promise<RecipientRow[]> {
  return manager.query(
    `SELECT DISTINCT ON (ra.user_id, rep.id) ra.user_id, ua.email, NULL AS region_code, rep.province_code,
            coalesce(pv.iana_zone, $5) AS iana_zone, NULL::uuid AS organisation_id, rep.id AS reporter_organisation_id, NULL AS status
       FROM role_assignment ra
       JOIN user_account ua ON ua.id = ra.user_id AND ua.active
       JOIN organisation rep ON rep.active
            AND ((ra.role = $1 AND rep.kind = $3) OR (ra.role = $2 AND rep.kind = $4 AND rep.province_code = ra.province_code))
       LEFT JOIN province pv ON pv.code = rep.province_code
      WHERE EXISTS (SELECT 1 FROM organisation u WHERE u.parent_id = rep.id AND u.active AND u.kind = ANY($6))`,
    [Role.CENTRAL_VERIFIER, Role.KANWIL_VERIFIER, OrganisationKind.MINISTRY, OrganisationKind.BIRO_HUKUM, NATIONAL_ZONE, [OrganisationKind.DIRECTORATE, OrganisationKind.OPD]],
  );
}

/**
 * One notice per recipient and unit whose deadline is now earlier than the one their reminders were planned against.
 * Its identity is the new deadline, so planning again keeps the same notice rather than sending another.
 */
async function movedEarlierNotices(manager: EntityManager, periodId: string, desired: DesiredReminder[], policy: ReminderPolicy, now: Date): Promise<DesiredReminder[]> {
  const previous: { recipient_user_id: string; organisation_id: string | null; deadline_at: Date }[] = await manager.query(
    `SELECT recipient_user_id, organisation_id, max(deadline_at) AS deadline_at FROM reminder
      WHERE period_id = $1 AND kind IN ($2, $3) AND status <> $4
      GROUP BY recipient_user_id, organisation_id`,
    [periodId, ReminderKind.BEFORE_DEADLINE, ReminderKind.OVERDUE, ReminderStatus.VOID],
  );
  const noticed: { recipient_user_id: string; organisation_id: string | null; deadline_at: Date; send_at: Date }[] = await manager.query(
    `SELECT recipient_user_id, organisation_id, deadline_at, send_at FROM reminder WHERE period_id = $1 AND kind = $2 AND status <> $3`,
    [periodId, ReminderKind.DEADLINE_MOVED, ReminderStatus.VOID],
  );
  const unitKey = (user: string, organisation: string | null) => `${user}|${organisation}`;
  const before = new Map(previous.map((row) => [unitKey(row.recipient_user_id, row.organisation_id), row.deadline_at.getTime()]));
  const existing = new Map(noticed.map((row) => [`${unitKey(row.recipient_user_id, row.organisation_id)}|${row.deadline_at.getTime()}`, row.send_at]));
  const notices = new Map<string, DesiredReminder>();
  for (const row of desired) {
    if (row.kind !== ReminderKind.BEFORE_DEADLINE && row.kind !== ReminderKind.OVERDUE) continue;
    const key = unitKey(row.recipientUserId, row.organisationId);
    if (notices.has(key)) continue;
    const earlier = before.get(key);
    const alreadyNoticed = existing.get(`${key}|${row.deadlineAt.getTime()}`);
    if (alreadyNoticed === undefined && (earlier === undefined || row.deadlineAt.getTime() >= earlier)) continue;
    const sendAt = alreadyNoticed ?? now;
    notices.set(key, { ...row, kind: ReminderKind.DEADLINE_MOVED, slot: 'MOVED', sendAt, expiresAt: new Date(sendAt.getTime() + policy.graceHours * 3_600_000) });
  }
  return [...notices.values()];
}
