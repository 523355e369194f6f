import type { ApiErrorBody, Schemas } from '@peduli/api-client';
import { isApiErrorBody } from '@peduli/api-client';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import type { Answers, Organisation, Programme, Reporter, SubmissionSummary } from './compile-logic';

/** The compile page's data, each from its own endpoint through the one API client. */

export type CompiledReport = Schemas['CompiledSubmissionView'];

/** Where the reporter is: a regency/city's name, or the ministry's or Biro Hukum's, with the province for its zone. */
export function reporterPlaceQuery(reporter: Reporter | undefined) {
  return {
    queryKey: ['compile-reporter', reporter?.regionCode ?? reporter?.organisationId],
    enabled: !!reporter,
    queryFn: async (): Promise<{ name: string; provinceCode: string | null }> => {
      if (reporter!.regionCode) {
        const region = await dataOf(api.GET('/api/v1/regions/{code}', { params: { path: { code: reporter!.regionCode } } }));
        return { name: region.name, provinceCode: region.provinceCode };
      }
      const organisation = await dataOf(api.GET('/api/v1/organisations/{id}', { params: { path: { id: reporter!.organisationId! } } }));
      return { name: organisation.name, provinceCode: organisation.provinceCode };
    },
  };
}

export function useReporterPlace(reporter: Reporter | undefined) {
  return useQuery(reporterPlaceQuery(reporter));
}

/** Every reporter's name, for a coordinator of more than one (the names load alongside; the code stands in meanwhile). */
export function useReporterNames(reporters: readonly Reporter[]): string[] {
  const places = useQueries({ queries: reporters.map((reporter) => reporterPlaceQuery(reporter)) });
  return reporters.map((reporter, index) => places[index]?.data?.name ?? reporter.regionCode ?? reporter.organisationId!);
}

/** Every organisation of the reporter: a regency/city's, or a ministry's or Biro Hukum's units (by parent). */
export function useReporterOrganisations(reporter: Reporter | undefined) {
  return useQuery({
    queryKey: ['compile-organisations', reporter?.regionCode ?? reporter?.organisationId],
    enabled: !!reporter,
    queryFn: async (): Promise<Organisation[]> => {
      const filter = reporter!.regionCode ? { regionCode: reporter!.regionCode } : { parentId: reporter!.organisationId! };
      const all: Organisation[] = [];
      // Pages of 200 until the total; a regency/city has tens of units, so this is one or two calls.
      for (let page = 1; page <= 50; page += 1) {
        const answer = await dataOf(api.GET('/api/v1/organisations', { params: { query: { ...filter, page, pageSize: 200 } } }));
        all.push(...answer.items);
        if (all.length >= answer.total || answer.items.length === 0) break;
      }
      return all;
    },
  });
}

/** The period's submissions the caller sees for the reporter, newest first: its units' inputs and its own report. */
export function usePeriodSubmissions(reporter: Reporter | undefined, programme: Programme | undefined, periodKey: string | undefined) {
  return useQuery({
    queryKey: ['compile-submissions', reporter?.regionCode ?? reporter?.organisationId, programme, periodKey],
    enabled: !!reporter && !!programme && !!periodKey,
    queryFn: async (): Promise<SubmissionSummary[]> => {
      const all: SubmissionSummary[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 50; page += 1) {
        const query = { programme, periodKey, pageSize: 100, ...(reporter!.regionCode ? { regionCode: reporter!.regionCode } : {}), ...(cursor ? { cursor } : {}) };
        const answer = await dataOf(api.GET('/api/v1/submissions', { params: { query } }));
        all.push(...answer.items);
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
      return all;
    },
  });
}

/** The approved inputs' answers, read only once a compilation was refused for a disagreement. */
export function useApprovedAnswers(inputs: readonly { id: string; unit: string }[], enabled: boolean) {
  return useQuery({
    queryKey: ['compile-approved-answers', inputs.map((input) => input.id)],
    enabled: enabled && inputs.length > 0,
    queryFn: (): Promise<{ unit: string; answers: Answers }[]> =>
      Promise.all(
        inputs.map(async (input) => {
          const view = await dataOf(api.GET('/api/v1/submissions/{id}', { params: { path: { id: input.id } } }));
          return { unit: input.unit, answers: view.answers as Answers };
        }),
      ),
  });
}

export type CompileOutcome = { ok: true; report: CompiledReport } | { ok: false; error: ApiErrorBody | null };

/** Runs the compilation, with the coordinator's settled answers when there are any. */
export async function runCompile(reporter: Reporter, programme: Programme, periodKey: string, answers: Answers): Promise<CompileOutcome> {
  try {
    const { data, error } = await api.POST('/api/v1/submissions/compile', {
      body: { programme, periodKey, ...reporter, ...(Object.keys(answers).length > 0 ? { answers } : {}) },
    });
    if (data) return { ok: true, report: data };
    return { ok: false, error: isApiErrorBody(error) ? error : null };
  } catch {
    return { ok: false, error: null };
  }
}
