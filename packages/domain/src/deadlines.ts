import { DateTime } from 'luxon';
import { Locale } from './locale';
import { IANA_ZONE } from './time-zones';

/**
 * A reporting deadline as people set it: a calendar date and, optionally, a time of day, both local to the unit that
 * reports. Without a time it is the end of that day. The same deadline is a different instant in WIB, WITA and WIT.
 */
export interface LocalDeadline {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm; absent means the end of the day (23:59:59.999). */
  time?: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isLocalDeadline(value: LocalDeadline): boolean {
  return DATE.test(value.date) && DateTime.fromISO(value.date).isValid && (value.time == null || TIME.test(value.time));
}

/** The UTC instant a local deadline ends at in an IANA zone (e.g. Asia/Makassar). */
export function deadlineInstant(deadline: LocalDeadline, ianaZone: string): Date {
  if (!isLocalDeadline(deadline)) throw new RangeError(`Not a deadline: ${JSON.stringify(deadline)}`);
  const day = DateTime.fromISO(deadline.date, { zone: ianaZone });
  if (!day.isValid) throw new RangeError(`Unknown time zone: ${ianaZone}`);
  const local = deadline.time
    ? DateTime.fromISO(`${deadline.date}T${deadline.time}`, { zone: ianaZone }).endOf('minute')
    : day.endOf('day');
  return local.toJSDate();
}

/** WIB, WITA or WIT by IANA zone. */
const ZONE_ABBREVIATION: ReadonlyMap<string, string> = new Map(Object.entries(IANA_ZONE).map(([abbreviation, zone]) => [zone, abbreviation]));

/** A deadline as people read it, always with its zone: "6 September 2026 pukul 23.59 WITA" / "6 September 2026, 23:59 WITA". */
export function formatDeadline(instant: Date, ianaZone: string, locale: Locale): string {
  const local = DateTime.fromJSDate(instant, { zone: ianaZone }).setLocale(locale === 'id' ? 'id' : 'en-GB');
  const zone = ZONE_ABBREVIATION.get(ianaZone) ?? ianaZone;
  const date = local.toFormat('d MMMM yyyy');
  return locale === 'id' ? `${date} pukul ${local.toFormat('HH.mm')} ${zone}` : `${date}, ${local.toFormat('HH:mm')} ${zone}`;
}

/** Whether something done at `at` is after the deadline; an extension moves the limit for that unit only. */
export function isAfterDeadline(at: Date, deadline: Date, extendedUntil?: Date | null): { late: boolean; allowed: boolean } {
  const late = at.getTime() > deadline.getTime();
  return { late, allowed: !late || (extendedUntil != null && at.getTime() <= extendedUntil.getTime()) };
}
