import { assignedCodesFrom, ClaimedReminder, ReminderKind, ReminderStatus, UnitAssignments, unitAssignmentColumns } from '@peduli/db';
import { completenessPageLink, daysUntil, formatDeadline, homePageLink, hasCompletedPeriod, isMinuteSlot, Locale, minutesUntil, OrganisationKind, Programme, REPORTING_UNIT_KINDS, reportPageLink, Role, SubmissionStatus } from '@peduli/domain';
import { OverdueWatchers, overdueToldSentence, renderMail, RenderedMail, TemplateId } from '@peduli/mail';
import type { DataSource } from 'typeorm';

export interface PeriodFacts {
  id: string;
  cycleId: string;
  code: string;
  programme: string;
  year: number;
  periodKey: string;
}

export interface UnitFacts {
  name: string;
  status: SubmissionStatus | null;
  submissionId: string | null;
  answered: number;
  extendedUntil: Date | null;
  /** How many answer codes its reporter assigned it in the period; null when the reporter assigns nothing. */
  assigned?: number | null;
}

/** Units of a reporter (a regency/city, a ministry, a Biro Hukum) that have not completed a period, for escalations and digests. */
export interface RegionFacts {
  name: string;
  pending: (UnitFacts & { organisationId: string | null })[];
}

const PROGRAMME_LABEL: Record<string, string> = { RANHAM: 'RANHAM', KKP_HAM: 'KKP HAM' };

const MISSING: Record<'NONE' | 'DRAFT' | 'RETURNED' | 'CHECK_FAILED', Record<Locale, (answered: number) => string>> = {
  NONE: { id: () => '- Laporan belum dibuat.', en: () => '- The report has not been started.' },
  DRAFT: {
    id: (answered) => `- Laporan masih draf (${answered} jawaban terisi) dan belum dikirim.`,
    en: (answered) => `- The report is a draft (${answered} answers filled in) and has not been submitted.`,
  },
  RETURNED: {
    id: () => '- Laporan dikembalikan oleh verifikator: perbaiki sesuai catatan lalu kirim ulang.',
    en: () => '- The report was returned by the reviewer: fix it as noted and submit again.',
  },
  CHECK_FAILED: {
    id: () => '- Dokumen pendukung tidak lolos pemeriksaan: ganti dokumen lalu kirim ulang.',
    en: () => '- Supporting documents failed the checks: replace them and submit again.',
  },
};

const ASSIGNED: Record<Locale, (count: number) => string> = {
  id: (count) => `- ${count} butir ditugaskan kepada unit Anda.`,
  en: (count) => `- ${count} ${count === 1 ? 'item' : 'items'} assigned to your unit.`,
};

function missingText(unit: UnitFacts, locale: Locale): string {
  const key = unit.status === null ? 'NONE' : unit.status === SubmissionStatus.RETURNED ? 'RETURNED' : unit.status === SubmissionStatus.CHECK_FAILED ? 'CHECK_FAILED' : 'DRAFT';
  const missing = MISSING[key][locale](unit.answered);
  return unit.assigned == null ? missing : `${missing}\n${ASSIGNED[locale](unit.assigned)}`;
}

const STATUS_LABEL: Record<Locale, Record<string, string>> = {
  id: { NONE: 'belum dibuat', DRAFT: 'draf', RETURNED: 'dikembalikan', CHECK_FAILED: 'dokumen ditolak' },
  en: { NONE: 'not started', DRAFT: 'draft', RETURNED: 'returned', CHECK_FAILED: 'documents rejected' },
};

function unitList(units: RegionFacts['pending'], locale: Locale): string {
  return units.map((unit) => `- ${unit.name} (${STATUS_LABEL[locale][unit.status ?? 'NONE'] ?? unit.status})`).join('\n');
}

/**
 * What one sweep reads once for all its batches: the periods (their cycle, code and year) and the deadlines' texts,
 * which a batch of a few rows would otherwise read and format again for each mail.
 */
