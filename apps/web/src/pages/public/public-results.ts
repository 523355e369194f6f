import type { Schemas } from '@peduli/api-client';

/** The public results' pure rules: searching regencies and cities by name, grouping them, and the chart's shares. */

export type YearResults = Schemas['PublicYearResults'];
export type RegionBand = Schemas['PublicRegionBand'];
export type ProvinceShare = Schemas['PublicProvinceShare'];
export type DecreedYear = Schemas['PublicDecreedYear'];
export type RegionHistory = Schemas['PublicRegionHistory'];

/** Lower case without accents or extra blanks, so "kota  balikpapan" and "BALIKPAPAN" both find Kota Balikpapan. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The regencies and cities whose name holds every word typed, in any order; all of them for an empty search. */
export function searchRegions(regions: readonly RegionBand[], query: string): RegionBand[] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...regions];
  return regions.filter((region) => {
    const name = normalise(region.name);
    return words.every((word) => name.includes(word));
  });
}

export interface ProvinceGroup {
  code: string;
  name: string;
  regions: RegionBand[];
}

/** Regencies and cities under their province, provinces by code and regions by code, as the official lists order them. */
export function groupByProvince(regions: readonly RegionBand[]): ProvinceGroup[] {
  const groups = new Map<string, ProvinceGroup>();
  for (const region of regions) {
    const group = groups.get(region.provinceCode) ?? { code: region.provinceCode, name: region.provinceName, regions: [] };
    group.regions.push(region);
    groups.set(region.provinceCode, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((group) => ({ ...group, regions: [...group.regions].sort((a, b) => a.code.localeCompare(b.code)) }));
}

export interface BarSegment {
  band: string;
  count: number;
  /** Share of the province's rated regions in percent, 0 to 100. */
  percent: number;
}

/** A province's bar: each band's share of its rated regions, bands without regions left out. */
export function barSegments(province: ProvinceShare): BarSegment[] {
  if (province.rated === 0) return [];
  return province.counts.filter((entry) => entry.count > 0).map((entry) => ({ ...entry, percent: (entry.count / province.rated) * 100 }));
}

/** The year to show: the one asked for, else the latest decreed one; null before any decree. */
export function chosenYear(years: readonly DecreedYear[], asked: number | null): number | null {
  if (asked !== null) return asked;
  return years.length ? Math.max(...years.map((year) => year.dataYear)) : null;
}

/** A year from the address (/results/2025), or null when it is not a plain four-digit year. */
export function yearFromPath(raw: string | undefined): number | null {
  return raw !== undefined && /^\d{4}$/.test(raw) ? Number(raw) : null;
}
