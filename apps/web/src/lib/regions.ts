import type { Schemas } from '@peduli/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../auth/session';
import { dataOf } from './api-data';

export type RegionView = Schemas['RegionView'];

/** The API's largest page of regions. */
const REGIONS_PAGE = 200;

/**
 * The regencies/cities (of one province, or all 514), every page asked at once after the first, kept for the visit:
 * the one cache entry every page that names places reads, whatever shape it wants them in (`select`).
 */
export function regionsQuery(lookup: { province?: string }) {
  return {
    queryKey: ['regions', lookup] as const,
    staleTime: Infinity,
    queryFn: async (): Promise<RegionView[]> => {
      const pageOf = (page: number) => dataOf(api.GET('/api/v1/regions', { params: { query: { ...lookup, page, pageSize: REGIONS_PAGE } } }));
      const first = await pageOf(1);
      const rest = await Promise.all(Array.from({ length: Math.ceil(first.total / REGIONS_PAGE) - 1 }, (_, index) => pageOf(index + 2)));
      return [first, ...rest].flatMap((page) => page.items);
    },
  };
}

const provinceNamesOf = (regions: RegionView[]) => new Map(regions.map((region) => [region.provinceCode, region.provinceName]));
const regionsByCodeOf = (regions: RegionView[]) => new Map(regions.map((region) => [region.code, region]));

/** Province names by code. */
export function useProvinceNames() {
  return useQuery({ ...regionsQuery({}), select: provinceNamesOf });
}

/** Every regency/city by its code. */
export function useRegionsByCode() {
  return useQuery({ ...regionsQuery({}), select: regionsByCodeOf });
}
