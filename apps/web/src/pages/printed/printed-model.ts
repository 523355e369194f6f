import type { Schemas } from '@peduli/api-client';

/**
 * The pure rules of printed documents: which document a score's page offers, how long to wait between looks at a
 * document being made, and which certificate of a regency/city stands for a cycle.
 */

export type PrintedReport = Schemas['PrintedReportView'];
export type PrintRequest = Schemas['CreatePrintedReportBody'];
export type PrintKind = PrintRequest['kind'];

/** Where a download stands, as the button's status line says it. */
export type PrintPhase =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'preparing' }
  | { phase: 'downloading' }
  | { phase: 'saved'; fileName: string }
  | { phase: 'failed'; reason: string }
  | { phase: 'timedOut' };

export const isBusy = (state: PrintPhase): boolean => state.phase === 'requesting' || state.phase === 'preparing' || state.phase === 'downloading';

/**
 * The wait before the next look at a document being made: a second at first (a score report takes about that), then
 * growing to five, so a queue that is busy is not asked every second by every open page.
 */
export function pollDelay(attempt: number): number {
  return Math.min(5_000, 1_000 + attempt * 500);
}

/** How long a page keeps looking before it says "not ready yet, try again": the worker normally needs seconds. */
export const PRINT_PATIENCE_MS = 3 * 60_000;

/** What a score of this kind offers to print, in the order the page shows the buttons. */
export interface PrintOffer {
  kind: PrintKind;
  label: 'printed.scoreReport' | 'printed.periodReport' | 'printed.yearSummary';
  body: PrintRequest;
}

/**
 * A KKP HAM score offers its score report; a RANHAM score its period report and, once the reporter's RANHAM cycle of
 * that year is known, the yearly summary (of a regency/city by code, of a ministry or Biro Hukum by organisation).
 */
export function printOffers(
  programme: 'KKP_HAM' | 'RANHAM',
  score: { submissionId: string; regionCode: string | null; organisationId: string | null },
  ranhamCycleId: string | null,
): PrintOffer[] {
  if (programme === 'KKP_HAM') return [{ kind: 'KKP_SCORE_REPORT', label: 'printed.scoreReport', body: { kind: 'KKP_SCORE_REPORT', submissionId: score.submissionId } }];
  const offers: PrintOffer[] = [{ kind: 'RANHAM_PERIOD_REPORT', label: 'printed.periodReport', body: { kind: 'RANHAM_PERIOD_REPORT', submissionId: score.submissionId } }];
  const subject = score.regionCode ? { regionCode: score.regionCode } : score.organisationId ? { organisationId: score.organisationId } : null;
  if (ranhamCycleId && subject) {
    offers.push({ kind: 'RANHAM_YEAR_SUMMARY', label: 'printed.yearSummary', body: { kind: 'RANHAM_YEAR_SUMMARY', cycleId: ranhamCycleId, ...subject } });
  }
  return offers;
}

/** The cycle year a period key names ("2026-TAHUNAN", "2026-B08"). */
export function yearOfPeriod(periodKey: string): number | null {
  const year = Number(periodKey.split('-')[0]);
  return Number.isInteger(year) && year > 0 ? year : null;
}

/**
 * The certificate to offer among a regency/city's certificates of one cycle (newest first, as the API lists them): a
 * corrected decree asks for new ones, so the newest made one stands; while that is being made, the newest of all says
 * so. A certificate that could not be made is offered only when nothing else is there.
 */
export function currentCertificate(certificates: readonly PrintedReport[]): PrintedReport | null {
  const newest = certificates[0];
  if (!newest) return null;
  if (newest.status === 'PENDING') return newest;
  return certificates.find((report) => report.status === 'READY') ?? newest;
}
