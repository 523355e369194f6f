export enum Programme {
  /** Kabupaten/Kota Peduli HAM: the yearly assessment of a regency or city. */
  KKP_HAM = 'KKP_HAM',
  /** RANHAM / Aksi HAM: reporting on human-rights actions, several periods a year. */
  RANHAM = 'RANHAM',
}

/** Reporting periods are data: the current scheme has three four-month periods, an earlier one was quarterly. */
export interface PeriodDefinition {
  code: string;
  /** First and last calendar month covered, 1-12. */
  fromMonth: number;
  toMonth: number;
}

export const RANHAM_DEFAULT_PERIODS: readonly PeriodDefinition[] = [
  { code: 'B04', fromMonth: 1, toMonth: 4 },
  { code: 'B08', fromMonth: 5, toMonth: 8 },
  { code: 'B12', fromMonth: 9, toMonth: 12 },
];

/** A KKP HAM cycle has one "period": the award year's whole data year. */
export const KKP_HAM_PERIOD_CODE = 'TAHUNAN';

export interface PeriodKey {
  year: number;
  code: string;
}

const PERIOD_KEY_PATTERN = /^(\d{4})-([A-Z][A-Z0-9_]{1,15})$/;

/** Period keys look like "2026-B08" (RANHAM) or "2026-TAHUNAN" (a KKP HAM award year). */
export function parsePeriodKey(key: string): PeriodKey | null {
  const match = PERIOD_KEY_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  return { year, code: match[2] };
}

export function isPeriodOfProgramme(
  programme: Programme,
  key: PeriodKey,
  ranhamPeriods: readonly PeriodDefinition[] = RANHAM_DEFAULT_PERIODS,
): boolean {
  if (programme === Programme.KKP_HAM) return key.code === KKP_HAM_PERIOD_CODE;
  return ranhamPeriods.some((period) => period.code === key.code);
}