export class SweepFacts {
  readonly periods = new Map<string, PeriodFacts>();
  readonly deadlineText = memoise((deadlineAt: Date, zone: string, locale: Locale) => formatDeadline(deadlineAt, zone, locale));
  /** Days left counted from the minute of `now`: a day in any zone starts on a whole minute, so the count is the same. */
  private readonly daysLeftFromMinute = memoise((deadlineAt: Date, zone: string, minute: number) => daysUntil(deadlineAt, new Date(minute * 60_000), zone));
  daysLeft(deadlineAt: Date, zone: string, now: Date): number {
    return this.daysLeftFromMinute(deadlineAt, zone, Math.floor(now.getTime() / 60_000));
  }
}

/** Reads what the reminders of one batch talk about: their periods, their units' standing, and pending units per region. */
export async function loadFacts(dataSource: DataSource, batch: ClaimedReminder[], now: Date, sweep: SweepFacts = new SweepFacts()) {
  const periodIds = [...new Set(batch.map((r) => r.periodId))];
  const unreadPeriods = periodIds.filter((id) => !sweep.periods.has(id));
  if (unreadPeriods.length > 0) {
    const periodRows: { id: string; cycle_id: string; code: string; programme: string; year: number }[] = await dataSource.query(
      `SELECT p.id, p.cycle_id, p.code, c.programme, c.year FROM reporting_period p JOIN reporting_cycle c ON c.id = p.cycle_id WHERE p.id = ANY($1::uuid[])`,
      [unreadPeriods],
    );
    for (const p of periodRows) {
      sweep.periods.set(p.id, { id: p.id, cycleId: p.cycle_id, code: p.code, programme: p.programme, year: p.year, periodKey: `${p.year}-${p.code}` });
    }
  }
  const periods = sweep.periods;
  const regions = [...new Set(batch.map((r) => r.regionCode).filter((code): code is string => code !== null))];
  // A province's or a ministry's unit, or the reporter itself for its coordinators, has no regency/city.
  const placeless = [...new Set(batch.filter((r) => r.regionCode === null && r.organisationId).map((r) => r.organisationId as string))];
  // An escalation or a digest about a ministry or a Biro Hukum lists its units (directorates, province OPD) too.
  const overseen = [
    ...new Set(batch.filter((r) => r.regionCode === null && r.organisationId && (r.kind === ReminderKind.ESCALATION || r.kind === ReminderKind.DIGEST)).map((r) => r.organisationId as string)),
  ];
  const rows: {
    period_id: string;
    region_code: string | null;
    region_name: string | null;
    organisation_id: string | null;
    reporter_id: string | null;
    name: string;
    status: SubmissionStatus | null;
    submission_id: string | null;
    answered: number | null;
    extended_until: Date | null;
  }[] = await dataSource.query(
    `WITH units AS (
       SELECT r.code AS region_code, r.name AS region_name, NULL::uuid AS organisation_id, NULL::uuid AS reporter_id, r.name AS name FROM region r WHERE r.code = ANY($2)
       UNION ALL
       SELECT o.region_code, r.name, o.id, NULL::uuid, o.name FROM organisation o JOIN region r ON r.code = o.region_code
        WHERE o.region_code = ANY($2) AND o.active AND o.kind = ANY($3)
       UNION ALL
       SELECT NULL, NULL, o.id, coalesce(o.parent_id, o.id), o.name FROM organisation o
        WHERE (o.id = ANY($4::uuid[]) OR o.id = ANY($5::uuid[]) OR (o.parent_id = ANY($5::uuid[]) AND o.kind = ANY($6)))
          AND o.region_code IS NULL AND o.active
     )
     SELECT p.id AS period_id, u.region_code, u.region_name, u.organisation_id, u.reporter_id, u.name, s.status, s.id AS submission_id,
            (SELECT count(*)::int FROM jsonb_object_keys(COALESCE(s.answers, '{}'::jsonb))) AS answered,
            (SELECT max(e.until) FROM deadline_extension e
              WHERE e.period_id = p.id AND (e.region_code = u.region_code OR e.reporter_organisation_id = u.reporter_id)
                AND (e.organisation_id IS NULL OR e.organisation_id = u.organisation_id)) AS extended_until
       FROM units u
      CROSS JOIN (SELECT p.id, c.programme, c.year, p.code FROM reporting_period p JOIN reporting_cycle c ON c.id = p.cycle_id WHERE p.id = ANY($1::uuid[])) p
       LEFT JOIN LATERAL (SELECT id, status, answers FROM submission s WHERE s.region_code IS NOT DISTINCT FROM u.region_code
                             AND s.organisation_id IS NOT DISTINCT FROM u.organisation_id AND s.programme = p.programme
                             AND s.period_key = p.year || '-' || p.code ORDER BY s.created_at DESC LIMIT 1) s ON TRUE`,
    [periodIds, regions, REPORTING_UNIT_KINDS, placeless, overseen, [OrganisationKind.DIRECTORATE, OrganisationKind.OPD]],
  );
  const units = new Map<string, UnitFacts>();
  const regionFacts = new Map<string, RegionFacts>();
  for (const row of rows) {
    const unit: UnitFacts = { name: row.name, status: row.status, submissionId: row.submission_id, answered: row.answered ?? 0, extendedUntil: row.extended_until };
    units.set(`${row.period_id}|${row.region_code}|${row.organisation_id}`, unit);
    if (row.region_code !== null && row.region_name !== null) {
      const regionKey = `${row.period_id}|${row.region_code}`;
      if (!regionFacts.has(regionKey)) regionFacts.set(regionKey, { name: row.region_name, pending: [] });
      if (!hasCompletedPeriod(row.status)) regionFacts.get(regionKey)!.pending.push({ ...unit, organisationId: row.organisation_id });
    } else if (row.reporter_id !== null && overseen.includes(row.reporter_id)) {
      // A ministry's or a Biro Hukum's own report and its units, under the reporter's name, its own report first.
      const reporterKey = `${row.period_id}|reporter:${row.reporter_id}`;
      if (!regionFacts.has(reporterKey)) regionFacts.set(reporterKey, { name: '', pending: [] });
      const facts = regionFacts.get(reporterKey)!;
      if (row.organisation_id === row.reporter_id) facts.name = row.name;
      if (!hasCompletedPeriod(row.status)) {
        const pending = { ...unit, organisationId: row.organisation_id };
        if (row.organisation_id === row.reporter_id) facts.pending.unshift(pending);
        else facts.pending.push(pending);
      }
    }
  }
  // A unit's own reminder says how much its reporter assigned it: one query for the batch's units of each period.
  const unitReminders = batch.filter((r) => r.organisationId && r.kind !== ReminderKind.ESCALATION && r.kind !== ReminderKind.DIGEST);
  const unitsByPeriod = new Map<string, Set<string>>();
  for (const reminder of unitReminders) {
    if (!units.has(`${reminder.periodId}|${reminder.regionCode}|${reminder.organisationId}`) || !periods.has(reminder.periodId)) continue;
    if (!unitsByPeriod.has(reminder.periodId)) unitsByPeriod.set(reminder.periodId, new Set());
    unitsByPeriod.get(reminder.periodId)!.add(reminder.organisationId as string);
  }
  for (const [periodId, organisationIds] of unitsByPeriod) {
    const period = periods.get(periodId)!;
    const assignmentRows: (UnitAssignments & { id: string; kind: OrganisationKind; versionId: string })[] = await dataSource.query(
      `SELECT u.id, u.kind, c.framework_version_id AS "versionId", ${unitAssignmentColumns('u', 'c')}
         FROM organisation u JOIN reporting_cycle c ON c.id = $2
        WHERE u.id = ANY($1::uuid[])`,
      [[...organisationIds], period.cycleId],
    );
    const assignedOf = new Map<string, number | null>();
    for (const row of assignmentRows) {
      const assigned = await assignedCodesFrom(dataSource.manager, { ...row, programme: period.programme as Programme, periodKey: period.periodKey });
      assignedOf.set(row.id, assigned ? assigned.size : null);
    }
    for (const reminder of unitReminders) {
      if (reminder.periodId !== periodId) continue;
      const unit = units.get(`${periodId}|${reminder.regionCode}|${reminder.organisationId}`);
      if (unit) unit.assigned = assignedOf.get(reminder.organisationId as string) ?? null;
    }
  }
  // Who gets the escalation of a regency/city's overdue units, from the ledger itself: the overdue mail may only say
  // that someone was told when such a mail is planned or sent to a coordinator or a Kanwil.
  const watcherRows: { period_id: string; region_code: string; coordinator: boolean; kanwil: boolean }[] = batch.some((r) => r.kind === ReminderKind.OVERDUE)
    ? await dataSource.query(
        `SELECT rm.period_id, rm.region_code,
                bool_or(EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = rm.recipient_user_id AND ra.role = $3 AND ra.region_code = rm.region_code)) AS coordinator,
                bool_or(EXISTS (SELECT 1 FROM role_assignment ra JOIN region r ON r.code = rm.region_code
                                 WHERE ra.user_id = rm.recipient_user_id AND ra.role = $4 AND ra.province_code = r.province_code)) AS kanwil
           FROM reminder rm
          WHERE rm.period_id = ANY($1::uuid[]) AND rm.region_code = ANY($2) AND rm.kind = $5 AND rm.status NOT IN ($6, $7)
          GROUP BY rm.period_id, rm.region_code`,
        [periodIds, regions, Role.COORDINATOR, Role.KANWIL_VERIFIER, ReminderKind.ESCALATION, ReminderStatus.VOID, ReminderStatus.FAILED],
      )
    : [];
  const watchers = new Map<string, OverdueWatchers>(watcherRows.map((row) => [`${row.period_id}|${row.region_code}`, { coordinator: row.coordinator, kanwil: row.kanwil }]));
  // A ministry's or a province's unit: the escalations planned about its reporter (the unit's parent), to its
  // coordinator, the province's Kanwil, or (for a ministry) the central verifiers.
  const overdueUnits = [...new Set(batch.filter((r) => r.kind === ReminderKind.OVERDUE && r.regionCode === null && r.organisationId).map((r) => r.organisationId as string))];
  const unitWatcherRows: { period_id: string; organisation_id: string; coordinator: boolean; kanwil: boolean; central: boolean }[] = overdueUnits.length
    ? await dataSource.query(
        `SELECT rm.period_id, o.id AS organisation_id,
                bool_or(EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = rm.recipient_user_id AND ra.role = $3 AND ra.organisation_id = o.parent_id)) AS coordinator,
                bool_or(EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = rm.recipient_user_id AND ra.role = $4 AND ra.province_code = o.province_code)) AS kanwil,
                bool_or(EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = rm.recipient_user_id AND ra.role = $8)) AS central
           FROM organisation o
           JOIN reminder rm ON rm.organisation_id = o.parent_id AND rm.region_code IS NULL
          WHERE o.id = ANY($2::uuid[]) AND rm.period_id = ANY($1::uuid[]) AND rm.kind = $5 AND rm.status NOT IN ($6, $7)
          GROUP BY rm.period_id, o.id`,
        [periodIds, overdueUnits, Role.COORDINATOR, Role.KANWIL_VERIFIER, ReminderKind.ESCALATION, ReminderStatus.VOID, ReminderStatus.FAILED, Role.CENTRAL_VERIFIER],
      )
    : [];
  for (const row of unitWatcherRows) {
    watchers.set(`${row.period_id}|unit:${row.organisation_id}`, { coordinator: row.coordinator, kanwil: row.kanwil, central: row.central });
  }
  return {
    period: (reminder: ClaimedReminder) => periods.get(reminder.periodId),
    watchers: (reminder: ClaimedReminder): OverdueWatchers =>
      watchers.get(reminder.regionCode !== null ? `${reminder.periodId}|${reminder.regionCode}` : `${reminder.periodId}|unit:${reminder.organisationId}`) ?? {
        coordinator: false,
        kanwil: false,
      },
    unit: (reminder: ClaimedReminder) => units.get(`${reminder.periodId}|${reminder.regionCode}|${reminder.organisationId}`),
    region: (reminder: ClaimedReminder) =>
      regionFacts.get(reminder.regionCode !== null ? `${reminder.periodId}|${reminder.regionCode}` : `${reminder.periodId}|reporter:${reminder.organisationId}`),
    now,
    /** A sweep's rows share a few deadlines: each is formatted once a sweep and its days left counted once a minute, not once per mail. */
    deadlineText: sweep.deadlineText,
    daysLeft: (deadlineAt: Date, zone: string) => sweep.daysLeft(deadlineAt, zone, now),
  };
}

