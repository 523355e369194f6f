import { IANA_ZONE, IndonesianTimeZone, timeZoneOfProvince } from '@peduli/domain/time-zones';
import { translate, type Language } from '../i18n/messages';

/**
 * Deadlines as people read them, always in the viewer's organisation's zone with the zone named:
 * "sisa 3 hari · 30 April 2026 pukul 23.59 WITA". Intl does the calendar work, so no date library enters the bundle.
 */

/** The zone of an organisation by its province; national bodies (no province) work in WIB, Jakarta's time. */
export function zoneOfOrganisation(provinceCode: string | null | undefined): IndonesianTimeZone {
  if (!provinceCode) return IndonesianTimeZone.WIB;
  try {
    return timeZoneOfProvince(provinceCode);
  } catch {
    return IndonesianTimeZone.WIB;
  }
}

/** "30 April 2026 pukul 23.59 WITA" / "30 April 2026, 23:59 WITA". */
export function formatDeadline(instant: Date, zone: IndonesianTimeZone, language: Language): string {
  const parts = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: IANA_ZONE[zone],
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('day')} ${part('month')} ${part('year')}`;
  return language === 'id' ? `${date} pukul ${part('hour')}.${part('minute')} ${zone}` : `${date}, ${part('hour')}:${part('minute')} ${zone}`;
}

/** Today's date (YYYY-MM-DD) in a zone: in Papua the new day starts two hours before Jakarta's. */
export function localDate(instant: Date, zone: IndonesianTimeZone): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: IANA_ZONE[zone], year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "sisa 3 hari", "sisa 5 jam", "sisa 12 menit", or "sudah lewat"; rounded down, so it never promises more time. */
export function timeLeft(now: Date, deadline: Date, language: Language): string {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return translate(language, 'time.passed');
  if (left >= DAY) return translate(language, 'time.daysLeft', { n: Math.floor(left / DAY) });
  if (left >= HOUR) return translate(language, 'time.hoursLeft', { n: Math.floor(left / HOUR) });
  return translate(language, 'time.minutesLeft', { n: Math.max(1, Math.floor(left / MINUTE)) });
}

/** Both together, as Beranda shows a period's deadline. */
export function describeDeadline(now: Date, deadline: Date, zone: IndonesianTimeZone, language: Language): string {
  return `${timeLeft(now, deadline, language)} · ${formatDeadline(deadline, zone, language)}`;
}
