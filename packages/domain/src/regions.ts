import { IndonesianTimeZone, timeZoneOfProvince } from './time-zones';

export enum RegionKind {
  KABUPATEN = 'KABUPATEN',
  KOTA = 'KOTA',
}

/** A regency/city code is the province code, a dot and two digits: "64.71" is Kota Balikpapan. */
export const REGION_CODE_PATTERN = /^\d{2}\.\d{2}$/;
export const PROVINCE_CODE_PATTERN = /^\d{2}$/;

export function provinceCodeOfRegion(regionCode: string): string {
  if (!REGION_CODE_PATTERN.test(regionCode)) {
    throw new Error(`"${regionCode}" is not a regency/city code of the form NN.NN`);
  }
  return regionCode.slice(0, 2);
}

/** The official names start with KABUPATEN or KOTA; the kind is part of the name, not a separate column. */
export function regionKindFromOfficialName(name: string): RegionKind {
  const upper = name.trim().toUpperCase();
  if (upper.startsWith('KABUPATEN ')) return RegionKind.KABUPATEN;
  if (upper.startsWith('KOTA ')) return RegionKind.KOTA;
  throw new Error(`Cannot tell whether "${name}" is a regency or a city`);
}

export interface RegionReference {
  code: string;
  provinceCode: string;
  name: string;
  kind: RegionKind;
  timeZone: IndonesianTimeZone;
}

export function describeRegion(code: string, provinceCode: string, name: string): RegionReference {
  if (provinceCodeOfRegion(code) !== provinceCode) {
    throw new Error(`Region ${code} does not belong to province ${provinceCode}`);
  }
  return { code, provinceCode, name, kind: regionKindFromOfficialName(name), timeZone: timeZoneOfProvince(provinceCode) };
}
