/**
 * Indonesian print formats, written out rather than taken from Intl so that a document's bytes do not depend on the
 * ICU data of the Node build that rendered it.
 */

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2026-12-10" -> "10 Desember 2026"; an instant is read as its calendar date in WIB (UTC+7, no daylight saving). */
export function formatDate(value: string): string {
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) return `${Number(dateOnly[3])} ${MONTHS[Number(dateOnly[2]) - 1]} ${dateOnly[1]}`;
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) throw new Error(`Not a date: "${value}"`);
  const wib = new Date(instant + WIB_OFFSET_MS);
  return `${wib.getUTCDate()} ${MONTHS[wib.getUTCMonth()]} ${wib.getUTCFullYear()}`;
}

/** 82.5 -> "82,50"; thousands grouped with a dot, as Indonesian print does. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  const negative = value < 0;
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = fraction === undefined ? grouped : `${grouped},${fraction}`;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Signed points: "+2,00", "-1,50". */
export function formatSigned(value: number, decimals = 2): string {
  const text = formatNumber(value, decimals);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Points as a whole or with the decimals they carry: 5 -> "5", 2.5 -> "2,5". */
export function formatPoints(value: number): string {
  if (Number.isInteger(value)) return formatNumber(value, 0);
  const decimals = Math.min(4, (String(value).split('.')[1] ?? '').length);
  return formatNumber(value, decimals);
}

/** The PDF date for an instant or a date (midnight WIB). */
export function pdfDateOf(value: string): Date {
  if (DATE_ONLY.test(value)) return new Date(`${value}T00:00:00+07:00`);
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) throw new Error(`Not a date: "${value}"`);
  return new Date(instant);
}
