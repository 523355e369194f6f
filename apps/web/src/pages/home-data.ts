import type { ResponseBody, Schemas } from '@peduli/api-client';
import type { IndonesianTimeZone } from '@peduli/domain/time-zones';
import { useQuery } from '@tanstack/react-query';
import { api } from '../auth/session';
import { localDate } from '../lib/deadline';
import { dataOf } from '../lib/api-data';

/** Beranda's data, each from its own endpoint: who I am, my organisation, the open periods, my submissions. */

type Me = ResponseBody<'/api/v1/auth/me', 'get'>;
type Cycle = Schemas['CycleView'];
type Period = Schemas['PeriodView'];
export type SubmissionSummary = Schemas['SubmissionSummary'];
export type Review = Schemas['ReviewView'];

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => dataOf<Me>(api.GET('/api/v1/auth/me')) });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisation', id],
    enabled: !!id,
    queryFn: () => dataOf(api.GET('/api/v1/organisations/{id}', { params: { path: { id: id! } } })),
  });
}

export interface OpenPeriod {
  cycle: Cycle;
  period: Period;
}

/** A period is open from its opening day (or always, without one) until its deadline, both in the viewer's zone. */
export function isOpen(period: Period, zone: string, now: Date): boolean {
  const deadline = period.deadlineByZone[zone];
  if (!deadline || new Date(deadline).getTime() <= now.getTime()) return false;
  return period.opensOn === null || period.opensOn <= localDate(now, zone as IndonesianTimeZone);
}

export function useOpenPeriods(zone: string | undefined) {
  return useQuery({
    queryKey: ['open-periods', zone],
    enabled: !!zone,
    queryFn: async (): Promise<OpenPeriod[]> => {
      const cycles = await dataOf(api.GET('/api/v1/cycles'));
      const now = new Date();
      const perCycle = await Promise.all(
        cycles.map(async (cycle) => {
          const periods = await dataOf(api.GET('/api/v1/cycles/{cycleId}/periods', { params: { path: { cycleId: cycle.id } } }));
          return periods.filter((period) => isOpen(period, zone!, now)).map((period) => ({ cycle, period }));
        }),
      );
      return perCycle.flat().sort((a, b) => a.period.deadlineByZone[zone!].localeCompare(b.period.deadlineByZone[zone!]));
    },
  });
}

export function useMySubmissions(organisationId: string | null | undefined, ready: boolean) {
  return useQuery({
    queryKey: ['my-submissions', organisationId ?? null],
    enabled: ready,
    queryFn: () =>
      dataOf(api.GET('/api/v1/submissions', { params: { query: organisationId ? { organisationId } : {} } })).then((page) => page.items),
  });
}

/** The latest return of a submission: what the reviewer said to fix. */
export function useReturnReason(submission: SubmissionSummary) {
  return useQuery({
    queryKey: ['return-reason', submission.id, submission.submitCount],
    enabled: submission.status === 'RETURNED',
    queryFn: async () => {
      const reviews = await dataOf(api.GET('/api/v1/submissions/{id}/reviews', { params: { path: { id: submission.id } } }));
      return [...reviews].reverse().find((review) => review.decision === 'RETURNED') ?? null;
    },
  });
}
