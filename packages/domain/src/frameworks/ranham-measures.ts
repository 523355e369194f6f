import { ReturnReason } from '../review';
import { AnswerValue } from '../submissions';
import { isUnanswered } from './answers';
import { RanhamAction, RanhamFrameworkContent, RanhamMeasureAnswerType, RanhamSuccessMeasure } from './model';

/*
 * The success measures of RANHAM actions: how a stored version's measures are read (the old shape included), how an
 * answer fits a measure, and how far an answer achieves it.
 */

type Fields = Readonly<Record<string, unknown>>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A measure of the old shape: nothing but a period and a text (no code, no answer type, no document rules). */
function isOldShapeMeasure(measure: Fields): boolean {
  return measure.code === undefined && measure.answerType === undefined && measure.requiredDocuments === undefined;
}

/** An old-shape measure read as a measure of the new shape, answered by its action's code as before. */
function fromOldShape(measure: Fields, actionCode: unknown): Fields {
  return { ...measure, code: actionCode, answerType: RanhamMeasureAnswerType.YES_NO_OR_PERCENT, requiredDocuments: [] };
}

/**
 * THE place where stored RANHAM content is normalised on read (asRanhamVersion calls it): a measure of the old shape
 * (one per action and period, no code) becomes a measure whose code is the action code, answered yes/no or as a
 * percentage and needing no documents, so answers and documents keyed by action code stay valid. Measures of the new
 * shape are passed on as they are (a missing list of document rules read as none), anything malformed untouched, for
 * the validator to judge.
 */
export function normaliseRanhamContent(content: RanhamFrameworkContent): RanhamFrameworkContent {
  const raw: unknown = content;
  if (!isFields(raw) || !Array.isArray(raw.actions)) return content;
  const actions = raw.actions.map((action: unknown) => {
    if (!isFields(action) || !Array.isArray(action.successMeasures)) return action;
    const successMeasures = action.successMeasures.map((measure: unknown) => {
      if (!isFields(measure)) return measure;
      if (isOldShapeMeasure(measure)) return fromOldShape(measure, action.code);
      // A file's canonical form drops an empty list, so a numbered measure without document rules needs none.
      return measure.requiredDocuments === undefined ? { ...measure, requiredDocuments: [] } : measure;
    });
    return { ...action, successMeasures };
  });
  return { ...content, actions: actions as RanhamAction[] };
}

/** The measures of an action for one period, in their listed order. */
export function measuresForPeriod(action: RanhamAction, periodCode: string): RanhamSuccessMeasure[] {
  return action.successMeasures.filter((measure) => measure.periodCode === periodCode);
}

/** How a measure is named next to its action: "B04.1" for "AKSI-2025-01.B04.1", the whole code otherwise. */
export function measureLabel(actionCode: string, measureCode: string): string {
  return measureCode.startsWith(`${actionCode}.`) ? measureCode.slice(actionCode.length + 1) : measureCode;
}

/**
 * Return reasons that are findings about formal completeness (a document missing, unsigned, in the wrong format or
 * for another period), not about what was achieved: a measure marked with one fails its administration. The rules of
 * a version may list their own (RanhamRules.administrativeReasons); this is the list for rules that do not.
 */
export const RANHAM_DEFAULT_ADMINISTRATIVE_REASONS: readonly string[] = [
  ReturnReason.MISSING_MINUTES,
  ReturnReason.MISSING_SIGNATURE_OR_LETTERHEAD,
  ReturnReason.WRONG_FORMAT,
  ReturnReason.WRONG_PERIOD,
];

const isPercent = (value: AnswerValue): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

/** Whether a given (not blank) answer has the shape the measure's answer type asks for. */
export function fitsMeasure(measure: RanhamSuccessMeasure, value: AnswerValue): boolean {
  switch (measure.answerType) {
    case RanhamMeasureAnswerType.YES_NO:
      return typeof value === 'boolean';
    case RanhamMeasureAnswerType.PERCENT:
      return isPercent(value);
    case RanhamMeasureAnswerType.NUMBER:
      return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    case RanhamMeasureAnswerType.TEXT:
      return typeof value === 'string' && value.trim().length > 0;
    case RanhamMeasureAnswerType.YES_NO_OR_PERCENT:
      return typeof value === 'boolean' || isPercent(value);
    default:
      return false;
  }
}

/** What an answer of each type looks like, for messages. */
export const MEASURE_ANSWER_HINT: Readonly<Record<RanhamMeasureAnswerType, { id: string; en: string }>> = {
  [RanhamMeasureAnswerType.YES_NO]: { id: 'ya/tidak', en: 'a yes/no' },
  [RanhamMeasureAnswerType.PERCENT]: { id: 'persentase 0-100', en: 'a percentage 0-100' },
  [RanhamMeasureAnswerType.NUMBER]: { id: 'angka tidak negatif', en: 'a non-negative number' },
  [RanhamMeasureAnswerType.TEXT]: { id: 'uraian teks', en: 'a text' },
  [RanhamMeasureAnswerType.YES_NO_OR_PERCENT]: { id: 'ya/tidak atau persentase 0-100', en: 'a yes/no or a percentage 0-100' },
};

/**
 * 0-100: how far a fitting answer achieves the measure. A NUMBER reaches 100 at its target and is capped there; a
 * described TEXT counts as achieved (the verifier rejects it when it is not).
 */
export function measureAchievement(measure: RanhamSuccessMeasure, value: AnswerValue): number {
  if (typeof value === 'boolean') return value ? 100 : 0;
  if (typeof value === 'string') return 100;
  if (typeof value !== 'number') return 0;
  if (measure.answerType === RanhamMeasureAnswerType.NUMBER) {
    const target = measure.target ?? 0;
    return target > 0 ? Math.min(100, (value * 100) / target) : 0;
  }
  return value;
}

/** An answer that claims something (not blank, not "no", not zero) must be backed by the measure's documents. */
export function claimsAchievement(value: AnswerValue | undefined): boolean {
  return value !== undefined && !isUnanswered(value) && value !== false && value !== 0;
}