function memoise<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = args.map((arg) => (arg instanceof Date ? arg.getTime() : String(arg))).join('|');
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(...args)));
    return value;
  };
}

export type BatchFacts = Awaited<ReturnType<typeof loadFacts>>;

export type Composition = { mail: RenderedMail } | { skip: 'COMPLETED' | 'NOTHING_TO_REPORT' | 'UNKNOWN_SUBJECT' };

const TEMPLATE_OF: Record<ReminderKind, TemplateId> = {
  [ReminderKind.BEFORE_DEADLINE]: 'reminder-before-deadline',
  [ReminderKind.OVERDUE]: 'reminder-overdue',
  [ReminderKind.DEADLINE_MOVED]: 'reminder-deadline-moved',
  [ReminderKind.ESCALATION]: 'reminder-escalation',
  [ReminderKind.DIGEST]: 'reminder-digest',
};

/**
 * The mail for one reminder in the recipient's language, with the deadline in the reminder's zone, or why it is not
 * sent: the unit completed the period, or an escalation or digest has no unit left to name. Throws
 * MissingTemplateVariableError when a template needs what it was not given.
 */
export function composeReminder(reminder: ClaimedReminder, facts: BatchFacts, appUrl: string): Composition {
  const period = facts.period(reminder);
  if (!period) return { skip: 'UNKNOWN_SUBJECT' };
  const locale: Locale = reminder.locale === 'en' ? 'en' : 'id';
  const common = {
    recipientName: reminder.recipientName,
    periodLabel: `${PROGRAMME_LABEL[period.programme] ?? period.programme} ${period.year} ${period.code}`,
    deadline: facts.deadlineText(reminder.deadlineAt, reminder.timeZone, locale),
  };
  if (reminder.kind === ReminderKind.ESCALATION || reminder.kind === ReminderKind.DIGEST) {
    const region = facts.region(reminder);
    if (!region) return { skip: 'UNKNOWN_SUBJECT' };
    const pending =
      reminder.kind === ReminderKind.ESCALATION ? region.pending.filter((unit) => !unit.extendedUntil || unit.extendedUntil < facts.now) : region.pending;
    if (pending.length === 0) return { skip: 'NOTHING_TO_REPORT' };
    const link = completenessPageLink(appUrl, {
      programme: period.programme,
      cycleId: period.cycleId,
      periodCode: period.code,
      ...(reminder.regionCode !== null ? { regionCode: reminder.regionCode } : { organisationId: reminder.organisationId }),
    });
    return { mail: renderMail(TEMPLATE_OF[reminder.kind], locale, { ...common, regionName: region.name, count: pending.length, units: unitList(pending, locale), link }) };
  }
  const unit = facts.unit(reminder);
  if (!unit) return { skip: 'UNKNOWN_SUBJECT' };
  if (hasCompletedPeriod(unit.status)) return { skip: 'COMPLETED' };
  // Planned before its reporter assigned it nothing in this period: nothing to remind it of.
  if (unit.assigned === 0) return { skip: 'NOTHING_TO_REPORT' };
  const link = unit.submissionId ? reportPageLink(appUrl, unit.submissionId) : homePageLink(appUrl);
  const unitVars = { ...common, unitName: unit.name, missing: missingText(unit, locale), link };
  // A policy counted in minutes says the minutes left: "0 days" would tell the unit nothing.
  if (reminder.kind === ReminderKind.BEFORE_DEADLINE && isMinuteSlot(reminder.slot)) {
    return { mail: renderMail('reminder-minutes-before-deadline', locale, { ...unitVars, minutesLeft: minutesUntil(reminder.deadlineAt, facts.now) }) };
  }
  if (reminder.kind === ReminderKind.OVERDUE) {
    return { mail: renderMail('reminder-overdue', locale, { ...unitVars, told: overdueToldSentence(locale, facts.watchers(reminder)) }) };
  }
  return { mail: renderMail(TEMPLATE_OF[reminder.kind], locale, { ...unitVars, daysLeft: facts.daysLeft(reminder.deadlineAt, reminder.timeZone) }) };
}
