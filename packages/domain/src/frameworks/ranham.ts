import { RanhamReporterLevel, RanhamRules } from './model';
import { roundTo2 } from './rounding';

export interface RanhamPeriodParts {
  /** 0-100: how far the report's content meets the action's success measures. */
  substance: number;
  /** 0-100: completeness and timeliness of the report. */
  administration: number;
}

function assertScore(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new RangeError(`${name} must be between 0 and 100, got ${value}`);
}

/** A period report's score, 0-100, full precision: the weighted mean of substance and administration. */
export function ranhamPeriodScore(parts: RanhamPeriodParts, rules: RanhamRules): number {
  assertScore('substance', parts.substance);
  assertScore('administration', parts.administration);
  return (parts.substance * rules.substanceWeight + parts.administration * rules.administrationWeight) / 100;
}

export interface RanhamYearlyPeriod {
  code: string;
  /** The score counted for this period: 0 when it was not reported. */
  score: number;
  reason?: 'NOT_REPORTED';
}

export interface RanhamYearlyScore {
  /** Mean over the periods defined in the rules, rounded to 2 decimals at the end. */
  score: number;
  periods: RanhamYearlyPeriod[];
  /** Codes given that are not periods of these rules (e.g. a quarterly code under a four-monthly scheme); not counted. */
  ignoredPeriodCodes: string[];
}

/**
 * The yearly score: the mean of every period the rules define. A period without a score counts as 0 rather than
 * being left out, because leaving it out would reward a unit for skipping its weakest report.
 */
export function ranhamYearlyScore(periodScores: Readonly<Record<string, number | null>>, rules: RanhamRules): RanhamYearlyScore {
  if (rules.periods.length === 0) throw new RangeError('RANHAM rules define no reporting periods');
  const periods = rules.periods.map((period): RanhamYearlyPeriod => {
    const score = periodScores[period.code];
    if (score === null || score === undefined) return { code: period.code, score: 0, reason: 'NOT_REPORTED' };
    assertScore(`period ${period.code}`, score);
    return { code: period.code, score };
  });
  const mean = periods.reduce((sum, period) => sum + period.score, 0) / periods.length;
  const ignoredPeriodCodes = Object.keys(periodScores)
    .filter((code) => !rules.periods.some((period) => period.code === code))
    .sort();
  return { score: roundTo2(mean), periods, ignoredPeriodCodes };
}

/** Whether a yearly score reaches the target of the reporter's level (the target itself counts as met). */
export function meetsTarget(score: number, level: RanhamReporterLevel, rules: RanhamRules): boolean {
  return score >= rules.targets[level];
}
