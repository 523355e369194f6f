import type { Schemas } from '@peduli/api-client';
import { IANA_ZONE, IndonesianTimeZone } from '@peduli/domain/time-zones';
import { formatDeadline } from '../../lib/deadline';
import type { FormProblem } from '../../lib/form-problems';

/**
 * The reminder ledger's pure rules: who follows it, the query a page of filters asks, which reminders may be sent
 * again, the resend form's own check, and when a sent time is shown in whose zone.
 */

export type Reminder = Schemas['ReminderView'];
export type ReminderStatus = Schemas['ReminderStatus'];
export type ReminderKind = Schemas['ReminderKind'];
export type RoleName = Schemas['GrantView']['role'];

export const REMINDER_STATUSES: readonly ReminderStatus[] = ['PLANNED', 'SENDING', 'SENT', 'SKIPPED', 'FAILED', 'VOID'];
export const REMINDER_KINDS: readonly ReminderKind[] = ['BEFORE_DEADLINE', 'OVERDUE', 'ESCALATION', 'DIGEST', 'DEADLINE_MOVED'];

/** Dot colours; the status is always written next to the dot. */
export const REMINDER_STATUS_COLOUR: Record<ReminderStatus, string> = {
  PLANNED: 'gray',
  SENDING: 'blue',
  SENT: 'green',
  SKIPPED: 'yellow',
  FAILED: 'red',
  VOID: 'dark',
};

const FOLLOWING_ROLES: ReadonlySet<RoleName> = new Set(['NATIONAL_ADMIN', 'CENTRAL_VERIFIER', 'KANWIL_VERIFIER', 'COORDINATOR']);

/** Those who may send a reminder again (and so follow the ledger): admins, the centre, the Kanwil, coordinators. */
export const followsReminders = (roles: readonly { role: RoleName }[]): boolean => roles.some((grant) => FOLLOWING_ROLES.has(grant.role));

export interface LedgerFilters {
  status: ReminderStatus | null;
  kind: ReminderKind | null;
}

export const NO_LEDGER_FILTERS: LedgerFilters = { status: null, kind: null };
export const LEDGER_PAGE = 50;

/** The ledger's query for a page (0-based) of the filters; a filter left open is not sent. */
export function ledgerQuery(filters: LedgerFilters, page: number): { status?: ReminderStatus; kind?: ReminderKind; limit: number; offset: number } {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    limit: LEDGER_PAGE,
    offset: page * LEDGER_PAGE,
  };
}

export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / LEDGER_PAGE));

/** The API sends again only what has finished: sent, skipped or failed; planned or sending ones are still on their way. */
export const canResend = (reminder: Pick<Reminder, 'status'>): boolean => reminder.status === 'SENT' || reminder.status === 'SKIPPED' || reminder.status === 'FAILED';

/**
 * While some reminder is being sent, or planned for a moment already past (a resend waits for the worker), the
 * ledger is about to change, so the page asks again until it settles.
 */
export function awaitsWorker(reminders: readonly Pick<Reminder, 'status' | 'sendAt'>[], now: Date): boolean {
  return reminders.some((reminder) => reminder.status === 'SENDING' || (reminder.status === 'PLANNED' && new Date(reminder.sendAt).getTime() <= now.getTime()));
}

/** A resend the page follows until the ledger shows it finished, or for two minutes at most. */
export interface FollowedResend {
  id: string;
  generation: number;
  since: number;
}

export const FOLLOW_AT_MOST_MS = 120_000;

export function stillFollowing(followed: FollowedResend | null, reminders: readonly Pick<Reminder, 'id' | 'generation' | 'status'>[], now: number): boolean {
  if (!followed || now - followed.since > FOLLOW_AT_MOST_MS) return false;
  const row = reminders.find((reminder) => reminder.id === followed.id);
  return !(row && row.generation >= followed.generation && canResend(row));
}

/** The resend form's own check: a reason is needed; how long it must be is the API's rule, shown from its answer. */
export function checkResendReason(reason: string): FormProblem<'reason'>[] {
  return reason.trim() ? [] : [{ field: 'reason', message: { key: 'reminders.reasonRequired' } }];
}

/** A reminder's zone as people name it (WIB, WITA, WIT), from the IANA zone the ledger gives; WIB if unknown. */
export function zoneOfReminder(timeZone: string): IndonesianTimeZone {
  const found = (Object.entries(IANA_ZONE) as [IndonesianTimeZone, string][]).find(([, iana]) => iana === timeZone);
  return found ? found[0] : IndonesianTimeZone.WIB;
}

/** When it went out, or else when it is (or was) due, in the recipient's zone with the zone named. */
export function reminderMoment(reminder: Pick<Reminder, 'sentAt' | 'sendAt' | 'timeZone'>, language: 'id' | 'en'): { sent: boolean; text: string } {
  const zone = zoneOfReminder(reminder.timeZone);
  return reminder.sentAt
    ? { sent: true, text: formatDeadline(new Date(reminder.sentAt), zone, language) }
    : { sent: false, text: formatDeadline(new Date(reminder.sendAt), zone, language) };
}
