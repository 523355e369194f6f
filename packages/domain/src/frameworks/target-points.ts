import { Indicator, IndicatorTarget, TargetRounding } from './model';
import { roundTo2 } from './rounding';

/** Points earned by a value against an indicator's target, and the rule line that shows the arithmetic. */
export interface TargetAward {
  points: number;
  rule: string;
}

/** Float noise (4.199999999) must not cost a region a whole point when flooring, so trim to 12 significant digits first. */
const trimmed = (value: number): number => Number(value.toPrecision(12)) + 0;

/** A figure as people check it by hand: at most 4 decimals, no trailing zeros. */
const shown = (value: number): string => String(Number(value.toFixed(4)) + 0);

function rounded(raw: number, rounding: TargetRounding): number {
  switch (rounding) {
    case 'TWO_DECIMALS':
      return roundTo2(raw);
    case 'WHOLE_POINTS':
      // Down, not to the nearest: a region earns a whole point only once it has fully reached that share.
      return Math.floor(trimmed(raw));
    case 'NONE':
      // Full precision, like every other intermediate figure: only the total is rounded.
      return raw;
  }
}

/**
 * points = min(value / target, cap) x the indicator's points, never below 0, then rounded as the target says. The rule
 * line reads like "NUMBER: min(42 / 100, 1) x 10 = 4.20 → 4.2 of 10", so a reviewer can redo the sum.
 */
export function pointsFromTarget(indicator: Indicator, target: IndicatorTarget, value: number): TargetAward {
  const max = indicator.points;
  const cap = target.cap ?? 1;
  const rounding = target.rounding ?? 'NONE';
  const formula = `min(${shown(value)} / ${shown(target.value)}, ${shown(cap)}) x ${shown(max)}`;
  const label = `${indicator.answerType} (target ${shown(target.value)})`;
  if (value <= 0) return { points: 0, rule: `${label}: ${formula} ≤ 0 → 0 of ${shown(max)}` };
  const raw = Math.min(value / target.value, cap) * max;
  const points = rounded(raw, rounding);
  const result =
    rounding === 'TWO_DECIMALS'
      ? `= ${points.toFixed(2)}`
      : rounding === 'WHOLE_POINTS'
        ? `= ${shown(raw)}, rounded down to whole points = ${points}`
        : `= ${shown(raw)}`;
  return { points, rule: `${label}: ${formula} ${result} → ${shown(points)} of ${shown(max)}` };
}
