import { useQuery } from '@tanstack/react-query';
import { queryClient } from '../../app/query-client';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';

/** A report's data: the submission, then the framework version its cycle pins (read into tasks by tasks.ts). */

const submissionQuery = (id: string) => ({
  queryKey: ['submission', id] as const,
  queryFn: () => dataOf(api.GET('/api/v1/submissions/{id}', { params: { path: { id } } })),
});

const cyclesQuery = {
  queryKey: ['cycles'] as const,
  queryFn: () => dataOf(api.GET('/api/v1/cycles')),
  staleTime: 5 * 60_000,
};

type Programme = 'KKP_HAM' | 'RANHAM';

const frameworkContentQuery = (programme: Programme | undefined, periodKey: string | undefined) => ({
  queryKey: ['framework-content', programme, periodKey] as const,
  staleTime: Infinity,
  queryFn: async () => {
    const year = Number(periodKey!.slice(0, 4));
    const cycles = await queryClient.fetchQuery(cyclesQuery);
    const cycle = cycles.find((c) => c.programme === programme && c.year === year);
    if (!cycle) throw new Error('no cycle');
    const version = await dataOf(api.GET('/api/v1/frameworks/versions/{id}', { params: { path: { id: cycle.frameworkVersionId } } }));
    return version.content;
  },
});

/**
 * The report route's loader: reads the report afresh and the cycles beside it while the page's code loads, then the
 * framework version, so a cold open waits for two round trips rather than three after the code. A cached report may
 * be older than the API's (a save on another page moved its version), and the form must start from a fresh read or
 * its first save would meet a conflict of its own making. Failures are left to the page, which shows them.
 */
export async function loadReport(id: string): Promise<void> {
  const [submission] = await Promise.all([
    queryClient.fetchQuery({ ...submissionQuery(id), staleTime: 0 }).catch(() => undefined),
    queryClient.prefetchQuery(cyclesQuery),
  ]);
  if (submission) await queryClient.prefetchQuery(frameworkContentQuery(submission.programme, submission.periodKey));
}

export function useSubmission(id: string) {
  return useQuery({
    ...submissionQuery(id),
    // Typed answers live in the autosave machine; a background refetch must not reset the form under the person.
    refetchOnWindowFocus: false,
  });
}

/** The content of the version the submission's cycle (same programme and year) is scored against. */
export function useFrameworkContent(programme: Programme | undefined, periodKey: string | undefined) {
  return useQuery({ ...frameworkContentQuery(programme, periodKey), enabled: !!programme && !!periodKey });
}
