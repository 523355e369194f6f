/** Pure rules of the public results: the order of the bands and each province's counts by band. */

export interface BandEdgeLike {
  band: string;
  min: number;
}

export interface RegionBand {
  provinceCode: string;
  provinceName: string;
  band: string;
}

export interface ProvinceShare {
  code: string;
  name: string;
  rated: number;
  counts: { band: string; count: number }[];
}

/**
 * The bands highest first, as the framework's rules list them, then any band a result carries that the rules do not
 * (a score stored under an older edge table), so no region drops out of the counts.
 */
export function bandOrder(edges: readonly BandEdgeLike[], seen: readonly string[]): string[] {
  const ordered = [...edges].sort((a, b) => b.min - a.min).map((edge) => edge.band);
  const extra = [...new Set(seen)].filter((band) => !ordered.includes(band)).sort();
  return [...new Set([...ordered, ...extra])];
}

/** Each province's rated regencies and cities by band, in `bands` order with zero counts, provinces by code. */
export function provinceShares(regions: readonly RegionBand[], bands: readonly string[]): ProvinceShare[] {
  const byProvince = new Map<string, { name: string; counts: Map<string, number> }>();
  for (const region of regions) {
    const province = byProvince.get(region.provinceCode) ?? { name: region.provinceName, counts: new Map<string, number>() };
    province.counts.set(region.band, (province.counts.get(region.band) ?? 0) + 1);
    byProvince.set(region.provinceCode, province);
  }
  return [...byProvince.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { name, counts }]) => ({
      code,
      name,
      rated: [...counts.values()].reduce((sum, count) => sum + count, 0),
      counts: bands.map((band) => ({ band, count: counts.get(band) ?? 0 })),
    }));
}
