import type { Schemas } from '@peduli/api-client';
import { DOCUMENT_CHECK_MESSAGES, DocumentCheckReason } from '@peduli/domain/documents';
import type { Language } from '../../i18n/messages';
import { EDITABLE_STATUSES } from '../../lib/submission-status';

export type DocumentView = Schemas['DocumentView'];
export type SubmissionView = Schemas['SubmissionView'];


export function isEditable(submission: Pick<SubmissionView, 'status'>): boolean {
  return EDITABLE_STATUSES.includes(submission.status);
}

/**
 * Whether the page should ask again soon: the report has been sent and the document worker has not yet given every
 * file its verdict. A draft's documents are quarantined too, but nobody checks them until it is submitted.
 */
export function awaitingVerdicts(submission: Pick<SubmissionView, 'status' | 'documents'> | undefined): boolean {
  if (!submission || isEditable(submission)) return false;
  return submission.status === 'SUBMITTED' || submission.status === 'CHECKING' || submission.documents.some((d) => d.status === 'QUARANTINED');
}

const isKnownReason = (code: string): code is DocumentCheckReason => Object.prototype.hasOwnProperty.call(DOCUMENT_CHECK_MESSAGES, code);

/** A check code in plain words; a code this app does not know yet is shown as it is rather than hidden. */
export function describeReason(code: string, language: Language): string {
  return isKnownReason(code) ? DOCUMENT_CHECK_MESSAGES[code][language] : code;
}

export interface Verdict {
  state: 'WAITING' | 'ACCEPTED' | 'REJECTED';
  /** Why it was refused, or (accepted) what a reviewer should bear in mind. */
  reasons: string[];
}

/** One document's check result as the operator reads it. */
export function verdictOf(document: Pick<DocumentView, 'status' | 'checkReasons' | 'checkFlags'>, language: Language): Verdict {
  if (document.status === 'QUARANTINED') return { state: 'WAITING', reasons: [] };
  const codes = document.status === 'REJECTED' ? document.checkReasons : document.checkFlags;
  return { state: document.status, reasons: codes.map((code) => describeReason(code, language)) };
}
