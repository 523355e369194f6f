export enum SubmissionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHECKING = 'CHECKING',
  CHECK_FAILED = 'CHECK_FAILED',
  IN_REVIEW = 'IN_REVIEW',
  RETURNED = 'RETURNED',
  VERIFIED = 'VERIFIED',
  SCORED = 'SCORED',
}

const ALLOWED_TRANSITIONS: Readonly<Record<SubmissionStatus, readonly SubmissionStatus[]>> = {
  [SubmissionStatus.DRAFT]: [SubmissionStatus.SUBMITTED],
  [SubmissionStatus.SUBMITTED]: [SubmissionStatus.CHECKING, SubmissionStatus.CHECK_FAILED, SubmissionStatus.IN_REVIEW],
  [SubmissionStatus.CHECKING]: [SubmissionStatus.CHECK_FAILED, SubmissionStatus.IN_REVIEW],
  [SubmissionStatus.CHECK_FAILED]: [SubmissionStatus.SUBMITTED],
  [SubmissionStatus.IN_REVIEW]: [SubmissionStatus.RETURNED, SubmissionStatus.VERIFIED],
  [SubmissionStatus.RETURNED]: [SubmissionStatus.SUBMITTED],
  [SubmissionStatus.VERIFIED]: [SubmissionStatus.SCORED],
  [SubmissionStatus.SCORED]: [],
};

export function canTransition(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** A unit may change answers and documents in these statuses (before submitting, or after a return or failed check). */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = [SubmissionStatus.DRAFT, SubmissionStatus.RETURNED, SubmissionStatus.CHECK_FAILED];

/** Checked submissions are scored (provisionally), and so are verified ones and those already scored (rescoring). */
export const SCORABLE_STATUSES: readonly SubmissionStatus[] = [SubmissionStatus.IN_REVIEW, SubmissionStatus.VERIFIED, SubmissionStatus.SCORED];

/** The statuses from which a unit may (re)submit. */
export function submittableStatuses(): SubmissionStatus[] {
  return (Object.keys(ALLOWED_TRANSITIONS) as SubmissionStatus[]).filter((from) =>
    canTransition(from, SubmissionStatus.SUBMITTED),
  );
}

/** An answer is what a unit reports for one indicator: a number, a yes/no, a choice or free text. */
export type AnswerValue = number | boolean | string | null;
export type Answers = Record<string, AnswerValue>;

export const INDICATOR_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/**
 * Whether a string can be an indicator code. Names of Object.prototype members ("constructor", "toString", ...) are
 * refused: answers are plain objects keyed by code, where such a key is dropped by object mappers or shadows a
 * built-in on lookup.
 */
export function isIndicatorCode(code: string): boolean {
  return INDICATOR_CODE_PATTERN.test(code) && !(code in Object.prototype);
}
