import { bandFor } from '../scoring/bands';
import { AnswerValue, Answers } from '../submissions';
import { MAX_TEXT_ANSWER_LENGTH, validateAnswer } from './answers';
import { AdjustmentKind, AnswerType, Criterion, FrameworkVersion, INDICATOR_TYPES, Indicator, IndicatorType, KkpScoringRules } from './model';
import { roundTo2 } from './rounding';
import { pointsFromTarget } from './target-points';
import { FrameworkProblem, validateFrameworkVersion } from './validate';

export interface KkpScoreInput {
  answers: Answers;
  /** Indicators a verifier rejected, with the rejection reason code: they score 0 whatever the answer. */
  rejected?: Readonly<Record<string, string>>;
  /** Per adjustment code: units (when the rule has `perUnit`) or points. */
  adjustments?: Readonly<Record<string, number>>;
}

export type IndicatorScoreStatus = 'SCORED' | 'UNANSWERED' | 'REJECTED' | 'INVALID';

export interface IndicatorScore {
  code: string;
  criterionCode: string;
  type: IndicatorType;
  /** Points awarded. */
  points: number;
  maxPoints: number;
  /** Which rule, band or choice applied, for people checking the score. */
  rule: string;
  status: IndicatorScoreStatus;
  /** Why no points: 'UNANSWERED', the rejection reason code, or the answer problem code. */
  reason?: string;
}

export interface TypeSubtotal {
  earned: number;
  max: number;
  /** The type's weight inside this criterion after redistribution (see `effectiveTypeWeights`). */
  weight: number;
  weighted: number;
}

export interface CriterionScore {
  code: string;
  subtotals: Record<IndicatorType, TypeSubtotal>;
  /** 0-100, full precision. */
  score: number;
}

export interface AppliedAdjustment {
  code: string;
  kind: AdjustmentKind;
  /** Points before the cap. */
  requested: number;
  /** Signed points added to the total: positive for a bonus, negative for a penalty. */
  applied: number;
  capped: boolean;
}

export interface KkpScoreResult {
  frameworkCode: string;
  frameworkVersion: number;
  indicators: IndicatorScore[];
  criteria: CriterionScore[];
  /** Mean of the criterion scores, full precision. */
  baseTotal: number;
  adjustments: AppliedAdjustment[];
  /** Clamped to 0-100 and rounded to 2 decimals: the only rounded figure. */
  total: number;
  band: string;
}

export class InvalidFrameworkError extends Error {
  constructor(readonly problems: FrameworkProblem[]) {
    super(`Framework version is invalid: ${problems.map((p) => `${p.path} ${p.code}`).join('; ')}`);
    this.name = 'InvalidFrameworkError';
  }
}

interface Awarded {
  points: number;
  rule: string;
}

/**
 * What scoring an indicator needs that does not depend on the answers, worked out once per version: the sorted band
 * table, the choices by value and the fixed parts of the rule texts. A version scores hundreds of submissions of 100+
 * indicators each, so redoing this per answer (sorting bands, building constant texts) was most of the engine's cost.
 * The texts are byte for byte those of the rules below; the pinned-score tests hold them to it.
 */
interface PreparedIndicator {
  indicator: Indicator;
  /** ` of <points>`: the tail of every "x of y" figure. */
  ofMax: string;
  /** `) → 0 of <points>`: the tail of a zero's rule. */
  zeroTail: string;
  /** The whole rule of an unanswered indicator. */
  unansweredRule: string;
  /** BANDED, or NUMBER with bands and no target: the bands from the highest lower edge down, and each one's rule tail. */
  bands?: { min: number; points: number; tail: string }[];
  /** The rule tail of a value below every band. */
  belowTail?: string;
  /** CHOICE: the first choice of each value (as `find` would pick), with its rule tail. */
  choices?: Map<string, { points: number; tail: string }>;
  /** Rules that do not depend on the value (YES_NO, NUMBER without target or bands, TEXT_ONLY, DOCUMENT_ONLY). */
  fullRule?: string;
  noneRule?: string;
  /** PERCENT without a target: `% of <points> → `. */
  percentMiddle?: string;
}

