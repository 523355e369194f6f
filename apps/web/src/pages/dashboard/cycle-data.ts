import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import type { Programme } from './dashboard-model';

/** The cycles, periods and province names the dashboard and the reminder ledger choose from. */

export function useProgrammeCycles(programme: Programme) {
  return useQuery({
    queryKey: ['oversight-cycles', programme],
    queryFn: async () => (await dataOf(api.GET('/api/v1/cycles', { params: { query: { programme } } }))).sort((a, b) => b.year - a.year),
  });
}

export function useCyclePeriods(cycleId: string | undefined) {
  return useQuery({
    queryKey: ['oversight-periods', cycleId],
    enabled: !!cycleId,
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/periods', { params: { path: { cycleId: cycleId! } } })),
  });
}

const REGION_PAGE = 200;

/** Province names by code, read from the public regions list (rarely changing, so kept for the visit). */
export function useProvinceNameMap() {
  return useQuery({
    queryKey: ['oversight-province-names'],
    staleTime: Infinity,
    queryFn: async () => {
      const names = new Map<string, string>();
      for (let page = 1; ; page++) {
        const answer = await dataOf(api.GET('/api/v1/regions', { params: { query: { page, pageSize: REGION_PAGE } } }));
        for (const region of answer.items) names.set(region.provinceCode, region.provinceName);
        if (page * REGION_PAGE >= answer.total || answer.items.length === 0) return names;
      }
    },
  });
}
