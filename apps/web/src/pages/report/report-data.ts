import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';

/** A report's data: the submission, then the framework version its cycle pins (read into tasks by tasks.ts). */
async function dataOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined) throw Object.assign(new Error(`HTTP ${response.status}`), { body: error });
  return data;
}

export function useSubmission(id: string) {
  return useQuery({
    queryKey: ['submission', id],
    queryFn: () => dataOf(api.GET('/api/v1/submissions/{id}', { params: { path: { id } } })),
    // Typed answers live in the autosave machine; a background refetch must not reset the form under the person.
    refetchOnWindowFocus: false,
  });
}

/** The content of the version the submission's cycle (same programme and year) is scored against. */
export function useFrameworkContent(programme: 'KKP_HAM' | 'RANHAM' | undefined, periodKey: string | undefined) {
  return useQuery({
    queryKey: ['framework-content', programme, periodKey],
    enabled: !!programme && !!periodKey,
    staleTime: Infinity,
    queryFn: async () => {
      const year = Number(periodKey!.slice(0, 4));
      const cycles = await dataOf(api.GET('/api/v1/cycles'));
      const cycle = cycles.find((c) => c.programme === programme && c.year === year);
      if (!cycle) throw new Error('no cycle');
      const version = await dataOf(api.GET('/api/v1/frameworks/versions/{id}', { params: { path: { id: cycle.frameworkVersionId } } }));
      return version.content;
    },
  });
}
