import { describeApiError } from '@peduli/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../auth/session';
import { dataOf } from '../../lib/api-data';
import { saveDownload } from '../../lib/download';
import { PRINT_PATIENCE_MS, pollDelay, type PrintedReport, type PrintPhase, type PrintRequest } from './printed-model';

/** Printed documents' calls, each through the one API client. */

/** Asks for a document: 202 with a new request, or 200 with the one already made from the same data. */
export async function requestPrinted(body: PrintRequest): Promise<PrintedReport> {
  const { data, error, response } = await api.POST('/api/v1/printed-reports', { body });
  if (!data) throw Object.assign(new Error(describeApiError(error).join(' ') || `HTTP ${response.status}`), { body: error });
  return data;
}

export function readPrinted(id: string): Promise<PrintedReport> {
  return dataOf(api.GET('/api/v1/printed-reports/{id}', { params: { path: { id } } }));
}

/** Saves a READY document with the session's token (see saveDownload); returns the file's name. */
export async function downloadPrinted(report: PrintedReport): Promise<string> {
  const answer = await api.GET('/api/v1/printed-reports/{id}/content', { params: { path: { id: report.id } }, parseAs: 'blob' });
  return saveDownload(answer, report.fileName);
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Takes a document from its request to the saved file: starts it (a request, or reading a certificate the system
 * made), looks again until it is READY or FAILED, then downloads it. Each step is told through `onPhase`; an aborted
 * signal (the page left) stops it quietly. Refusals throw with the API's words.
 */
export async function obtainPrinted(start: () => Promise<PrintedReport>, onPhase: (phase: PrintPhase) => void, signal: AbortSignal): Promise<void> {
  onPhase({ phase: 'requesting' });
  let report = await start();
  const giveUpAt = Date.now() + PRINT_PATIENCE_MS;
  for (let attempt = 0; report.status === 'PENDING'; attempt++) {
    if (signal.aborted) return;
    if (Date.now() > giveUpAt) return onPhase({ phase: 'timedOut' });
    onPhase({ phase: 'preparing' });
    await wait(pollDelay(attempt), signal);
    if (signal.aborted) return;
    report = await readPrinted(report.id);
  }
  if (signal.aborted) return;
  if (report.status === 'FAILED') return onPhase({ phase: 'failed', reason: report.error ?? '' });
  onPhase({ phase: 'downloading' });
  const fileName = await downloadPrinted(report);
  if (!signal.aborted) onPhase({ phase: 'saved', fileName });
}

/** A kind of document of a regency/city (optionally of one cycle), newest first: one small page. */
export function usePrintedOf(
  kind: PrintedReport['kind'],
  subject: { regionCode: string; cycleId?: string } | null,
  options: { pageSize: number; pollWhilePending?: boolean },
) {
  return useQuery({
    queryKey: ['printed-reports', kind, subject, options.pageSize],
    enabled: subject !== null,
    queryFn: async () => (await dataOf(api.GET('/api/v1/printed-reports', { params: { query: { kind, ...subject!, pageSize: options.pageSize } } }))).items,
    // A certificate asked for when the decree was recorded may still be in the queue: look again until it is made.
    refetchInterval: (query) => (options.pollWhilePending && query.state.data?.some((report) => report.status === 'PENDING') ? 3_000 : false),
  });
}
