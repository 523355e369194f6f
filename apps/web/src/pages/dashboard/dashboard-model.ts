import type { Schemas } from '@peduli/api-client';

/**
 * The dashboard's pure shaping: who may open it, and each panel's rows (bands per province, timeliness per period,
 * the most returned codes, the provinces' pembina status) from the API's answers. No React and no words here, so the
 * same rows feed a chart and its table and are tested without rendering.
 */

export type ScoreSnapshot = Schemas['ScoreSnapshotView'];
export type ProvinceAward = Schemas['ProvinceAwardView'];
export type PembinaRule = Schemas['PembinaRuleView'];
export type ReturnedCode = Schemas['ReturnedCodeView'];
export type RoleName = Schemas['GrantView']['role'];
export type Programme = Schemas['CycleView']['programme'];

const DASHBOARD_ROLES: ReadonlySet<RoleName> = new Set(['NATIONAL_ADMIN', 'CENTRAL_VERIFIER', 'KANWIL_VERIFIER']);

/** The dashboard is the centre's and the Kanwil's (their province); the API scopes every read to the caller anyway. */
export const usesDashboard = (roles: readonly { role: RoleName }[]): boolean => roles.some((grant) => DASHBOARD_ROLES.has(grant.role));

/** KKP HAM's bands from best to worst; any other band (a RANHAM standing) follows in code order. */
export const KKP_BANDS: readonly string[] = ['PEDULI', 'CUKUP_PEDULI', 'MULAI_PEDULI', 'KURANG_PEDULI'];

/** One bar of a stacked chart and one row of its table: counts per category, in the categories' order. */
export interface StackedRow {
  key: string;
  /** The place's name, or null for reports without a province (ministries), which the page names itself. */
  name: string | null;
  counts: { category: string; count: number }[];
  total: number;
}

/** The bands present, KKP HAM's in their order first. */
export function bandsOf(scores: readonly ScoreSnapshot[]): string[] {
  const present = new Set(scores.map((score) => score.band));
  const known = KKP_BANDS.filter((band) => present.has(band));
  const others = [...present].filter((band) => !KKP_BANDS.includes(band)).sort();
  return [...known, ...others];
}

/** The reporters' current bands counted per province (a ministry's report has none and goes last), provinces by code. */
export function bandDistribution(scores: readonly ScoreSnapshot[], provinceNames: ReadonlyMap<string, string>): { bands: string[]; rows: StackedRow[] } {
  const bands = bandsOf(scores);
  const byProvince = new Map<string, Map<string, number>>();
  for (const score of scores) {
    const key = score.provinceCode ?? '';
    const counts = byProvince.get(key) ?? new Map<string, number>();
    counts.set(score.band, (counts.get(score.band) ?? 0) + 1);
    byProvince.set(key, counts);
  }
  const keys = [...byProvince.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const rows = keys.map((key) => {
    const counts = bands.map((band) => ({ category: band, count: byProvince.get(key)!.get(band) ?? 0 }));
    return { key: key || 'none', name: key ? (provinceNames.get(key) ?? key) : null, counts, total: counts.reduce((sum, entry) => sum + entry.count, 0) };
  });
  return { bands, rows };
}

/** The table's last row: every row's counts added up. */
export function sumRows(rows: readonly StackedRow[], categories: readonly string[]): StackedRow {
  const counts = categories.map((category) => ({
    category,
    count: rows.reduce((sum, row) => sum + (row.counts.find((entry) => entry.category === category)?.count ?? 0), 0),
  }));
  return { key: 'total', name: null, counts, total: counts.reduce((sum, entry) => sum + entry.count, 0) };
}

/** A bar's parts as percentages of its whole; empty parts are left out so no zero-width segment is drawn. */
export function segmentsOf(row: StackedRow): { category: string; count: number; percent: number }[] {
  if (row.total === 0) return [];
  return row.counts.filter((entry) => entry.count > 0).map((entry) => ({ ...entry, percent: (entry.count / row.total) * 100 }));
}

/**
 * How a period's reports stand against their deadline: sent on time, sent late (within an extension), owing after
 * the deadline, or not yet sent while the deadline has not passed.
 */
export const TIMELINESS: readonly Timeliness[] = ['ON_TIME', 'SUBMITTED_LATE', 'LATE', 'NOT_YET'];
export type Timeliness = 'ON_TIME' | 'SUBMITTED_LATE' | 'LATE' | 'NOT_YET';

/**
 * One period's timeliness as a bar: the API counts the reporters' own reports (a regency/city's, a ministry's, a Biro
 * Hukum's), not their units' inputs, which answer to their coordinator's internal deadline rather than the national one.
 */
export function timelinessRow(code: string, counts: Readonly<Record<string, number>>): StackedRow {
  const entries = TIMELINESS.map((category) => ({ category, count: counts[category] ?? 0 }));
  return { key: code, name: code, counts: entries, total: entries.reduce((sum, entry) => sum + entry.count, 0) };
}

/** The periods whose timeliness means something yet: opened already (or with no opening set), by deadline. */
export function openedPeriods<P extends { code: string; opensOn: string | null; deadlineDate: string }>(periods: readonly P[], today: string): P[] {
  return periods.filter((period) => period.opensOn === null || period.opensOn <= today).sort((a, b) => a.deadlineDate.localeCompare(b.deadlineDate));
}

/** The most returned codes as bars: each bar's length against the largest, returns and rejections kept apart. */
export interface ReturnBar {
  code: string;
  returns: number;
  rejections: number;
  submissions: number;
  total: number;
  /** The bar's length in percent of the longest. */
  percent: number;
}

export function returnBars(items: readonly ReturnedCode[]): ReturnBar[] {
  const longest = Math.max(0, ...items.map((item) => item.returns + item.rejections));
  return items.map((item) => {
    const total = item.returns + item.rejections;
    return { ...item, total, percent: longest === 0 ? 0 : (total / longest) * 100 };
  });
}

export interface PembinaRow {
  code: string;
  name: string;
  counted: number;
  inBand: number;
  share: number;
  qualifies: boolean;
  /** Why not, in the page's language; empty when it qualifies. */
  reasons: string[];
}

/** Provinces by share of regencies/cities in the rule's band, highest first, qualifying ones ahead on a tie. */
export function pembinaRows(provinces: readonly ProvinceAward[], language: 'id' | 'en'): PembinaRow[] {
  return provinces
    .map((province) => ({
      code: province.provinceCode,
      name: province.name,
      counted: province.counted,
      inBand: province.inBand,
      share: province.share,
      qualifies: province.qualifies,
      reasons: province.reasons.map((reason) => reason.message[language]),
    }))
    .sort((a, b) => b.share - a.share || Number(b.qualifies) - Number(a.qualifies) || a.code.localeCompare(b.code));
}

/** A number as the page's language writes it: "62,50" in Indonesian, "62.50" in English, at most two decimals. */
export function formatNumber(value: number, language: 'id' | 'en'): string {
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** A period's key as the scores know it: the cycle's year and the period's code, e.g. "2026-TAHUNAN". */
export const periodKeyOf = (year: number, code: string): string => `${year}-${code}`;

/** The period to show first: the next deadline from today, else the last one. */
export function defaultPeriod<P extends { code: string; deadlineDate: string }>(periods: readonly P[], today: string): P | undefined {
  const sorted = [...periods].sort((a, b) => a.deadlineDate.localeCompare(b.deadlineDate));
  return sorted.find((period) => period.deadlineDate >= today) ?? sorted[sorted.length - 1];
}
