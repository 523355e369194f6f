import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import type { Reporter } from '../compile/compile-logic';
import type { Draft } from './assignments-model';

/** The assignments page's data, each from its own endpoint through the one API client. */

export function useCycles() {
  return useQuery({ queryKey: ['cycles'], queryFn: () => dataOf(api.GET('/api/v1/cycles')), staleTime: 5 * 60_000 });
}

const reporterQuery = (reporter: Reporter) => (reporter.regionCode ? { regionCode: reporter.regionCode } : { organisationId: reporter.organisationId! });

export const assignmentsKey = (cycleId: string | undefined, reporter: Reporter | undefined) => ['assignments', cycleId, reporter?.regionCode ?? reporter?.organisationId] as const;

export function useAssignments(cycleId: string | undefined, reporter: Reporter | undefined) {
  return useQuery({
    queryKey: assignmentsKey(cycleId, reporter),
    enabled: !!cycleId && !!reporter,
    // The coordinator's edits live in the page; a background refetch must not reset them.
    refetchOnWindowFocus: false,
    queryFn: () => dataOf(api.GET('/api/v1/assignments', { params: { query: { cycleId: cycleId!, ...reporterQuery(reporter!) } } })),
  });
}

/** The framework version's content, for the criteria the indicators sit under. */
export function useVersionContent(versionId: string | undefined) {
  return useQuery({
    queryKey: ['framework-version', versionId],
    enabled: !!versionId,
    staleTime: Infinity,
    queryFn: () => dataOf(api.GET('/api/v1/frameworks/versions/{id}', { params: { path: { id: versionId! } } })),
    select: (version) => version.content,
  });
}

export function saveAssignments(cycleId: string, reporter: Reporter, items: { code: string; unitIds: string[]; leadUnitId: string | null }[]) {
  return api.PUT('/api/v1/assignments', { body: { cycleId, ...reporterQuery(reporter), items } });
}

export function copyForward(cycleId: string, reporter: Reporter) {
  return api.POST('/api/v1/assignments/copy-forward', { body: { cycleId, ...reporterQuery(reporter) } });
}

export type { Draft };
