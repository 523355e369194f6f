import type { Schemas } from '@peduli/api-client';
import type { MessageKey } from '../../i18n/messages';
import type { FormProblem } from '../../lib/form-problems';
import type { ReviewStage } from './review-queue';

/** The review page's pure rules: the return form's checks and reading a reviewer's verified values. */

export type ReturnReasonCode = Schemas['ReturnReasonItem']['code'];
export type ReturnTarget = Schemas['ReturnBody']['returnTo'];
export type AnswerValue = number | boolean | string | null;

/** The API's ReturnReason list, in the order a reviewer meets them. */
export const RETURN_REASONS: readonly ReturnReasonCode[] = [
  'MISSING_MINUTES',
  'MISSING_SIGNATURE_OR_LETTERHEAD',
  'EVIDENCE_NOT_MATCHING',
  'WRONG_PERIOD',
  'WRONG_FORMAT',
  'NIHIL_INSTEAD_OF_NUMBER',
  'INCOMPLETE',
  'OTHER',
];

export const reasonLabelKey = (code: ReturnReasonCode): MessageKey => `review.reason.${code}` as MessageKey;

export type ReturnField = 'reasons' | 'comment' | 'returnTo';
export const RETURN_FIELDS: readonly ReturnField[] = ['reasons', 'comment', 'returnTo'];

export interface ReturnFormValues {
  reasons: ReturnReasonCode[];
  comment: string;
  returnTo: ReturnTarget;
}

/** The API's bounds of a return's comment (ReturnBody). */
export const MIN_COMMENT_LENGTH = 3;
export const MAX_COMMENT_LENGTH = 2000;

/**
 * Before a return is sent: at least one reason, a comment saying what to fix (the reporter reads it on Beranda), and
 * a return to the Kanwil only from the central stage.
 */
export function checkReturnForm(values: ReturnFormValues, stage: ReviewStage | null): FormProblem<ReturnField>[] {
  const problems: FormProblem<ReturnField>[] = [];
  if (values.reasons.length === 0) problems.push({ field: 'reasons', message: { key: 'review.reasonsRequired' } });
  const comment = values.comment.trim();
  if (!comment) problems.push({ field: 'comment', message: { key: 'review.commentRequired' } });
  else if (comment.length < MIN_COMMENT_LENGTH) problems.push({ field: 'comment', message: { key: 'review.commentTooShort' } });
  else if (comment.length > MAX_COMMENT_LENGTH) problems.push({ field: 'comment', message: { key: 'review.commentTooLong' } });
  if (values.returnTo === 'KANWIL' && stage !== 'CENTRAL') problems.push({ field: 'returnTo', message: { key: 'review.returnToKanwilOnlyCentral' } });
  return problems;
}

/** The body of POST /submissions/{id}/return for checked values. */
export function returnBody(values: ReturnFormValues): Schemas['ReturnBody'] {
  return { reasons: values.reasons.map((code) => ({ code })), comment: values.comment.trim(), returnTo: values.returnTo };
}

/** Only the Kanwil and the centre set verified values (ApproveBody). */
export const stageSetsVerifiedValues = (stage: ReviewStage | null): boolean => stage === 'KANWIL' || stage === 'CENTRAL';

/** The field id of an answer's verified value, for the error summary's link. */
export const verifiedFieldId = (code: string): string => `verified-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
