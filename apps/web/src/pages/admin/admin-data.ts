import type { Schemas } from '@peduli/api-client';
import { useQuery } from '@tanstack/react-query';
import { accessTokenNow, api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import { saveDownload } from '../../lib/download';

/** The administration pages' reads, each from its own endpoint through the one API client. */

export type CycleView = Schemas['CycleView'];
export type OrganisationView = Schemas['OrganisationView'];
export type UserView = Schemas['UserView'];

/** A mutation's answer: the data, or the API's error body (or the thrown network error) for the form to show. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: unknown };

export async function outcomeOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call;
    // A 204 has no body: its success is the status.
    if (response.ok) return { ok: true, data: data as T };
    return { ok: false, error };
  } catch (networkError) {
    return { ok: false, error: networkError };
  }
}

export function useAllCycles() {
  return useQuery({
    queryKey: ['admin', 'cycles'],
    queryFn: async () => (await dataOf(api.GET('/api/v1/cycles'))).sort((a, b) => b.year - a.year || a.programme.localeCompare(b.programme)),
  });
}

export function useCycle(cycleId: string) {
  return useQuery({ queryKey: ['admin', 'cycle', cycleId], queryFn: () => dataOf(api.GET('/api/v1/cycles/{id}', { params: { path: { id: cycleId } } })) });
}

export function useCyclePeriods(cycleId: string) {
  return useQuery({
    queryKey: ['admin', 'periods', cycleId],
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/periods', { params: { path: { cycleId } } })),
  });
}

export function useMilestones(cycleId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'milestones', cycleId],
    enabled,
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/milestones', { params: { path: { cycleId } } })),
  });
}

export function useInternalDeadlines(cycleId: string, code: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'internal-deadlines', cycleId, code],
    enabled: !!code,
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/periods/{code}/internal-deadlines', { params: { path: { cycleId, code: code! } } })),
  });
}

/** The extensions granted for a period, within the caller's scope, latest deadline first. */
export function useExtensions(cycleId: string, code: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'extensions', cycleId, code],
    enabled: !!code,
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/periods/{code}/extensions', { params: { path: { cycleId, code: code! } } })),
  });
}

export function useReminderPolicy(cycleId: string) {
  return useQuery({
    queryKey: ['admin', 'reminder-policy', cycleId],
    queryFn: () => dataOf(api.GET('/api/v1/cycles/{cycleId}/reminder-policy', { params: { path: { cycleId } } })),
  });
}

export interface PeopleFilter {
  regionCode: string;
}

/** Organisations of a regency/city, or every one in scope when no region is given (first page, largest allowed). */
export function useOrganisations(filter: PeopleFilter, enabled = true) {
  const regionCode = filter.regionCode.trim();
  return useQuery({
    queryKey: ['admin', 'organisations', regionCode],
    enabled,
    queryFn: () => dataOf(api.GET('/api/v1/organisations', { params: { query: { pageSize: 100, ...(regionCode ? { regionCode } : {}) } } })),
  });
}

export function useUsers(filter: PeopleFilter) {
  const regionCode = filter.regionCode.trim();
  return useQuery({
    queryKey: ['admin', 'users', regionCode],
    queryFn: () => dataOf(api.GET('/api/v1/users', { params: { query: { pageSize: 100, ...(regionCode ? { regionCode } : {}) } } })),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: ['admin', 'api-tokens'], queryFn: () => dataOf(api.GET('/api/v1/api-tokens')) });
}

export function useAudit(query: Record<string, string>, cursor: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'audit', query, cursor ?? null],
    queryFn: () => dataOf(api.GET('/api/v1/audit', { params: { query: { pageSize: 50, ...query, ...(cursor ? { cursor } : {}) } } })),
  });
}

/** Downloads the audit export (see saveDownload). */
export async function downloadAuditExport(query: { from: string; to: string; entityType?: string; regionCode?: string }, format: 'csv' | 'xlsx'): Promise<void> {
  saveDownload(await api.GET('/api/v1/exports/audit', { params: { query: { ...query, format } }, parseAs: 'blob' }), `audit.${format}`);
}

/**
 * The queue dashboard (outside the API's document) takes the access token once, by POST with a Bearer header, for a
 * cookie scoped to it; then the browser can open it. The token never goes into a URL.
 */
export async function openQueueBoard(): Promise<boolean> {
  const token = accessTokenNow();
  if (!token) return false;
  const response = await fetch('/admin/queues/session', { method: 'POST', headers: { authorization: `Bearer ${token}` }, credentials: 'same-origin' });
  if (!response.ok) return false;
  window.location.assign('/admin/queues');
  return true;
}