function prepareIndicator(indicator: Indicator): PreparedIndicator {
  const max = indicator.points;
  const ofMax = ` of ${max}`;
  const prepared: PreparedIndicator = { indicator, ofMax, zeroTail: `) → 0${ofMax}`, unansweredRule: `UNANSWERED (UNANSWERED) → 0${ofMax}` };
  const usesBands = indicator.answerType === AnswerType.BANDED || (indicator.answerType === AnswerType.NUMBER && indicator.target === undefined);
  if (usesBands && indicator.bands !== undefined) {
    prepared.bands = [...indicator.bands].sort((a, b) => b.min - a.min).map((band) => ({ min: band.min, points: band.points, tail: ` ≥ ${band.min} → ${band.points}${ofMax}` }));
    const lowest = prepared.bands.length > 0 ? prepared.bands[prepared.bands.length - 1].min : 0;
    prepared.belowTail = ` < ${lowest} (below every band) → 0${ofMax}`;
  } else if (indicator.answerType === AnswerType.BANDED) {
    // A BANDED indicator without a table: every value is below every band (validation normally prevents this).
    prepared.bands = [];
    prepared.belowTail = ` < 0 (below every band) → 0${ofMax}`;
  }
  switch (indicator.answerType) {
    case AnswerType.YES_NO:
      prepared.fullRule = `YES_NO: yes → ${max}${ofMax}`;
      prepared.noneRule = `YES_NO: no → 0${ofMax}`;
      break;
    case AnswerType.NUMBER:
      prepared.fullRule = ` > 0 → ${max}${ofMax}`;
      prepared.noneRule = ` ≤ 0 → 0${ofMax}`;
      break;
    case AnswerType.PERCENT:
      prepared.percentMiddle = `% of ${max} → `;
      break;
    case AnswerType.CHOICE:
      prepared.choices = new Map();
      for (const choice of indicator.choices ?? []) {
        if (!prepared.choices.has(choice.value)) prepared.choices.set(choice.value, { points: choice.points, tail: `" → ${choice.points}${ofMax}` });
      }
      break;
    case AnswerType.TEXT_ONLY:
      prepared.fullRule = `TEXT_ONLY: answered → ${max}${ofMax}`;
      break;
    case AnswerType.DOCUMENT_ONLY:
      prepared.fullRule = `DOCUMENT_ONLY: confirmed → ${max}${ofMax}`;
      break;
  }
  return prepared;
}

/** Points for a value from a band table: the band with the highest lower edge not above the value; 0 below all edges. */
function pointsFromBands(prepared: PreparedIndicator, value: number): Awarded {
  const head = `${prepared.indicator.answerType}: value ${value}`;
  for (const band of prepared.bands!) {
    if (value >= band.min) return { points: band.points, rule: `${head}${band.tail}` };
  }
  return { points: 0, rule: `${head}${prepared.belowTail!}` };
}

/** Points for an answer already known to be present and valid. */
function pointsFor(prepared: PreparedIndicator, value: Exclude<AnswerValue, null>): Awarded {
  const indicator = prepared.indicator;
  const max = indicator.points;
  switch (indicator.answerType) {
    case AnswerType.YES_NO:
      return value === true ? { points: max, rule: prepared.fullRule! } : { points: 0, rule: prepared.noneRule! };
    case AnswerType.NUMBER:
      // A NUMBER with a target earns its share of the target; one with a band table is scored like BANDED. Without
      // either, the rule book only asks whether there is anything at all (e.g. "number of legal-aid posts"), so any
      // positive count earns the full points.
      if (indicator.target !== undefined) return pointsFromTarget(indicator, indicator.target, value as number);
      if (indicator.bands !== undefined) return pointsFromBands(prepared, value as number);
      return (value as number) > 0
        ? { points: max, rule: `NUMBER: value ${value}${prepared.fullRule!}` }
        : { points: 0, rule: `NUMBER: value ${value}${prepared.noneRule!}` };
    case AnswerType.PERCENT: {
      if (indicator.target !== undefined) return pointsFromTarget(indicator, indicator.target, value as number);
      const points = (max * (value as number)) / 100;
      return { points, rule: `PERCENT: ${value}${prepared.percentMiddle!}${points}${prepared.ofMax}` };
    }
    case AnswerType.BANDED:
      return pointsFromBands(prepared, value as number);
    case AnswerType.CHOICE: {
      const choice = prepared.choices!.get(value as string);
      return choice ? { points: choice.points, rule: `CHOICE: "${value}${choice.tail}` } : { points: 0, rule: `CHOICE: "${value}" → 0${prepared.ofMax}` };
    }
    case AnswerType.TEXT_ONLY:
    case AnswerType.DOCUMENT_ONLY:
      return { points: max, rule: prepared.fullRule! };
  }
}

