import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { evidenceTargets, type EvidenceTarget } from './framework-items';
import { awaitingVerdicts, type DocumentView, type SubmissionView } from './verdict';
import { dataOf } from '../../lib/api-data';

/** The evidence page's data: the report (polled while its files are being checked), what files can back, and
 * the unit's earlier accepted documents that can be attached again. */

/** How often to ask for the worker's verdicts: often enough to feel immediate, rare enough for 25,000 operators. */
export const VERDICT_POLL_MS = 2_000;

export const submissionKey = (id: string) => ['submission', id] as const;

export function useSubmission(id: string) {
  return useQuery({
    queryKey: submissionKey(id),
    queryFn: () => dataOf<SubmissionView>(api.GET('/api/v1/submissions/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (awaitingVerdicts(query.state.data) ? VERDICT_POLL_MS : false),
  });
}

/** The indicators (KKP HAM) or success measures (RANHAM) of the framework version the report's cycle uses. */
export function useEvidenceTargets(submission: SubmissionView | undefined) {
  return useQuery({
    queryKey: ['evidence-targets', submission?.programme, submission?.periodKey, submission?.reporterLevel],
    enabled: !!submission,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<EvidenceTarget[]> => {
      const { programme, periodKey } = submission!;
      const year = Number(periodKey.slice(0, 4));
      const cycles = await dataOf(api.GET('/api/v1/cycles', { params: { query: { programme } } }));
      const cycle = cycles.find((c) => c.year === year);
      if (!cycle) return [];
      const version = await dataOf(api.GET('/api/v1/frameworks/versions/{id}', { params: { path: { id: cycle.frameworkVersionId } } }));
      return evidenceTargets(programme, version.content, periodKey, submission!.reporterLevel);
    },
  });
}

/** How many of the unit's other reports are searched for documents to reuse (the newest first). */
const REUSE_SEARCH_LIMIT = 10;

/** Accepted documents from the unit's other reports, each file once, leaving out those this report already has. */
export function useReusableDocuments(submission: SubmissionView | undefined) {
  return useQuery({
    queryKey: ['reusable-documents', submission?.id, submission?.documents.length],
    enabled: !!submission?.organisationId,
    queryFn: async (): Promise<DocumentView[]> => {
      const page = await dataOf(api.GET('/api/v1/submissions', { params: { query: { organisationId: submission!.organisationId! } } }));
      const others = page.items.filter((item) => item.id !== submission!.id).slice(0, REUSE_SEARCH_LIMIT);
      const details = await Promise.all(others.map((item) => dataOf(api.GET('/api/v1/submissions/{id}', { params: { path: { id: item.id } } }))));
      const seen = new Set(submission!.documents.map((d) => d.sha256));
      return details
        .flatMap((detail) => detail.documents)
        .filter((document) => document.status === 'ACCEPTED' && !seen.has(document.sha256) && seen.add(document.sha256));
    },
  });
}
