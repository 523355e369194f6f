import type { PrintedDocumentInput } from '../documents/inputs';
import { certificateDocument } from '../documents/certificate';
import { kkpScoreReportDocument } from '../documents/kkp-score-report';
import { ranhamPeriodReportDocument } from '../documents/ranham-period-report';
import { ranhamYearSummaryDocument } from '../documents/ranham-year-summary';
import { contentHashOf } from './content-hash';
import { printPdf } from './pdf';

export class ContentHashMismatchError extends Error {
  constructor(
    readonly given: string,
    readonly computed: string,
  ) {
    super(`The input's contentHash ${given} is not the hash of its content (${computed})`);
  }
}

/**
 * The PDF of a printed document. The same input always gives the same bytes: nothing is read from the clock or a
 * random source, and the verification code stamped on every page is the hash of the input itself. A contentHash given
 * in the input must be that hash (a stamp that does not match the data would make the printed copy uncheckable);
 * an empty one is filled in.
 */
export async function renderDocument(input: PrintedDocumentInput): Promise<Buffer> {
  const contentHash = contentHashOf(input);
  const given = input.provenance.contentHash;
  if (given && given !== contentHash) throw new ContentHashMismatchError(given, contentHash);
  return printPdf(definitionOf(input, contentHash));
}

function definitionOf(input: PrintedDocumentInput, contentHash: string) {
  switch (input.kind) {
    case 'KKP_SCORE_REPORT':
      return kkpScoreReportDocument(input, contentHash);
    case 'RANHAM_PERIOD_REPORT':
      return ranhamPeriodReportDocument(input, contentHash);
    case 'RANHAM_YEAR_SUMMARY':
      return ranhamYearSummaryDocument(input, contentHash);
    case 'CERTIFICATE':
      return certificateDocument(input, contentHash);
  }
}
