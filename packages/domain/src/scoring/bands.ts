export enum KkpBand {
  PEDULI = 'PEDULI',
  CUKUP_PEDULI = 'CUKUP_PEDULI',
  MULAI_PEDULI = 'MULAI_PEDULI',
  KURANG_PEDULI = 'KURANG_PEDULI',
}

export interface BandEdge {
  band: string;
  /** Inclusive lower edge; the band with the highest edge not above the score wins. */
  min: number;
}

export const KKP_DEFAULT_BANDS: readonly BandEdge[] = [
  { band: KkpBand.PEDULI, min: 75 },
  { band: KkpBand.CUKUP_PEDULI, min: 65 },
  { band: KkpBand.MULAI_PEDULI, min: 50 },
  { band: KkpBand.KURANG_PEDULI, min: 0 },
];

export function bandFor(score: number, bands: readonly BandEdge[] = KKP_DEFAULT_BANDS): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const match = sorted.find((edge) => score >= edge.min);
  return (match ?? sorted[sorted.length - 1]).band;
}
