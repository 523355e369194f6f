import type { Schemas } from '@peduli/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { LOOKUP_PAGE_SIZE, type OrganisationView } from './queue-names';
import { queueQuery, type QueueFilters, type ReviewStage } from './review-queue';
import { dataOf } from '../../lib/api-data';
import { regionsQuery } from '../../lib/regions';

/** The review pages' data, each from its own endpoint through the one API client. */

export type SubmissionView = Schemas['SubmissionView'];
export type ReviewView = Schemas['ReviewView'];
export type DocumentView = Schemas['DocumentView'];

export function useMyRoles() {
  return useQuery({ queryKey: ['me'], queryFn: () => dataOf(api.GET('/api/v1/auth/me')), select: (me) => me.roles });
}

export function useReviewQueue(myStages: readonly ReviewStage[], filters: QueueFilters) {
  return useQuery({
    queryKey: ['review-queue', myStages, filters],
    enabled: myStages.length > 0,
    queryFn: async () => (await dataOf(api.GET('/api/v1/submissions', { params: { query: queueQuery(myStages, filters) } }))).items,
  });
}

/**
 * The regencies and cities the queue's names come from: reference data, asked once and kept for the visit. One page
 * for a province; every page (three today) when the queue spans provinces.
 */
export function useRegionNames(lookup: { province?: string } | null) {
  return useQuery({ ...regionsQuery(lookup ?? {}), enabled: lookup !== null });
}

/** The organisations the queue's reports come from, in one page of the caller's scope narrowed to where they are. */
export function useOrganisationNames(lookup: { regionCode?: string; provinceCode?: string } | null) {
  return useQuery({
    queryKey: ['organisation-names', lookup],
    enabled: lookup !== null,
    staleTime: 10 * 60_000,
    queryFn: async (): Promise<OrganisationView[]> =>
      (await dataOf(api.GET('/api/v1/organisations', { params: { query: { ...lookup, pageSize: LOOKUP_PAGE_SIZE } } }))).items,
  });
}

export function useSubmission(id: string) {
  return useQuery({ queryKey: ['submission', id], queryFn: () => dataOf(api.GET('/api/v1/submissions/{id}', { params: { path: { id } } })) });
}

export function useReviews(id: string) {
  return useQuery({
    queryKey: ['reviews', id],
    queryFn: () => dataOf(api.GET('/api/v1/submissions/{id}/reviews', { params: { path: { id } } })),
  });
}

/**
 * A checked document's bytes, fetched with the session's token through the API (never by pointing the browser at the
 * API's URL, which would serve an uploaded file from our origin). Quarantined and rejected ones are refused (409).
 */
export function useEvidenceBytes(submissionId: string, documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['evidence-bytes', submissionId, documentId],
    enabled,
    staleTime: Infinity,
    queryFn: async (): Promise<Blob> => {
      const { data, response } = await api.GET('/api/v1/submissions/{id}/evidence/{documentId}/content', {
        params: { path: { id: submissionId, documentId } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
      return data as Blob;
    },
  });
}
