import type { Schemas } from '@peduli/api-client';

/**
 * The review queue names each report's reporter in words: "Kota Balikpapan, Kalimantan Timur" rather than 64.71, and
 * a unit or ministry by its name. The names come from two reference lists asked once for the whole queue (never once
 * per row), narrowed to what the queue holds so one page of each usually covers it.
 */

type Place = Pick<Schemas['SubmissionSummary'], 'regionCode' | 'provinceCode' | 'organisationId'>;
export type RegionView = Schemas['RegionView'];
export type OrganisationView = Schemas['OrganisationView'];

/** The API's largest page. */
export const LOOKUP_PAGE_SIZE = 200;

/** The one value every item shares, or null when they differ or none has one. */
function shared(values: readonly (string | null)[]): string | null {
  const distinct = new Set(values);
  return distinct.size === 1 ? [...distinct][0] : null;
}

/**
 * The regions list's query: the province they all sit in (a Kanwil's queue: one page, since no province has 200
 * regencies and cities), or every region when they span provinces (the centre's), or none when no item has a place.
 */
export function regionLookup(items: readonly Place[]): { province?: string } | null {
  const provinces = items.map((item) => item.provinceCode).filter((code): code is string => code !== null);
  if (provinces.length === 0) return null;
  const province = shared(provinces);
  return province ? { province } : {};
}

/**
 * The organisations list's query for the items reported by an organisation (a unit's input, a province's or a
 * ministry's report): narrowed to the regency/city or province they share; null when no item has an organisation.
 */
export function organisationLookup(items: readonly Place[]): { regionCode?: string; provinceCode?: string } | null {
  const owned = items.filter((item) => item.organisationId !== null);
  if (owned.length === 0) return null;
  const regionCode = shared(owned.map((item) => item.regionCode));
  if (regionCode) return { regionCode };
  const provinceCode = shared(owned.map((item) => item.provinceCode));
  return provinceCode ? { provinceCode } : {};
}

export interface PlaceNames {
  regions: ReadonlyMap<string, RegionView>;
  provinces: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
}

export function placeNames(regions: readonly RegionView[], organisations: readonly OrganisationView[]): PlaceNames {
  return {
    regions: new Map(regions.map((region) => [region.code, region])),
    provinces: new Map(regions.map((region) => [region.provinceCode, region.provinceName])),
    organisations: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
  };
}

/**
 * Who reported, in words: the organisation's name when it has one (with its regency/city), else the regency/city
 * with its province, else the province. A name not (yet) known falls back to its code, so a row is never blank.
 */
export function reporterName(item: Place, names: PlaceNames): string {
  const region = item.regionCode ? names.regions.get(item.regionCode) : undefined;
  const regionText = item.regionCode ? (region ? `${region.name}, ${region.provinceName}` : item.regionCode) : null;
  const provinceText = item.provinceCode ? (names.provinces.get(item.provinceCode) ?? item.provinceCode) : null;
  const organisation = item.organisationId ? names.organisations.get(item.organisationId) : undefined;
  if (organisation) return regionText ? `${organisation} · ${regionText}` : organisation;
  return regionText ?? provinceText ?? '';
}
