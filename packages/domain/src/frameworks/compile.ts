import { AnswerValue, Answers } from '../submissions';
import { isUnanswered } from './answers';

/** One unit's approved KKP HAM input to its regency/city's submission. */
export interface CompileSource {
  submissionId: string;
  organisationId: string;
  answers: Answers;
}

export interface CompileConflict {
  indicatorCode: string;
  values: { organisationId: string; value: AnswerValue }[];
}

export interface CompileResult {
  answers: Answers;
  contributions: { submissionId: string; organisationId: string; indicatorCodes: string[] }[];
  conflicts: CompileConflict[];
}

/**
 * Merges the units' answers into the regency/city's. The regency/city's own answer always stands: it is how the
 * coordinator settles (or corrects) an indicator, and a later compilation never puts a unit's value back over it.
 * Other indicators take the one answer the units gave; units that gave the same value agree; units that gave different
 * values are a conflict for the coordinator to settle by answering that indicator on the regency/city's submission,
 * unless the indicator's lead unit (assigned by the reporter) answered it: then the lead's value stands.
 */
export function compileAnswers(
  own: Answers,
  sources: readonly CompileSource[],
  /** Answer code to the organisation that leads it: its value settles a disagreement with the units supporting it. */
  leads: ReadonlyMap<string, string> = new Map(),
): CompileResult {
  const byIndicator = new Map<string, { organisationId: string; value: AnswerValue }[]>();
  for (const source of sources) {
    for (const [code, value] of Object.entries(source.answers)) {
      if (isUnanswered(value)) continue;
      byIndicator.set(code, [...(byIndicator.get(code) ?? []), { organisationId: source.organisationId, value }]);
    }
  }
  const answers: Answers = { ...own };
  const conflicts: CompileConflict[] = [];
  for (const [indicatorCode, values] of [...byIndicator.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isUnanswered(own[indicatorCode] ?? null)) continue;
    const lead = values.find((entry) => entry.organisationId === leads.get(indicatorCode));
    if (lead) answers[indicatorCode] = lead.value;
    else if (new Set(values.map((entry) => JSON.stringify(entry.value))).size > 1) conflicts.push({ indicatorCode, values });
    else answers[indicatorCode] = values[0].value;
  }
  const contributions = sources.map((source) => ({
    submissionId: source.submissionId,
    organisationId: source.organisationId,
    indicatorCodes: Object.entries(source.answers)
      .filter(([, value]) => !isUnanswered(value))
      .map(([code]) => code)
      .sort(),
  }));
  return { answers, contributions, conflicts };
}
