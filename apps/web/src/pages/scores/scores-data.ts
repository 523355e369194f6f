import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import { listQuery, type Programme, type ScoreFilters, type ScoreView } from './scores-model';

/** The scores pages' data, each from its own endpoint through the one API client. */


export function useScoreCycles(programme: Programme) {
  return useQuery({
    queryKey: ['cycles', programme],
    queryFn: async () => (await dataOf(api.GET('/api/v1/cycles', { params: { query: { programme } } }))).sort((a, b) => b.year - a.year),
  });
}

export function useScorePeriods(cycleId: string | undefined) {
  return useQuery({
    queryKey: ['periods', cycleId],
    enabled: !!cycleId,
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/periods', { params: { path: { cycleId: cycleId! } } })),
  });
}

export function useReporterScores(cycleId: string | undefined, filters: ScoreFilters, page: number) {
  return useQuery({
    queryKey: ['scores', 'reporters', cycleId, filters, page],
    enabled: !!cycleId,
    queryFn: () => dataOf(api.GET('/api/v1/scores/reporters', { params: { query: listQuery(cycleId!, filters, page) } })),
  });
}


/** The name of a reporter with no regency/city (a province's Biro Hukum, a ministry). */
export function useOrganisationName(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisation', id],
    enabled: !!id,
    staleTime: 10 * 60_000,
    queryFn: () => dataOf(api.GET('/api/v1/organisations/{id}', { params: { path: { id: id! } } })),
    select: (organisation) => organisation.name,
  });
}

export function useExplanation(id: string) {
  return useQuery({ queryKey: ['score-explain', id], queryFn: () => dataOf(api.GET('/api/v1/scores/{id}/explain', { params: { path: { id } } })) });
}

/** The framework version a score was computed under: the names of its criteria and indicators, and its bands. */
export function useFrameworkContent(id: string | null | undefined) {
  return useQuery({
    queryKey: ['framework-version', id],
    enabled: !!id,
    staleTime: Infinity,
    queryFn: () => dataOf(api.GET('/api/v1/frameworks/versions/{id}', { params: { path: { id: id! } } })),
    select: (version) => version.content,
  });
}

/** Every snapshot of the reporter, oldest first (a reporter has a handful a year; two pages cover years of them). */
export function useScoreHistory(subject: { regionCode: string } | { organisationId: string } | null) {
  return useQuery({
    queryKey: ['score-history', subject],
    enabled: subject !== null,
    queryFn: async (): Promise<ScoreView[]> => {
      const items: ScoreView[] = [];
      for (let page = 1; ; page++) {
        const answer = await dataOf(api.GET('/api/v1/scores/history', { params: { query: { ...subject!, page, pageSize: 200 } } }));
        items.push(...answer.items);
        if (page * 200 >= answer.total || answer.items.length === 0 || page >= 5) return items;
      }
    },
  });
}

/** The scored report: its own answers and the verifier's values, which the breakdown sets side by side. */
export function useScoredSubmission(id: string | undefined) {
  return useQuery({
    queryKey: ['submission', id],
    enabled: !!id,
    queryFn: () => dataOf(api.GET('/api/v1/submissions/{id}', { params: { path: { id: id! } } })),
  });
}

/** A regency's or city's name, for a score's heading. */
export function useRegionName(code: string | null | undefined) {
  return useQuery({
    queryKey: ['region', code],
    enabled: !!code,
    staleTime: Infinity,
    queryFn: () => dataOf(api.GET('/api/v1/regions/{code}', { params: { path: { code: code! } } })),
    select: (region) => region.name,
  });
}
