import { DateTime } from 'luxon';
import { LocalDeadline, deadlineInstant, isLocalDeadline } from './deadlines';
import { Bilingual } from './locale';

/**
 * How a policy counts its offsets. DAYS: calendar days before and after the deadline's date, each reminder at the
 * policy's local send time. MINUTES: minutes before and after the deadline's exact instant, for windows measured in
 * hours (a same-day data call, a rehearsal of a period, a walk-through of the system).
 */
export type ReminderUnit = 'DAYS' | 'MINUTES';

export const REMINDER_UNITS: readonly ReminderUnit[] = ['DAYS', 'MINUTES'];

/** What a cycle's reminders look like, as data: set per cycle by an admin, defaults below. */
export interface ReminderPolicy {
  /** Which offsets apply: DAYS (the default, also when absent) or MINUTES. The other unit's fields are kept but unused. */
  unit?: ReminderUnit;
  /** DAYS: days before each deadline a reminder goes out, e.g. 3 and 1. */
  offsetsDays: number[];
  /**
   * DAYS: also remind on the day the period's window opens (at `sendAt`), when the period has an opening date.
   * Absent means no: policies stored before this existed keep behaving as they did.
   */
  atOpening?: boolean;
  /** DAYS: local time of day (in the recipient's zone) reminders are sent at, HH:mm. */
  sendAt: string;
  /** DAYS: days after the deadline the overdue notice goes out; null for none. */
  overdueAfterDays: number | null;
  /** MINUTES (required there): minutes before the deadline's instant a reminder goes out, e.g. 30 and 5. */
  offsetsMinutes?: number[];
  /** MINUTES: minutes after the deadline's instant the overdue notice goes out; null or absent for none. */
  overdueAfterMinutes?: number | null;
  /** Whether overdue units are also reported to the kab/kota coordinator and the province's Kanwil. */
  escalateOverdue: boolean;
  /** The weekly digest to coordinators of units not yet done: ISO weekday (1 = Monday) and time; null for none. */
  weeklyDigest: { weekday: number; time: string } | null;
  /** A reminder found due more than this many hours late (e.g. after an outage) is recorded as skipped, not sent. */
  graceHours: number;
}

/**
 * National RANHAM windows last about a week (B08 2022: 30 Aug-6 Sep; B12 2022: 28 Nov-5 Dec), so by default a unit hears
 * when the window opens, then 3 days and 1 day before it closes.
 */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  offsetsDays: [3, 1],
  atOpening: true,
  sendAt: '09:00',
  overdueAfterDays: 1,
  escalateOverdue: true,
  weeklyDigest: { weekday: 1, time: '09:00' },
  graceHours: 24,
};

