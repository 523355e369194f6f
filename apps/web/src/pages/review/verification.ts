import type { Schemas } from '@peduli/api-client';
import type { MessageKey } from '../../i18n/messages';
import type { AnswerValue, ReturnReasonCode } from './review-form';
import type { ReviewStage } from './review-queue';

/**
 * The Kanwil's and the centre's verification as pure rules: the form state of verified values and per-answer
 * rejections, each checked against the answer's type, and the approve body built from it. The API keeps an earlier
 * stage's set unless a new one is sent, and a sent set replaces it whole; so the form starts from the current sets and
 * a set is sent only when the reviewer changed it.
 */

/** How an answer is typed (the report pages' kinds): the verified value must be one of these too. */
export type VerifyKind = 'YES_NO' | 'NUMBER' | 'PERCENT' | 'CHOICE' | 'TEXT' | 'DOCUMENT_ONLY';

export interface AnswerRule {
  kind: VerifyKind;
  choices: readonly string[];
}

export interface VerificationDraft {
  /** What the reviewer typed or chose as the verified value, by answer code; blank keeps the reporter's answer. */
  verified: Record<string, string>;
  /** The answers the reviewer rejects, by code; a rejection needs a reason (null until one is chosen). */
  rejections: Record<string, ReturnReasonCode | null>;
}

export type VerificationField = 'verified' | 'reason';

export interface VerificationProblem {
  code: string;
  field: VerificationField;
  message: MessageKey;
}

export type ApproveSets = Pick<Schemas['ApproveBody'], 'verifiedAnswers' | 'rejections'>;

/** The sets in force before this decision: the submission's verifiedAnswers and rejections. */
export interface EarlierSets {
  verifiedAnswers: Record<string, AnswerValue>;
  rejections: Record<string, string>;
}

/** The words a yes/no verified value is chosen with (the select's values), read in either language. */
export const YES = 'ya';
export const NO = 'tidak';
const YES_WORDS = ['ya', 'yes', 'true'];
const NO_WORDS = ['tidak', 'no', 'false'];
const NIHIL_SPELLINGS = ['nihil', 'nil', '-', '–', '—'];
const NUMBER = /^-?\d+([.,]\d+)?$/;
/** The API's longest text answer (MAX_TEXT_ANSWER). */
export const MAX_TEXT_LENGTH = 4000;

/** Without the framework (not loaded, or an unknown code), the verified value is read like the answer it replaces. */
export function ruleFromAnswer(selfAssessed: AnswerValue | undefined): AnswerRule {
  if (typeof selfAssessed === 'number') return { kind: 'NUMBER', choices: [] };
  if (typeof selfAssessed === 'boolean') return { kind: 'YES_NO', choices: [] };
  return { kind: 'TEXT', choices: [] };
}

export type ParsedVerified = { ok: true; value: AnswerValue | undefined } | { ok: false; problem: MessageKey };

/** A typed verified value as the API takes it; blank is "none" (the reporter's answer stands). */
export function parseVerified(raw: string, rule: AnswerRule): ParsedVerified {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  switch (rule.kind) {
    case 'YES_NO': {
      const word = text.toLowerCase();
      if (YES_WORDS.includes(word)) return { ok: true, value: true };
      if (NO_WORDS.includes(word)) return { ok: true, value: false };
      return { ok: false, problem: 'review.verify.yesNo' };
    }
    case 'NUMBER':
    case 'PERCENT': {
      const typed = text.replace(/\s/g, '');
      if (NIHIL_SPELLINGS.includes(typed.toLowerCase())) return { ok: false, problem: 'review.verify.nihil' };
      if (!NUMBER.test(typed)) return { ok: false, problem: 'review.verify.notANumber' };
      const value = Number(typed.replace(',', '.'));
      if (value < 0) return { ok: false, problem: 'review.verify.negative' };
      if (rule.kind === 'PERCENT' && value > 100) return { ok: false, problem: 'review.verify.percentRange' };
      return { ok: true, value };
    }
    case 'CHOICE':
      return rule.choices.includes(text) ? { ok: true, value: text } : { ok: false, problem: 'review.verify.choice' };
    case 'TEXT':
      return text.length > MAX_TEXT_LENGTH ? { ok: false, problem: 'review.verify.tooLong' } : { ok: true, value: text };
    case 'DOCUMENT_ONLY':
      // Nothing to type for a document-only indicator: it can be rejected, not given a value.
      return { ok: false, problem: 'review.verify.documentOnly' };
  }
}

