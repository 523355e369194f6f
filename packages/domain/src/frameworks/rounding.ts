/**
 * Rounds to 2 decimals, half away from zero, without binary-float surprises: 1.005 is stored as 1.00499999..., so
 * `Math.round(x * 100) / 100` would give 1.00. Trimming x * 100 to 12 significant digits first removes that noise
 * (scores are at most a few hundred, so no real digit is lost).
 */
export function roundTo2(value: number): number {
  const scaled = Number((value * 100).toPrecision(12));
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  // `+ 0` turns -0 into 0 so results compare equal with toEqual/Object.is.
  return rounded / 100 + 0;
}
