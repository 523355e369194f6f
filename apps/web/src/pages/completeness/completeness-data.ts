import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import { saveDownload } from '../../lib/download';
import { exportQuery, type CompletenessFilters, type ExportFormat, type Programme } from './completeness-model';

/** The completeness page's data, each from its own endpoint through the one API client. */

export function useCycles(programme: Programme) {
  return useQuery({
    queryKey: ['cycles', programme],
    queryFn: async () => (await dataOf(api.GET('/api/v1/cycles', { params: { query: { programme } } }))).sort((a, b) => b.year - a.year),
  });
}

export function usePeriods(cycleId: string | undefined) {
  return useQuery({
    queryKey: ['periods', cycleId],
    enabled: !!cycleId,
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/periods', { params: { path: { cycleId: cycleId! } } })),
  });
}

/**
 * Every unit of the period in the caller's scope, in one answer (the endpoint is not paged); the page filters it in
 * memory, so changing a filter costs no request even at national size.
 */
export function useCompleteness(cycleId: string | undefined, periodCode: string | undefined) {
  return useQuery({
    queryKey: ['completeness', cycleId, periodCode],
    enabled: !!cycleId && !!periodCode,
    queryFn: () => dataOf(api.GET('/api/v1/completeness', { params: { query: { cycleId: cycleId!, periodCode: periodCode! } } })),
  });
}



/** Downloads the export of what the page shows (see saveDownload); returns the file's name. */
export async function downloadExport(selection: { cycleId: string; periodCode: string }, filters: CompletenessFilters, format: ExportFormat): Promise<string> {
  const answer = await api.GET('/api/v1/exports/completeness', { params: { query: exportQuery(selection, filters, format) }, parseAs: 'blob' });
  return saveDownload(answer, `completeness.${format}`);
}

export { useProvinceNames } from '../../lib/regions';
