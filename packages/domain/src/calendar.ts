import { DateTime, IANAZone } from 'luxon';
import { deadlineInstant, LocalDeadline } from './deadlines';
import { IANA_ZONE, IndonesianTimeZone } from './time-zones';
import { SubmissionStatus } from './submissions';
import { Programme } from './programmes';

/** "WIB", "WITA", "WIT" or an IANA zone name, as the IANA zone; null when it names no zone. */
export function resolveIanaZone(input: string): string | null {
  const upper = input.trim().toUpperCase();
  if (upper in IANA_ZONE) return IANA_ZONE[upper as IndonesianTimeZone];
  return IANAZone.isValidZone(input.trim()) ? input.trim() : null;
}

/** An instant as the local date and minute it falls on in a zone (e.g. an extension read as a unit's deadline). */
export function localDeadlineAt(instant: Date, zone: string): LocalDeadline {
  const local = DateTime.fromJSDate(instant, { zone });
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') };
}

/**
 * The deadline one unit works to, the one rule that reminders and completeness share: a unit of a regency/city
 * (an organisation) works to the coordinator's internal deadline when one is set, the regency/city's own report to the
 * official one; an extension for the unit counts when it is later. Past it, the unit is overdue: the reminder worker
 * sends "Terlambat" and completeness shows LATE, at the same instant.
 */
export function unitDeadline(input: {
  official: LocalDeadline;
  internal?: LocalDeadline | null;
  isOrganisation: boolean;
  extendedUntil?: Date | null;
  zone: string;
}): { deadline: LocalDeadline; instant: Date } {
  const base = (input.isOrganisation && input.internal) || input.official;
  const baseInstant = deadlineInstant(base, input.zone);
  if (input.extendedUntil && input.extendedUntil > baseInstant) {
    const extended = localDeadlineAt(input.extendedUntil, input.zone);
    return { deadline: extended, instant: deadlineInstant(extended, input.zone) };
  }
  return { deadline: base, instant: baseInstant };
}

/** Whether a period's window makes sense: it cannot close on a day before it opens. */
export function deadlineBeforeOpening(opensOn: string | null | undefined, deadlineDate: string): boolean {
  return opensOn != null && deadlineDate < opensOn;
}

/** How long a national RANHAM reporting window usually stays open before its deadline (B08 2022: 30 Aug-6 Sep). */
export const RANHAM_WINDOW_DAYS = 7;

/**
 * The opening date a period gets when none is given: a RANHAM window opens a week before its deadline, as the national
 * windows do; a KKP HAM period (input from January to March) has no default opening.
 */
export function defaultOpening(programme: Programme, deadlineDate: string): string | null {
  if (programme !== Programme.RANHAM) return null;
  return DateTime.fromISO(deadlineDate, { zone: 'UTC' }).minus({ days: RANHAM_WINDOW_DAYS }).toISODate();
}

/** The dated steps of a KKP HAM cycle for award year Y, whose data describe year Y-1. */
export enum KkpMilestone {
  /** Regencies and cities finish their input and supporting documents: the TAHUNAN period's deadline. */
  PEMDA_INPUT_CLOSE = 'PEMDA_INPUT_CLOSE',
  KANWIL_VERIFICATION_CLOSE = 'KANWIL_VERIFICATION_CLOSE',
  CENTRAL_REVIEW_CLOSE = 'CENTRAL_REVIEW_CLOSE',
  DECREE = 'DECREE',
  /** Human Rights Day. */
  AWARD = 'AWARD',
}

/** The usual calendar (end of March, mid-May, end of September, mid-November, 10 December); every date is editable. */
export function defaultKkpMilestones(awardYear: number): Record<KkpMilestone, string> {
  return {
    [KkpMilestone.PEMDA_INPUT_CLOSE]: `${awardYear}-03-31`,
    [KkpMilestone.KANWIL_VERIFICATION_CLOSE]: `${awardYear}-05-15`,
    [KkpMilestone.CENTRAL_REVIEW_CLOSE]: `${awardYear}-09-30`,
    [KkpMilestone.DECREE]: `${awardYear}-11-15`,
    [KkpMilestone.AWARD]: `${awardYear}-12-10`,
  };
}

/** Milestones follow one another; returns the first pair out of order, if any. */
export function milestonesOutOfOrder(dates: Record<KkpMilestone, string>): [KkpMilestone, KkpMilestone] | null {
  const order = Object.values(KkpMilestone);
  for (let index = 1; index < order.length; index++) {
    if (dates[order[index]] < dates[order[index - 1]]) return [order[index - 1], order[index]];
  }
  return null;
}

/** Statuses with which a unit has done its part for the period: nobody reminds it any more. */
const COMPLETED: ReadonlySet<SubmissionStatus> = new Set([
  SubmissionStatus.SUBMITTED,
  SubmissionStatus.CHECKING,
  SubmissionStatus.IN_REVIEW,
  SubmissionStatus.VERIFIED,
  SubmissionStatus.SCORED,
]);

export function hasCompletedPeriod(latestStatus: SubmissionStatus | null): boolean {
  return latestStatus !== null && COMPLETED.has(latestStatus);
}