/** A stored verified value as the form shows it: a decimal comma in Indonesian, ya/tidak for yes/no. */
export function formatForForm(value: AnswerValue, language: 'id' | 'en'): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? YES : NO;
  if (typeof value === 'number') return language === 'id' ? String(value).replace('.', ',') : String(value);
  return value;
}

/** The form as it opens: the sets in force, so a reviewer at the centre starts from the Kanwil's proposal. */
export function draftFrom(earlier: EarlierSets, language: 'id' | 'en'): VerificationDraft {
  const verified: Record<string, string> = {};
  for (const [code, value] of Object.entries(earlier.verifiedAnswers)) verified[code] = formatForForm(value, language);
  const rejections: Record<string, ReturnReasonCode | null> = {};
  for (const [code, reason] of Object.entries(earlier.rejections)) rejections[code] = reason as ReturnReasonCode;
  return { verified, rejections };
}

function sameSet(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && a[key] === b[key]);
}

/**
 * The approve body's verification part from the form, or what is wrong with it, each problem pinned to its answer's
 * field: an unreadable or out-of-range value, a rejection without a reason, and an answer both rejected and given a
 * value (a rejected answer scores 0, so a value for it would mean nothing). A set equal to the one in force is left
 * out, so the earlier stage's set stands as it is; a changed set is sent whole, even empty, since it replaces it.
 */
export function buildVerification(
  draft: VerificationDraft,
  ruleOf: (code: string) => AnswerRule,
  earlier: EarlierSets,
): { ok: true; sets: ApproveSets } | { ok: false; problems: VerificationProblem[] } {
  const problems: VerificationProblem[] = [];
  const verifiedAnswers: Record<string, AnswerValue> = {};
  const rejections: Record<string, ReturnReasonCode> = {};
  const codes = [...new Set([...Object.keys(draft.verified), ...Object.keys(draft.rejections)])].sort();
  for (const code of codes) {
    const rejected = code in draft.rejections;
    const reason = draft.rejections[code];
    if (rejected && !reason) problems.push({ code, field: 'reason', message: 'review.verify.reasonRequired' });
    else if (rejected && reason) rejections[code] = reason;
    const raw = draft.verified[code] ?? '';
    if (raw.trim() === '') continue;
    if (rejected) {
      problems.push({ code, field: 'verified', message: 'review.verify.rejectedWithValue' });
      continue;
    }
    const parsed = parseVerified(raw, ruleOf(code));
    if (!parsed.ok) problems.push({ code, field: 'verified', message: parsed.problem });
    else if (parsed.value !== undefined) verifiedAnswers[code] = parsed.value;
  }
  if (problems.length > 0) return { ok: false, problems };
  const sets: ApproveSets = {};
  if (!sameSet(verifiedAnswers, earlier.verifiedAnswers)) sets.verifiedAnswers = verifiedAnswers as ApproveSets['verifiedAnswers'];
  if (!sameSet(rejections, earlier.rejections)) sets.rejections = rejections as ApproveSets['rejections'];
  return { ok: true, sets };
}

/** The field ids the error summary links to. */
const safe = (code: string) => code.replace(/[^A-Za-z0-9_-]/g, '_');
export const rejectFieldId = (code: string): string => `reject-${safe(code)}`;
export const reasonFieldId = (code: string): string => `reject-reason-${safe(code)}`;

/**
 * An API problem's field (`verifiedAnswers.K1.P1`, `rejections.K9.X9`) as the answer and form field it belongs to,
 * or null for a problem of the decision as a whole.
 */
export function verificationFieldOf(apiField: string): { code: string; field: VerificationField } | null {
  const match = /^(verifiedAnswers|rejections)\.(.+)$/.exec(apiField);
  if (!match) return null;
  return { code: match[2], field: match[1] === 'verifiedAnswers' ? 'verified' : 'reason' };
}

/**
 * Which stage set the values in force: the latest approval that sent a set (the Kanwil's proposal, or the centre's
 * final word), or null when none did.
 */
export function stageOfSets(reviews: readonly { stage: string; verifiedAnswers: unknown; rejections: unknown }[]): ReviewStage | null {
  for (let index = reviews.length - 1; index >= 0; index -= 1) {
    const review = reviews[index];
    if (review.verifiedAnswers !== null || review.rejections !== null) return review.stage as ReviewStage;
  }
  return null;
}

/** The answer rules by code from the framework's tasks (the report pages' reading of the version's content). */
export function rulesByCode(tasks: readonly { code: string; kind: VerifyKind; choices: readonly string[] }[]): Map<string, AnswerRule> {
  return new Map(tasks.map((task) => [task.code, { kind: task.kind, choices: task.choices }]));
}
