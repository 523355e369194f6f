import { Answers } from '../submissions';
import { bandFor } from './bands';

/**
 * PLACEHOLDER scoring formula, used by the walking skeleton until versioned frameworks exist:
 * the share of indicators with a non-empty answer, as 0-100. It is not the KKP HAM or RANHAM method.
 */
export const PLACEHOLDER_FRAMEWORK_VERSION = 'placeholder-v0';

export interface PlaceholderScore {
  frameworkVersion: typeof PLACEHOLDER_FRAMEWORK_VERSION;
  total: number;
  band: string;
  answered: number;
  indicators: number;
}

function isAnswered(value: Answers[string]): boolean {
  if (value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  return true;
}

export function computePlaceholderScore(answers: Answers): PlaceholderScore {
  const values = Object.values(answers);
  const answered = values.filter(isAnswered).length;
  const total = values.length === 0 ? 0 : Math.round((answered / values.length) * 10000) / 100;
  return { frameworkVersion: PLACEHOLDER_FRAMEWORK_VERSION, total, band: bandFor(total), answered, indicators: values.length };
}
