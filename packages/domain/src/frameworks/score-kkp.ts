import { bandFor } from '../scoring/bands';
import { AnswerValue, Answers } from '../submissions';
import { isUnanswered, validateAnswer } from './answers';
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

const of = (points: number, max: number): string => `${points} of ${max}`;

interface Awarded {
  points: number;
  rule: string;
}

/** Points for a value from a band table: the band with the highest lower edge not above the value; 0 below all edges. */
function pointsFromBands(indicator: Indicator, value: number): Awarded {
  const bands = [...(indicator.bands ?? [])].sort((a, b) => b.min - a.min);
  const band = bands.find((candidate) => value >= candidate.min);
  const label = indicator.answerType;
  if (!band) {
    const lowest = bands.length > 0 ? bands[bands.length - 1].min : 0;
    return { points: 0, rule: `${label}: value ${value} < ${lowest} (below every band) → ${of(0, indicator.points)}` };
  }
  return { points: band.points, rule: `${label}: value ${value} ≥ ${band.min} → ${of(band.points, indicator.points)}` };
}

/** Points for an answer already known to be present and valid. */
function pointsFor(indicator: Indicator, value: Exclude<AnswerValue, null>): Awarded {
  const max = indicator.points;
  switch (indicator.answerType) {
    case AnswerType.YES_NO:
      return value === true ? { points: max, rule: `YES_NO: yes → ${of(max, max)}` } : { points: 0, rule: `YES_NO: no → ${of(0, max)}` };
    case AnswerType.NUMBER:
      // A NUMBER with a target earns its share of the target; one with a band table is scored like BANDED. Without
      // either, the rule book only asks whether there is anything at all (e.g. "number of legal-aid posts"), so any
      // positive count earns the full points.
      if (indicator.target !== undefined) return pointsFromTarget(indicator, indicator.target, value as number);
      if (indicator.bands !== undefined) return pointsFromBands(indicator, value as number);
      return (value as number) > 0
        ? { points: max, rule: `NUMBER: value ${value} > 0 → ${of(max, max)}` }
        : { points: 0, rule: `NUMBER: value ${value} ≤ 0 → ${of(0, max)}` };
    case AnswerType.PERCENT: {
      if (indicator.target !== undefined) return pointsFromTarget(indicator, indicator.target, value as number);
      const points = (max * (value as number)) / 100;
      return { points, rule: `PERCENT: ${value}% of ${max} → ${of(points, max)}` };
    }
    case AnswerType.BANDED:
      return pointsFromBands(indicator, value as number);
    case AnswerType.CHOICE: {
      const choice = (indicator.choices ?? []).find((candidate) => candidate.value === value);
      const points = choice?.points ?? 0;
      return { points, rule: `CHOICE: "${value}" → ${of(points, max)}` };
    }
    case AnswerType.TEXT_ONLY:
      return { points: max, rule: `TEXT_ONLY: answered → ${of(max, max)}` };
    case AnswerType.DOCUMENT_ONLY:
      return { points: max, rule: `DOCUMENT_ONLY: confirmed → ${of(max, max)}` };
  }
}

function scoreIndicator(indicator: Indicator, input: KkpScoreInput): IndicatorScore {
  const base = { code: indicator.code, criterionCode: indicator.criterionCode, type: indicator.type, maxPoints: indicator.points };
  const zero = (status: IndicatorScoreStatus, reason: string): IndicatorScore => ({
    ...base,
    points: 0,
    rule: `${status} (${reason}) → ${of(0, indicator.points)}`,
    status,
    reason,
  });
  // A verifier's rejection outranks the answer itself: the evidence did not hold up, so the answer does not count.
  const rejection = input.rejected?.[indicator.code];
  if (rejection !== undefined) return zero('REJECTED', rejection);
  const value = input.answers[indicator.code];
  if (value === undefined || value === null || isUnanswered(value)) return zero('UNANSWERED', 'UNANSWERED');
  const problem = validateAnswer(indicator, value);
  if (problem) return zero('INVALID', problem.code);
  return { ...base, ...pointsFor(indicator, value), status: 'SCORED' };
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

function scoreCriterion(criterion: Criterion, indicatorScores: readonly IndicatorScore[], rules: KkpScoringRules): CriterionScore {
  const own = indicatorScores.filter((indicator) => indicator.criterionCode === criterion.code);
  const weights = effectiveTypeWeights(rules, new Set(own.map((indicator) => indicator.type)));
  const subtotals = {} as Record<IndicatorType, TypeSubtotal>;
  let score = 0;
  for (const type of INDICATOR_TYPES) {
    const ofType = own.filter((indicator) => indicator.type === type);
    const earned = ofType.reduce((sum, indicator) => sum + indicator.points, 0);
    const max = ofType.reduce((sum, indicator) => sum + indicator.maxPoints, 0);
    const weighted = max > 0 ? (weights[type] * earned) / max : 0;
    subtotals[type] = { earned, max, weight: weights[type], weighted };
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
  return (input) => {
    const indicators = version.indicators.map((indicator) => scoreIndicator(indicator, input));
    const criteria = version.criteria.map((criterion) => scoreCriterion(criterion, indicators, version.rules));
    const baseTotal = criteria.reduce((sum, criterion) => sum + criterion.score, 0) / criteria.length;
    const adjustments = applyAdjustments(version.rules, input.adjustments ?? {});
    const adjusted = adjustments.reduce((sum, adjustment) => sum + adjustment.applied, baseTotal);
    const total = roundTo2(Math.min(100, Math.max(0, adjusted)));
    // The band follows the published (rounded) total, so a region shown as 75.00 is never told it is below 75.
    return {
      frameworkCode: version.frameworkCode,
      frameworkVersion: version.version,
      indicators,
      criteria,
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
