import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import { awaitsWorker, ledgerQuery, type LedgerFilters } from './reminders-model';

/**
 * The reminder ledger of a period, a page at a time, asked again every few seconds while the worker has work in it
 * or a resend is being followed (`following`): a resent reminder may be outside the page's filter while it waits.
 */
export function useLedger(cycleId: string | undefined, periodCode: string | undefined, filters: LedgerFilters, page: number, following: boolean) {
  return useQuery({
    queryKey: ['reminders', cycleId, periodCode, filters, page],
    enabled: !!cycleId && !!periodCode,
    queryFn: () =>
      dataOf(api.GET('/api/v1/cycles/{cycleId}/periods/{code}/reminders', { params: { path: { cycleId: cycleId!, code: periodCode! }, query: ledgerQuery(filters, page) } })),
    refetchInterval: (query) => (following || (query.state.data && awaitsWorker(query.state.data.items, new Date())) ? 2_000 : false),
  });
}

/**
 * A resend with its reason. The API's refusal comes back as the error (its body), for the form's error summary; on
 * success every page of the ledger is asked again, so the row shows it planned anew.
 */
export function useResend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) => {
      const { data, error } = await api.POST('/api/v1/reminders/{id}/resend', { params: { path: { id } }, body: { reason: reason.trim() } });
      if (!data) throw Object.assign(new Error('refused'), { body: error });
      return data;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['reminders'] }),
  });
}
