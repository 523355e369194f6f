import type { Lang } from './options';

/** Indonesia's three zones, west to east. */
export const ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type ZoneName = keyof typeof ZONES;

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
  month: number;
}

/** The calendar date, minute and month an instant falls on in a zone. */
export function localParts(instant: Date, zone: string): LocalParts {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, month: Number(parts.month) };
}

function zoneName(zone: string): string {
  return (Object.entries(ZONES).find(([, iana]) => iana === zone)?.[0] as string | undefined) ?? zone;
}

/** "3 Desember 2026 pukul 14.05 WIT" / "3 December 2026, 14:05 WIT", as Peduli writes deadlines. */
export function formatMoment(instant: Date, zone: string, lang: Lang): string {
  const date = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  const { time } = localParts(instant, zone);
  return lang === 'id' ? `${date} pukul ${time.replace(':', '.')} ${zoneName(zone)}` : `${date}, ${time} ${zoneName(zone)}`;
}

/** "14:05:30 WIT": a moment within the demo's few minutes. */
export function clock(instant: Date, zone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${time} ${zoneName(zone)}`;
}

/** "2 min 05 s" */
export function duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}

/**
 * The deadline minute the demo sets: the first whole minute that ends at least `leadMs` from now. A deadline "14:05"
 * lasts until 14:05:59.999 and passes at 14:06:00, so `passesAt` is a whole minute.
 */
export function deadlineAhead(now: Date, leadMs: number, zone: string): { date: string; time: string; passesAt: Date } {
  const passesAt = new Date(Math.ceil((now.getTime() + leadMs) / 60_000) * 60_000);
  const lastMinute = new Date(passesAt.getTime() - 60_000);
  const { date, time } = localParts(lastMinute, zone);
  return { date, time, passesAt };
}
