import type { FrameworkProblem } from './frameworks/validate';
import { KkpBand } from './scoring/bands';
import type { PembinaRule } from './frameworks/model';

/** The provincial award (pembina) as the 2021 practice describes it: 60% of the regencies/cities PEDULI, nothing more. */
export const DEFAULT_PEMBINA_RULE: Readonly<PembinaRule> = { minBandShare: 60, band: KkpBand.PEDULI };

export interface PembinaCandidate {
  provinceCode: string;
  /** Every regency/city of the province, with its current band in the cycle (null: no score yet, which counts as not rated). */
  regencies: readonly { regionCode: string; band: string | null }[];
  /** The province's own RANHAM yearly score of the data year; null when it has none. Only read when the rule asks. */
  ranhamYearlyScore?: number | null;
}

export type PembinaReasonCode = 'NO_REGENCIES' | 'SHARE_BELOW_MINIMUM' | 'RANHAM_BELOW_MINIMUM' | 'RANHAM_NOT_AVAILABLE';

export interface PembinaReason {
  code: PembinaReasonCode;
  message: { id: string; en: string };
}

export interface PembinaAssessment {
  provinceCode: string;
  /** Regencies/cities counted: all of the province's, scored or not. */
  counted: number;
  scored: number;
  /** How many are rated in the rule's band. */
  inBand: number;
  /** inBand / counted in percent, rounded to 2 decimals for display (the decision uses exact counts). */
  share: number;
  qualifies: boolean;
  /** Why not; empty when it qualifies. */
  reasons: PembinaReason[];
}

/**
 * Whether a province qualifies as pembina. The share is compared with exact integer arithmetic (inBand × 100 ≥
 * minimum × counted), so 6 of 10 at a 60% minimum qualifies however floating point would round 6 / 10.
 */
export function assessPembina(candidate: PembinaCandidate, rule: PembinaRule = DEFAULT_PEMBINA_RULE): PembinaAssessment {
  const band = rule.band ?? KkpBand.PEDULI;
  const counted = candidate.regencies.length;
  const scored = candidate.regencies.filter((regency) => regency.band !== null).length;
  const inBand = candidate.regencies.filter((regency) => regency.band === band).length;
  const share = counted === 0 ? 0 : Math.round((inBand * 10000) / counted) / 100;
  const reasons: PembinaReason[] = [];
  if (counted === 0) {
    reasons.push({ code: 'NO_REGENCIES', message: { id: 'Provinsi tidak memiliki kabupaten/kota.', en: 'The province has no regencies/cities.' } });
  } else if (inBand * 100 < rule.minBandShare * counted) {
    reasons.push({
      code: 'SHARE_BELOW_MINIMUM',
      message: {
        id: `${inBand} dari ${counted} kabupaten/kota (${share}%) berpredikat ${band}; minimal ${rule.minBandShare}%.`,
        en: `${inBand} of ${counted} regencies/cities (${share}%) are rated ${band}; at least ${rule.minBandShare}% is needed.`,
      },
    });
  }
  if (rule.minRanhamYearlyScore !== undefined) {
    const score = candidate.ranhamYearlyScore ?? null;
    if (score === null) {
      reasons.push({
        code: 'RANHAM_NOT_AVAILABLE',
        message: { id: 'Nilai tahunan Aksi HAM provinsi belum tersedia.', en: 'The province’s yearly Aksi HAM score is not available.' },
      });
    } else if (score < rule.minRanhamYearlyScore) {
      reasons.push({
        code: 'RANHAM_BELOW_MINIMUM',
        message: {
          id: `Nilai tahunan Aksi HAM provinsi ${score}; minimal ${rule.minRanhamYearlyScore}.`,
          en: `The province’s yearly Aksi HAM score is ${score}; at least ${rule.minRanhamYearlyScore} is needed.`,
        },
      });
    }
  }
  return { provinceCode: candidate.provinceCode, counted, scored, inBand, share, qualifies: reasons.length === 0, reasons };
}

/** The problems of a pembina rule, for the framework validation; `bands` are the rule book's band names. */
export function pembinaRuleProblems(rule: PembinaRule | undefined, bands: readonly string[]): FrameworkProblem[] {
  if (rule === undefined) return [];
  const problems: FrameworkProblem[] = [];
  const isPercent = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
  if (!isPercent(rule.minBandShare)) {
    problems.push({ path: 'rules.pembina.minBandShare', code: 'PEMBINA_SHARE_OUT_OF_RANGE', message: { id: 'Persentase minimal pembina harus antara 0 dan 100.', en: 'The pembina minimum share must be between 0 and 100.' } });
  }
  if (rule.band !== undefined && !bands.includes(rule.band)) {
    problems.push({ path: 'rules.pembina.band', code: 'PEMBINA_UNKNOWN_BAND', message: { id: `Kategori ${rule.band} tidak ada dalam aturan.`, en: `Band ${rule.band} is not one of the rules’ bands.` } });
  }
  if (rule.minRanhamYearlyScore !== undefined && !isPercent(rule.minRanhamYearlyScore)) {
    problems.push({ path: 'rules.pembina.minRanhamYearlyScore', code: 'PEMBINA_RANHAM_OUT_OF_RANGE', message: { id: 'Nilai minimal Aksi HAM harus antara 0 dan 100.', en: 'The minimum Aksi HAM score must be between 0 and 100.' } });
  }
  return problems;
}
