import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import { timelinessRow, type ScoreSnapshot, type StackedRow } from './dashboard-model';

/** The dashboard's reads, each from its own endpoint through the one API client. */

const SCORE_PAGE = 200;

/** Every reporter's current score of the cycle's period in scope, page by page (514 regencies/cities nationally). */
export function useReporterScores(cycleId: string | undefined, periodKey: string | undefined) {
  return useQuery({
    queryKey: ['dashboard-scores', cycleId, periodKey],
    enabled: !!cycleId && !!periodKey,
    queryFn: async (): Promise<ScoreSnapshot[]> => {
      const pageOf = (page: number) => dataOf(api.GET('/api/v1/scores/reporters', { params: { query: { cycleId: cycleId!, periodKey, page, pageSize: SCORE_PAGE } } }));
      const first = await pageOf(1);
      const rest = await Promise.all(Array.from({ length: Math.ceil(first.total / SCORE_PAGE) - 1 }, (_, index) => pageOf(index + 2)));
      return [first, ...rest].flatMap((page) => page.items);
    },
  });
}

/** Each province's pembina status under the cycle's rule; a KKP HAM matter, so not asked for RANHAM cycles. */
export function useProvinceAwards(cycleId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard-pembina', cycleId],
    enabled: enabled && !!cycleId,
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{id}/provinces', { params: { path: { id: cycleId! } } })),
  });
}

export function useReturnedCodes(cycleId: string | undefined, periodCode: string | undefined) {
  return useQuery({
    queryKey: ['dashboard-returns', cycleId, periodCode],
    enabled: !!cycleId && !!periodCode,
    queryFn: () => dataOf(api.GET('/api/v1/dashboard/returns', { params: { query: { cycleId: cycleId!, periodCode, limit: 10 } } })),
  });
}

/**
 * Timeliness of each opened period, one count per period: the API counts the reports against their deadlines, so the
 * dashboard never fetches a national list (26,000 units a period) only to count it.
 */
export function usePeriodTimeliness(cycleId: string | undefined, periodCodes: readonly string[]) {
  return useQueries({
    queries: periodCodes.map((code) => ({
      queryKey: ['dashboard-timeliness', cycleId, code],
      enabled: !!cycleId,
      queryFn: async (): Promise<StackedRow> =>
        timelinessRow(code, (await dataOf(api.GET('/api/v1/dashboard/timeliness', { params: { query: { cycleId: cycleId!, periodCode: code } } }))).counts),
    })),
    combine: (results) => ({
      rows: results.flatMap((result) => (result.data ? [result.data] : [])),
      pending: results.some((result) => result.isPending),
      failed: results.some((result) => result.isError),
    }),
  });
}
