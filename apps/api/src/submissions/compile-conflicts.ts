import type { AnswerValue, CompileConflict, Locale } from '@peduli/domain';
import type { FieldProblem } from '../common/api-error';
import { translate } from '../common/messages';

/** An answer as a person reads it in a message: ya/tidak, 75,5 in Indonesian, text in quotes. */
export function readableAnswer(value: AnswerValue, locale: Locale): string {
  if (value === null) return translate('submission.answerEmpty', locale);
  if (typeof value === 'boolean') return translate(value ? 'submission.answerYes' : 'submission.answerNo', locale);
  if (typeof value === 'number') return locale === 'id' ? String(value).replace('.', ',') : String(value);
  return `"${value}"`;
}

/**
 * Each disagreement as a problem of the answer that settles it (`answers.<code>`), naming every unit by its
 * organisation's name with the value it gave, so the coordinator can decide without looking the units up.
 */
export function conflictProblems(conflicts: readonly CompileConflict[], names: ReadonlyMap<string, string>): FieldProblem[] {
  return conflicts.map((conflict) => {
    const messages = {
      id: describeConflict(conflict, names, 'id'),
      en: describeConflict(conflict, names, 'en'),
    };
    return { field: `answers.${conflict.indicatorCode}`, constraint: 'UNITS_DISAGREE', fallback: messages.en, messages };
  });
}

function describeConflict(conflict: CompileConflict, names: ReadonlyMap<string, string>, locale: Locale): string {
  // By name: the units come in the order of their ids, which says nothing to a person and differs between databases.
  const values = conflict.values
    .map((entry) => ({ name: names.get(entry.organisationId) ?? entry.organisationId, value: entry.value }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map((entry) => `${entry.name}: ${readableAnswer(entry.value, locale)}`)
    .join('; ');
  return translate('submission.unitsDisagree', locale, { code: conflict.indicatorCode, values });
}