/**
 * Whether `validateAnswer` would find no problem with an answered value, without building its messages: the common
 * case. Only when this says no is `validateAnswer` asked, for the problem's code.
 */
function plainlyValid(prepared: PreparedIndicator, value: Exclude<AnswerValue, null>): boolean {
  switch (prepared.indicator.answerType) {
    case AnswerType.NUMBER:
    case AnswerType.BANDED:
      return typeof value === 'number' && Number.isFinite(value);
    case AnswerType.PERCENT:
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
    case AnswerType.YES_NO:
      return typeof value === 'boolean';
    case AnswerType.CHOICE:
      return typeof value === 'string' && prepared.choices!.has(value);
    case AnswerType.TEXT_ONLY:
      return typeof value === 'string' && value.length <= MAX_TEXT_ANSWER_LENGTH;
    case AnswerType.DOCUMENT_ONLY:
      return value === true;
  }
}

function zero(prepared: PreparedIndicator, status: IndicatorScoreStatus, reason: string): IndicatorScore {
  const indicator = prepared.indicator;
  return {
    code: indicator.code,
    criterionCode: indicator.criterionCode,
    type: indicator.type,
    maxPoints: indicator.points,
    points: 0,
    rule: `${status} (${reason}${prepared.zeroTail}`,
    status,
    reason,
  };
}

function scoreIndicator(prepared: PreparedIndicator, input: KkpScoreInput): IndicatorScore {
  const indicator = prepared.indicator;
  // A verifier's rejection outranks the answer itself: the evidence did not hold up, so the answer does not count.
  const rejection = input.rejected?.[indicator.code];
  if (rejection !== undefined) return zero(prepared, 'REJECTED', rejection);
  const value = input.answers[indicator.code];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0)) {
    const { code, criterionCode, type, points } = indicator;
    return { code, criterionCode, type, maxPoints: points, points: 0, rule: prepared.unansweredRule, status: 'UNANSWERED', reason: 'UNANSWERED' };
  }
  if (!plainlyValid(prepared, value)) {
    const problem = validateAnswer(indicator, value);
    if (problem) return zero(prepared, 'INVALID', problem.code);
  }
  const awarded: Awarded | undefined = pointsFor(prepared, value);
  // An answer type the engine does not know (a stored version from elsewhere) has always scored without points or rule.
  if (awarded === undefined) return { code: indicator.code, criterionCode: indicator.criterionCode, type: indicator.type, maxPoints: indicator.points, status: 'SCORED' } as IndicatorScore;
  return {
    code: indicator.code,
    criterionCode: indicator.criterionCode,
    type: indicator.type,
    maxPoints: indicator.points,
    points: awarded.points,
    rule: awarded.rule,
    status: 'SCORED',
  };
}

/**
 * The weight each type carries inside one criterion.
 *
 * Decision: when a criterion has no indicator of some type, that type's weight is shared among the types the
 * criterion does have, in proportion to their weights (10/30/60 without STRUKTUR becomes 33.33/66.67). The
 * alternative, scoring the missing type as 0, would cap such a criterion below 100 for reasons the region cannot
 * influence. Validation guarantees the present types carry some weight.
 */
export function effectiveTypeWeights(
  rules: KkpScoringRules,
  presentTypes: ReadonlySet<IndicatorType>,
): Record<IndicatorType, number> {
  const presentWeight = INDICATOR_TYPES.filter((type) => presentTypes.has(type)).reduce((sum, type) => sum + rules.typeWeights[type], 0);
  const weights = {} as Record<IndicatorType, number>;
  for (const type of INDICATOR_TYPES) {
    weights[type] = presentTypes.has(type) && presentWeight > 0 ? (rules.typeWeights[type] * 100) / presentWeight : 0;
  }
  return weights;
}

/** A criterion's indicators (positions in the version's list, in its order) and type weights: fixed per version. */
interface PreparedCriterion {
  code: string;
  members: number[];
  weights: Record<IndicatorType, number>;
}

