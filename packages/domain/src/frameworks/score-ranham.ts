import { Answers } from '../submissions';
import { RanhamFrameworkVersion, RanhamReporterLevel } from './model';
import { ranhamPeriodScore } from './ranham';
import { roundTo2 } from './rounding';

/** A period report's standing against the reporter level's yearly target. */
export enum RanhamStanding {
  MEMENUHI_TARGET = 'MEMENUHI_TARGET',
  BELUM_MEMENUHI_TARGET = 'BELUM_MEMENUHI_TARGET',
}

export interface RanhamPeriodInput {
  year: number;
  periodCode: string;
  level: RanhamReporterLevel;
  /** Per action code: true/false (the period's success measure met or not) or a percentage 0-100 of it achieved. */
  answers: Answers;
  /** Actions a verifier rejected, with the reason code: they count as not achieved and not reported. */
  rejected?: Readonly<Record<string, string>>;
}

export type RanhamActionStatus = 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED' | 'UNANSWERED' | 'REJECTED' | 'INVALID';

export interface RanhamActionScore {
  code: string;
  measure: string;
  /** 0-100: how far the period's success measure was achieved. */
  achievement: number;
  reported: boolean;
  status: RanhamActionStatus;
  reason?: string;
}

export interface RanhamPeriodResult {
  frameworkCode: string;
  frameworkVersion: number;
  periodCode: string;
  level: RanhamReporterLevel;
  actions: RanhamActionScore[];
  /** Mean achievement over the level's actions of the year, full precision. */
  substance: number;
  /** Share of those actions reported at all, full precision. */
  administration: number;
  /** Rounded to 2 decimals, once, at the end. */
  total: number;
  target: number;
  band: RanhamStanding;
}

function scoreAction(code: string, measure: string, input: RanhamPeriodInput): RanhamActionScore {
  const base = { code, measure };
  const rejection = input.rejected?.[code];
  if (rejection !== undefined) return { ...base, achievement: 0, reported: false, status: 'REJECTED', reason: rejection };
  const value = input.answers[code];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { ...base, achievement: 0, reported: false, status: 'UNANSWERED', reason: 'UNANSWERED' };
  }
  if (value === true) return { ...base, achievement: 100, reported: true, status: 'ACHIEVED' };
  if (value === false) return { ...base, achievement: 0, reported: true, status: 'NOT_ACHIEVED' };
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) {
    const status = value === 100 ? 'ACHIEVED' : value === 0 ? 'NOT_ACHIEVED' : 'PARTIAL';
    return { ...base, achievement: value, reported: true, status };
  }
  // Text such as "nihil" is a report, but not an achievement figure: reported, 0 achieved, and flagged.
  return { ...base, achievement: 0, reported: true, status: 'INVALID', reason: 'NOT_A_PERCENT_OR_YES_NO' };
}

/**
 * Scores one RANHAM period report. Decision (the brief leaves the split open): substance is the mean achievement of
 * the period's success measures over the year's actions for the reporter's level; administration is the share of
 * those actions reported at all. Both are combined with the version's weights; the result is compared with the
 * level's yearly target, since the yearly score is the mean of the periods.
 */
export function scoreRanhamPeriod(version: RanhamFrameworkVersion, input: RanhamPeriodInput): RanhamPeriodResult {
  const actions = version.actions
    .filter((action) => action.year === input.year && action.reporterLevels.includes(input.level))
    .map((action) => {
      const measure = action.successMeasures.find((candidate) => candidate.periodCode === input.periodCode)?.measure ?? '';
      return scoreAction(action.code, measure, input);
    });
  const count = actions.length;
  const substance = count === 0 ? 0 : actions.reduce((sum, action) => sum + action.achievement, 0) / count;
  const administration = count === 0 ? 0 : (actions.filter((action) => action.reported).length * 100) / count;
  const total = roundTo2(ranhamPeriodScore({ substance, administration }, version.rules));
  const target = version.rules.targets[input.level];
  return {
    frameworkCode: version.frameworkCode,
    frameworkVersion: version.version,
    periodCode: input.periodCode,
    level: input.level,
    actions,
    substance,
    administration,
    total,
    target,
    band: total >= target ? RanhamStanding.MEMENUHI_TARGET : RanhamStanding.BELUM_MEMENUHI_TARGET,
  };
}
