import { Answers } from '../submissions';

/** Where each answer that counts came from. */
export type AnswerSource = 'SELF_ASSESSED' | 'VERIFIED';

export interface EffectiveAnswers {
  answers: Answers;
  sources: Record<string, AnswerSource>;
  /** VERIFIED when a reviewer's value replaced at least one self-assessed one. */
  basis: AnswerSource;
}

/**
 * The answers a score is computed from: a reviewer's verified value wins over the unit's own wherever one was set;
 * both are kept on the submission, and the result says which one counted for each indicator.
 */
export function effectiveAnswers(selfAssessed: Answers, verified: Answers = {}): EffectiveAnswers {
  const answers: Answers = {};
  const sources: Record<string, AnswerSource> = {};
  // Keys rather than entries: no pair array per answer, for every submission of a recalculation.
  for (const code of Object.keys(selfAssessed)) {
    answers[code] = selfAssessed[code];
    sources[code] = 'SELF_ASSESSED';
  }
  let anyVerified = false;
  for (const code of Object.keys(verified)) {
    answers[code] = verified[code];
    sources[code] = 'VERIFIED';
    anyVerified = true;
  }
  return { answers, sources, basis: anyVerified ? 'VERIFIED' : 'SELF_ASSESSED' };
}