function prepareCriterion(criterion: Criterion, indicators: readonly Indicator[], rules: KkpScoringRules): PreparedCriterion {
  const members: number[] = [];
  indicators.forEach((indicator, index) => {
    if (indicator.criterionCode === criterion.code) members.push(index);
  });
  const weights = effectiveTypeWeights(rules, new Set(members.map((index) => indicators[index].type)));
  return { code: criterion.code, members, weights };
}

function scoreCriterion(criterion: PreparedCriterion, indicatorScores: readonly IndicatorScore[]): CriterionScore {
  const subtotals = {} as Record<IndicatorType, TypeSubtotal>;
  let score = 0;
  for (const type of INDICATOR_TYPES) {
    // Summed in the version's order, from 0, as a filter-and-reduce would: the same floating-point result.
    let earned = 0;
    let max = 0;
    for (const index of criterion.members) {
      const indicator = indicatorScores[index];
      if (indicator.type !== type) continue;
      earned += indicator.points;
      max += indicator.maxPoints;
    }
    const weight = criterion.weights[type];
    const weighted = max > 0 ? (weight * earned) / max : 0;
    subtotals[type] = { earned, max, weight, weighted };
    score += weighted;
  }
  return { code: criterion.code, subtotals, score };
}

function applyAdjustments(rules: KkpScoringRules, requestedValues: Readonly<Record<string, number>>): AppliedAdjustment[] {
  for (const [code, value] of Object.entries(requestedValues)) {
    // An unknown code or a nonsense value is a caller bug; silently dropping a penalty would be worse than failing.
    if (!rules.adjustments.some((rule) => rule.code === code)) throw new RangeError(`Unknown adjustment code: ${code}`);
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`Adjustment ${code} must be a number ≥ 0, got ${value}`);
  }
  return rules.adjustments.map((rule) => {
    const requested = (requestedValues[rule.code] ?? 0) * (rule.perUnit ?? 1);
    const points = Math.min(rule.cap, requested);
    // `0 - points` rather than `-points`, so an unused penalty reads 0, not -0.
    const applied = rule.kind === 'BONUS' ? points : 0 - points;
    return { code: rule.code, kind: rule.kind, requested, applied, capped: requested > rule.cap };
  });
}

/** Scores many submissions against one version: the version is checked once, not once per submission. */
export type KkpScorer = (input: KkpScoreInput) => KkpScoreResult;

/**
 * Checks a version once and returns its scorer. Pure and deterministic: the same version and input always give a
 * deep-equal result. Everything is kept at full precision; only `total` is rounded, once, at the end, so that
 * rounding intermediate figures can never move a region across a band edge.
 */
export function prepareKkpScorer(version: FrameworkVersion): KkpScorer {
  const problems = validateFrameworkVersion(version);
  if (problems.length > 0) throw new InvalidFrameworkError(problems);
  const indicators = version.indicators.map(prepareIndicator);
  const criteria = version.criteria.map((criterion) => prepareCriterion(criterion, version.indicators, version.rules));
  return (input) => {
    const indicatorScores = indicators.map((indicator) => scoreIndicator(indicator, input));
    const criterionScores = criteria.map((criterion) => scoreCriterion(criterion, indicatorScores));
    const baseTotal = criterionScores.reduce((sum, criterion) => sum + criterion.score, 0) / criterionScores.length;
    const adjustments = applyAdjustments(version.rules, input.adjustments ?? {});
    const adjusted = adjustments.reduce((sum, adjustment) => sum + adjustment.applied, baseTotal);
    const total = roundTo2(Math.min(100, Math.max(0, adjusted)));
    // The band follows the published (rounded) total, so a region shown as 75.00 is never told it is below 75.
    return {
      frameworkCode: version.frameworkCode,
      frameworkVersion: version.version,
      indicators: indicatorScores,
      criteria: criterionScores,
      baseTotal,
      adjustments,
      total,
      band: bandFor(total, version.rules.bands),
    };
  };
}

/** Scores one KKP HAM submission against a framework version (see `prepareKkpScorer`). */
export function scoreKkp(version: FrameworkVersion, input: KkpScoreInput): KkpScoreResult {
  return prepareKkpScorer(version)(input);
}
