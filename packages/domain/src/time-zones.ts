/**
 * Indonesia's three time zones. A province belongs to exactly one; every regency or city inherits its province's zone.
 * Source: Keppres 41/1987 (the three-zone division), applied to the 38 provinces of 2022.
 */
export enum IndonesianTimeZone {
  WIB = 'WIB',
  WITA = 'WITA',
  WIT = 'WIT',
}

export const IANA_ZONE: Readonly<Record<IndonesianTimeZone, string>> = {
  [IndonesianTimeZone.WIB]: 'Asia/Jakarta',
  [IndonesianTimeZone.WITA]: 'Asia/Makassar',
  [IndonesianTimeZone.WIT]: 'Asia/Jayapura',
};

const WIB_PROVINCES = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '61', '62'];
const WITA_PROVINCES = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
const WIT_PROVINCES = ['81', '82', '91', '92', '93', '94', '95', '96'];

const ZONE_BY_PROVINCE: ReadonlyMap<string, IndonesianTimeZone> = new Map([
  ...WIB_PROVINCES.map((code) => [code, IndonesianTimeZone.WIB] as const),
  ...WITA_PROVINCES.map((code) => [code, IndonesianTimeZone.WITA] as const),
  ...WIT_PROVINCES.map((code) => [code, IndonesianTimeZone.WIT] as const),
]);

export class UnknownProvinceError extends Error {
  constructor(readonly provinceCode: string) {
    super(`No time zone is known for province code "${provinceCode}"`);
  }
}

/** The zone of a province, by its two-digit code (e.g. "64" East Kalimantan -> WITA). */
export function timeZoneOfProvince(provinceCode: string): IndonesianTimeZone {
  const zone = ZONE_BY_PROVINCE.get(provinceCode);
  if (!zone) throw new UnknownProvinceError(provinceCode);
  return zone;
}

export function knownProvinceCodes(): string[] {
  return [...ZONE_BY_PROVINCE.keys()].sort();
}