export interface ReminderPolicyProblem {
  path: string;
  code: string;
  message: Bilingual;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_OFFSET_DAYS = 90;
/** A day: anything longer is counted in days. */
export const MAX_OFFSET_MINUTES = 1440;

/** The unit a policy counts in; a policy stored before units existed counts in days. */
export function reminderUnitOf(policy: Pick<ReminderPolicy, 'unit'>): ReminderUnit {
  return policy.unit ?? 'DAYS';
}

/** Whether the policy sends an overdue notice (and so may escalate), in whichever unit it counts. */
export function hasOverdueNotice(policy: ReminderPolicy): boolean {
  return reminderUnitOf(policy) === 'MINUTES' ? policy.overdueAfterMinutes != null : policy.overdueAfterDays !== null;
}

type ReportProblem = (path: string, code: string, id: string, en: string) => void;

const DAYS = { id: 'hari', en: 'days' };
const MINUTES = { id: 'menit', en: 'minutes' };

/** The problems of a list of reminder offsets, each whole, in range and once, counted in days or minutes. */
function checkOffsetList(report: ReportProblem, field: string, offsets: unknown, max: number, unit: { id: string; en: string }): void {
  if (!Array.isArray(offsets)) {
    report(field, 'NOT_A_LIST', `${field} harus berupa daftar ${unit.id}.`, `${field} must be a list of ${unit.en}.`);
    return;
  }
  offsets.forEach((offset, index) => {
    if (!Number.isInteger(offset) || offset < 1 || offset > max) {
      report(
        `${field}[${index}]`,
        'OFFSET_OUT_OF_RANGE',
        `Jarak pengingat harus bilangan bulat 1-${max} ${unit.id} sebelum batas waktu.`,
        `A reminder offset must be a whole number of 1-${max} ${unit.en} before the deadline.`,
      );
    } else if (offsets.indexOf(offset) !== index) {
      report(`${field}[${index}]`, 'DUPLICATE_OFFSET', `Jarak ${offset} ${unit.id} berulang.`, `Offset ${offset} ${unit.en} is repeated.`);
    }
  });
}

/** Every problem of a policy, with a path; never throws (policies come from request bodies). */
export function validateReminderPolicy(policy: ReminderPolicy): ReminderPolicyProblem[] {
  const problems: ReminderPolicyProblem[] = [];
  const report: ReportProblem = (path, code, id, en) => problems.push({ path, code, message: { id, en } });
  checkOffsetList(report, 'offsetsDays', policy.offsetsDays, MAX_OFFSET_DAYS, DAYS);
  const atOpening: unknown = policy.atOpening;
  if (atOpening !== undefined && typeof atOpening !== 'boolean') {
    report('atOpening', 'NOT_A_BOOLEAN', 'atOpening harus true atau false.', 'atOpening must be true or false.');
  }
  const unit: unknown = policy.unit;
  if (unit !== undefined && !REMINDER_UNITS.includes(unit as ReminderUnit)) {
    report('unit', 'INVALID_UNIT', `Satuan harus ${REMINDER_UNITS.join(' atau ')}.`, `The unit must be ${REMINDER_UNITS.join(' or ')}.`);
  }
  const minutes: unknown = policy.offsetsMinutes;
  if (minutes === undefined || minutes === null) {
    if (unit === 'MINUTES') {
      report('offsetsMinutes', 'REQUIRED_FIELD_MISSING', 'offsetsMinutes wajib diisi bila satuannya MINUTES.', 'offsetsMinutes is required when the unit is MINUTES.');
    }
  } else {
    checkOffsetList(report, 'offsetsMinutes', minutes, MAX_OFFSET_MINUTES, MINUTES);
  }
  const overdueMinutes: unknown = policy.overdueAfterMinutes;
  if (overdueMinutes !== undefined && overdueMinutes !== null && (!Number.isInteger(overdueMinutes) || (overdueMinutes as number) < 1 || (overdueMinutes as number) > MAX_OFFSET_MINUTES)) {
    report(
      'overdueAfterMinutes',
      'OVERDUE_OUT_OF_RANGE',
      `Pemberitahuan terlambat dikirim 1-${MAX_OFFSET_MINUTES} menit setelah batas waktu.`,
      `The overdue notice goes out 1-${MAX_OFFSET_MINUTES} minutes after the deadline.`,
    );
  }
  if (typeof policy.sendAt !== 'string' || !TIME.test(policy.sendAt)) {
    report('sendAt', 'INVALID_TIME', 'Jam kirim harus HH:mm, mis. 09:00.', 'The send time must be HH:mm, e.g. 09:00.');
  }
  const overdue: unknown = policy.overdueAfterDays;
  if (overdue !== null && (!Number.isInteger(overdue) || (overdue as number) < 1 || (overdue as number) > 30)) {
    report('overdueAfterDays', 'OVERDUE_OUT_OF_RANGE', 'Pemberitahuan terlambat dikirim 1-30 hari setelah batas waktu.', 'The overdue notice goes out 1-30 days after the deadline.');
  }
  if (policy.weeklyDigest !== null) {
    const digest: unknown = policy.weeklyDigest;
    const weekday = (digest as { weekday?: unknown })?.weekday;
    const time = (digest as { time?: unknown })?.time;
    if (!Number.isInteger(weekday) || (weekday as number) < 1 || (weekday as number) > 7) {
      report('weeklyDigest.weekday', 'INVALID_WEEKDAY', 'Hari ringkasan mingguan 1 (Senin) sampai 7 (Minggu).', 'The digest weekday is 1 (Monday) to 7 (Sunday).');
    }
    if (typeof time !== 'string' || !TIME.test(time)) {
      report('weeklyDigest.time', 'INVALID_TIME', 'Jam ringkasan mingguan harus HH:mm.', 'The digest time must be HH:mm.');
    }
  }
  const grace: unknown = policy.graceHours;
  if (typeof grace !== 'number' || !Number.isFinite(grace) || grace < 1 || grace > 168) {
    report('graceHours', 'GRACE_OUT_OF_RANGE', 'Tenggang pengiriman 1-168 jam.', 'The grace period is 1-168 hours.');
  }
  return problems;
}

export type ReminderKind = 'BEFORE_DEADLINE' | 'OVERDUE' | 'ESCALATION';

export interface PlannedReminder {
  kind: ReminderKind;
  /** Days before (positive) or after (negative) the deadline's date; part of the reminder's identity. 0 when counted in minutes. */
  offsetDays: number;
  /** Minutes before (positive) or after (negative) the deadline's instant, when the policy counts in minutes. */
  offsetMinutes?: number;
  sendAt: Date;
}

/** `time` (HH:mm) on the calendar date `days` away from `date`, in `zone`, as an instant. */
function localMoment(date: string, days: number, time: string, zone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(date, { zone }).plus({ days }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** Whole calendar days from the opening date to the deadline's date: the offset of the reminder sent at the opening. */
function openingOffsetDays(opensOn: string, deadlineDate: string): number {
  return Math.round(DateTime.fromISO(deadlineDate, { zone: 'UTC' }).diff(DateTime.fromISO(opensOn, { zone: 'UTC' }), 'days').days);
}

/**
 * The reminders one recipient gets for one deadline: at the policy's local time in the recipient's own zone, the given
 * days before the deadline's date, then the overdue notice (and its escalation) after it. Reminders count from the
 * opening: with `atOpening` the first goes out on the opening day (as the offset "days from the opening to the
 * deadline", so it shares its slot with an offset landing on that day), and a slot that would fall before the window
 * opens is dropped rather than moved, since the opening reminder already covers that moment. Slots after the deadline
 * itself are left out too. A policy counted in minutes places them the given minutes before and after the moment the
 * deadline passes instead (see planMinuteReminders).
 */
export function planReminders(
  deadline: LocalDeadline,
  zone: string,
  policy: ReminderPolicy,
  options: { opensOn?: string | null; escalate?: boolean } = {},
): PlannedReminder[] {
  if (!isLocalDeadline(deadline)) throw new RangeError(`Not a deadline: ${JSON.stringify(deadline)}`);
  const due = deadlineInstant(deadline, zone);
  const opens = options.opensOn ? DateTime.fromISO(options.opensOn, { zone }).startOf('day').toJSDate() : null;
  if (reminderUnitOf(policy) === 'MINUTES') return planMinuteReminders(due, opens, policy, options.escalate ?? policy.escalateOverdue);
  const planned: PlannedReminder[] = [];
  const offsets = new Set(policy.offsetsDays);
  if (policy.atOpening && options.opensOn) offsets.add(openingOffsetDays(options.opensOn, deadline.date));
  for (const offset of [...offsets].sort((a, b) => b - a)) {
    const sendAt = localMoment(deadline.date, -offset, policy.sendAt, zone);
    if (sendAt >= due || (opens && sendAt < opens)) continue;
    planned.push({ kind: 'BEFORE_DEADLINE', offsetDays: offset, sendAt });
  }
  if (policy.overdueAfterDays !== null) {
    const sendAt = localMoment(deadline.date, policy.overdueAfterDays, policy.sendAt, zone);
    planned.push({ kind: 'OVERDUE', offsetDays: -policy.overdueAfterDays, sendAt });
    if (options.escalate ?? policy.escalateOverdue) planned.push({ kind: 'ESCALATION', offsetDays: -policy.overdueAfterDays, sendAt });
  }
  return planned;
}

/**
 * Minute offsets count from the moment the deadline passes: the end of its last minute (14:05 means until
 * 14:05:59.999, so it passes at 14:06:00), which keeps send times on whole minutes. Zones do not change the arithmetic,
 * only the deadline's instant.
 */
function planMinuteReminders(due: Date, opens: Date | null, policy: ReminderPolicy, escalate: boolean): PlannedReminder[] {
  const passes = due.getTime() + 1;
  const planned: PlannedReminder[] = [];
  for (const offset of [...new Set(policy.offsetsMinutes ?? [])].sort((a, b) => b - a)) {
    const sendAt = new Date(passes - offset * 60_000);
    if (opens && sendAt < opens) continue;
    planned.push({ kind: 'BEFORE_DEADLINE', offsetDays: 0, offsetMinutes: offset, sendAt });
  }
  const overdue = policy.overdueAfterMinutes;
  if (overdue != null) {
    const sendAt = new Date(passes + overdue * 60_000);
    planned.push({ kind: 'OVERDUE', offsetDays: 0, offsetMinutes: -overdue, sendAt });
    if (escalate) planned.push({ kind: 'ESCALATION', offsetDays: 0, offsetMinutes: -overdue, sendAt });
  }
  return planned;
}

export type DueDecision = 'WAIT' | 'SEND' | 'SKIP_TOO_LATE';

/** Whether a planned reminder goes out now: not before its time, and not once it is more than the grace late. */
export function dueDecision(sendAt: Date, now: Date, policy: Pick<ReminderPolicy, 'graceHours'>): DueDecision {
  if (now < sendAt) return 'WAIT';
  return now.getTime() - sendAt.getTime() > policy.graceHours * 3_600_000 ? 'SKIP_TOO_LATE' : 'SEND';
}

/** The weekly digest instants from `from` to `until` (inclusive), at the policy's weekday and time in `zone`. */
export function weeklyDigestTimes(from: Date, until: Date, zone: string, digest: NonNullable<ReminderPolicy['weeklyDigest']>): Date[] {
  const [hour, minute] = digest.time.split(':').map(Number);
  let moment = DateTime.fromJSDate(from, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  const shift = (digest.weekday - moment.weekday + 7) % 7;
  moment = moment.plus({ days: shift });
  if (moment.toJSDate() < from) moment = moment.plus({ weeks: 1 });
  const times: Date[] = [];
  for (; moment.toJSDate() <= until; moment = moment.plus({ weeks: 1 })) times.push(moment.toJSDate());
  return times;
}

/**
 * The slot that, with the recipient and the deadline, identifies a reminder: "D-14" before, "D+1" after the deadline;
 * "M-30" and "M+5" for minutes, so a policy switching units never reuses a slot.
 */
export function reminderSlot(planned: Pick<PlannedReminder, 'kind' | 'offsetDays' | 'offsetMinutes'>): string {
  if (planned.offsetMinutes !== undefined) return planned.offsetMinutes >= 0 ? `M-${planned.offsetMinutes}` : `M+${-planned.offsetMinutes}`;
  return planned.offsetDays >= 0 ? `D-${planned.offsetDays}` : `D+${-planned.offsetDays}`;
}

/** Whether a reminder's slot counts in minutes ("M-5"): its mail says the minutes left rather than the days. */
export function isMinuteSlot(slot: string): boolean {
  return /^M[-+]\d+$/.test(slot);
}

/** Whole minutes from `now` until the deadline passes (the end of its last minute), at least 0. */
export function minutesUntil(deadline: Date, now: Date): number {
  return Math.max(0, Math.round((deadline.getTime() + 1 - now.getTime()) / 60_000));
}

/** Calendar days from `now` to the deadline's date in `zone`: a reminder sent the morning before says 1. */
export function daysUntil(deadline: Date, now: Date, zone: string): number {
  const day = (instant: Date) => DateTime.fromJSDate(instant, { zone }).startOf('day');
  return Math.max(0, Math.round(day(deadline).diff(day(now), 'days').days));
}
