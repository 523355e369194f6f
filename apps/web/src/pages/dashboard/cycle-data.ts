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


