import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../auth/session';
import { dataOf } from '../../../lib/api-data';
import { regionsQuery } from '../../../lib/regions';
import { MEDIA_TYPE, pollInterval, provincesOf, type FileFormat } from './frameworks-model';

/** The framework pages' data, each from its own endpoint through the one API client. */

export function useVersions() {
  return useQuery({ queryKey: ['framework-versions'], queryFn: () => dataOf(api.GET('/api/v1/frameworks/versions')) });
}

export function useVersion(id: string) {
  return useQuery({
    queryKey: ['framework-version', id],
    queryFn: () => dataOf(api.GET('/api/v1/frameworks/versions/{id}', { params: { path: { id } } })),
  });
}

export function useAllCycles() {
  return useQuery({ queryKey: ['cycles', 'all'], queryFn: () => dataOf(api.GET('/api/v1/cycles')) });
}

/** A run's progress, asked again every second until it has finished. */
export function useRun(id: string) {
  return useQuery({
    queryKey: ['recalculation', id],
    queryFn: () => dataOf(api.GET('/api/v1/recalculations/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
}

export function useRecentRuns() {
  return useQuery({ queryKey: ['recalculations'], queryFn: () => dataOf(api.GET('/api/v1/recalculations')) });
}

/** Region names by code for the provinces a band-change report names, a province per request, kept for the visit. */
export function useRegionNames(changes: readonly { regionCode: string }[] | undefined): ReadonlyMap<string, string> {
  const provinces = provincesOf(changes ?? []);
  const results = useQueries({
    queries: provinces.map((province) => regionsQuery({ province })),
  });
  return new Map(results.flatMap((result) => result.data ?? []).map((region) => [region.code, region.name]));
}

/**
 * A framework file sent as the raw body (the endpoint reads no multipart), declared by its format's Content-Type: as a
 * new draft, or into an existing draft. The caller gets the API's answer or its refusal with every problem.
 */
export async function importFile(file: File, format: FileFormat, draftId?: string) {
  const options = { body: file as unknown as string, bodySerializer: (body: unknown) => body as BodyInit, headers: { 'Content-Type': MEDIA_TYPE[format] } };
  return draftId
    ? api.POST('/api/v1/frameworks/versions/{id}/import', { ...options, params: { path: { id: draftId } } })
    : api.POST('/api/v1/frameworks/imports', options);
}

export const saveDraft = (id: string, content: Record<string, unknown>) => api.PUT('/api/v1/frameworks/versions/{id}', { params: { path: { id } }, body: { content } });

export const startDraft = (id: string) => api.POST('/api/v1/frameworks/versions/{id}/drafts', { params: { path: { id } } });

export const runWhatIf = (id: string, cycleId: string) => api.POST('/api/v1/frameworks/versions/{id}/what-if', { params: { path: { id } }, body: { cycleId } });

export const publishVersion = (id: string, adoptInCycles: string[]) =>
  api.POST('/api/v1/frameworks/versions/{id}/publish', { params: { path: { id } }, body: { adoptInCycles } });
