import { AdjustmentRule, PointBand, RanhamYearlyScoreSource } from './model';
import type { FrameworkProblem } from './validate';

/**
 * The Aksi HAM bonus as data: a KKP HAM adjustment whose value comes from the regency/city's RANHAM yearly score of
 * the cycle's data year, through a table of score bands, instead of being typed in by the central team.
 */

export interface DerivedPoints {
  points: number;
  /** The band that applied, or null when the score is below every band. */
  band: PointBand | null;
}

/** The points a yearly score earns: the band with the highest `min` not above the score; 0 below every band. */
export function pointsFromYearlyScore(score: number, source: RanhamYearlyScoreSource): DerivedPoints {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new RangeError(`A yearly score must be between 0 and 100, got ${score}`);
  const band = [...source.yearlyScoreBands].sort((a, b) => b.min - a.min).find((candidate) => score >= candidate.min) ?? null;
  return { points: band?.points ?? 0, band };
}

/** The adjustment rules whose value is derived from the RANHAM yearly score. */
export function ranhamDerivedAdjustments(adjustments: readonly AdjustmentRule[]): AdjustmentRule[] {
  return adjustments.filter((rule) => rule.source?.programme === 'RANHAM');
}

/** What the text of an applied derived adjustment records as its source, e.g. "RANHAM yearly score 2025: 80.5". */
export function ranhamBonusSourceText(year: number, score: number | null): string {
  return score === null ? `RANHAM yearly score ${year}: not available` : `RANHAM yearly score ${year}: ${score}`;
}

const isScore = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

/** The problems of one adjustment's `source`, for the framework validation. */
export function adjustmentSourceProblems(rule: AdjustmentRule, path: string): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const report = (at: string, code: string, id: string, en: string) => problems.push({ path: at, code, message: { id, en } });
  const source = rule.source as Partial<RanhamYearlyScoreSource> | undefined;
  if (source === undefined) return problems;
  if (source === null || typeof source !== 'object' || source.programme !== 'RANHAM') {
    report(`${path}.programme`, 'ADJUSTMENT_SOURCE_UNKNOWN', 'Sumber penyesuaian harus programme: RANHAM.', 'An adjustment source must be programme: RANHAM.');
    return problems;
  }
  // A derived value is already in points; a per-unit factor would multiply a score band's points a second time.
  if (rule.perUnit !== undefined) {
    report(`${path}`, 'ADJUSTMENT_SOURCE_WITH_PER_UNIT', 'Penyesuaian turunan tidak boleh memakai poin per satuan.', 'A derived adjustment cannot have points per unit.');
  }
  const bands = source.yearlyScoreBands;
  if (!Array.isArray(bands) || bands.length === 0) {
    report(`${path}.yearlyScoreBands`, 'ADJUSTMENT_SOURCE_NO_BANDS', 'Sumber penyesuaian memerlukan minimal satu rentang nilai.', 'An adjustment source needs at least one score band.');
    return problems;
  }
  const seen = new Set<number>();
  bands.forEach((band: PointBand, index) => {
    const at = `${path}.yearlyScoreBands[${index}]`;
    if (!isScore(band?.min)) report(`${at}.min`, 'ADJUSTMENT_SOURCE_BAND_MIN', 'Batas bawah rentang harus antara 0 dan 100.', 'A band lower edge must be between 0 and 100.');
    else if (seen.has(band.min)) report(`${at}.min`, 'ADJUSTMENT_SOURCE_BAND_DUPLICATE', `Batas bawah ${band.min} berulang.`, `Lower edge ${band.min} is repeated.`);
    else seen.add(band.min);
    if (typeof band?.points !== 'number' || !Number.isFinite(band.points) || band.points < 0) {
      report(`${at}.points`, 'ADJUSTMENT_SOURCE_BAND_POINTS', 'Poin rentang harus angka ≥ 0.', 'A band’s points must be a number ≥ 0.');
    }
  });
  return problems;
}
