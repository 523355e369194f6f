import { isApiErrorBody } from '@peduli/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import type { DecreedYear, RegionHistory, YearResults } from './public-results';

/** The public pages' data, through the one API client; none of these calls needs a sign-in. */

/** A failed call, carrying the API's message (already in the page's language) when it sent one. */
export class PublicLoadError extends Error {
  constructor(
    readonly status: number,
    readonly apiMessage: string | null,
  ) {
    super(`HTTP ${status}`);
  }
}

function failure(response: Response, error: unknown): PublicLoadError {
  return new PublicLoadError(response.status, isApiErrorBody(error) ? error.message : null);
}

export function useDecreedYears() {
  return useQuery({
    queryKey: ['public-years'],
    queryFn: async (): Promise<DecreedYear[]> => {
      const { data, error, response } = await api.GET('/api/v1/public/kkp-ham/results');
      if (!data) throw failure(response, error);
      return data.items;
    },
  });
}

/** One data year's results, or `announced: false` while its decree is not recorded (the API's 404). */
export function useYearResults(year: number | null) {
  return useQuery({
    queryKey: ['public-results', year],
    enabled: year !== null,
    queryFn: async (): Promise<{ announced: true; results: YearResults } | { announced: false }> => {
      const { data, error, response } = await api.GET('/api/v1/public/kkp-ham/results/{year}', { params: { path: { year: String(year) } } });
      if (data) return { announced: true, results: data };
      if (response.status === 404) return { announced: false };
      throw failure(response, error);
    },
  });
}

export function useRegionHistory(code: string) {
  return useQuery({
    queryKey: ['public-region', code],
    queryFn: async (): Promise<RegionHistory> => {
      const { data, error, response } = await api.GET('/api/v1/public/kkp-ham/regions/{code}', { params: { path: { code } } });
      if (!data) throw failure(response, error);
      return data;
    },
  });
}
