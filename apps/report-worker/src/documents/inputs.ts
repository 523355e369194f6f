/**
 * What each printed document is made from: plain, already-gathered data with every figure as the score's breakdown
 * has it, so rendering needs no database and the same input always gives the same document. `contentHash` is the
 * SHA-256 of the canonical form of the rest of the input (see canonical-hash in @peduli/domain); it is stamped on
 * every page so a printed copy can be checked against the system later.
 */

/** Who the document is about, as printed in its heading. */
export interface PrintedSubject {
  /** "Kota Balikpapan", "Biro Hukum Provinsi Jawa Barat", "Kementerian Hukum". */
  name: string;
  /** "Kalimantan Timur"; null for a ministry. */
  provinceName: string | null;
  /** "64.71" for a regency/city; null otherwise. */
  regionCode: string | null;
}

/** Present on every document: what it was made from, and when its data was settled (not when it was rendered). */
export interface PrintedProvenance {
  /** The framework version's label and number, e.g. "Permen HAM 2025 (versi 3)". */
  frameworkVersion: string;
  /** The score snapshot's input hash, when the document shows a score. */
  scoreInputHash: string | null;
  /** The instant the data was settled (the snapshot's creation, the decree's date): printed, and the PDF's dates. */
  asOf: string;
  contentHash: string;
}

export interface KkpIndicatorLine {
  code: string;
  text: string;
  /** STRUKTUR, PROSES or HASIL. */
  type: string;
  /** The unit's own answer as typed, in words ("Ya", "82,5", "Belum dijawab"). */
  claimed: string;
  /** The verified value in words when a reviewer set one, else null (the claimed one counted). */
  verified: string | null;
  points: number;
  maxPoints: number;
  /** The rejection reason in words, when rejected. */
  rejection: string | null;
}

export interface KkpCriterionSection {
  code: string;
  name: string;
  /** 0-100 as the engine gives it, full precision; printed to 2 decimals. */
  score: number;
  indicators: KkpIndicatorLine[];
}

export interface KkpAdjustmentLine {
  code: string;
  name: string;
  /** Signed points applied. */
  applied: number;
  capped: boolean;
  reason: string | null;
}

/** A regency/city's KKP HAM score report for one award year. */
export interface KkpScoreReportInput {
  kind: 'KKP_SCORE_REPORT';
  subject: PrintedSubject;
  year: number;
  total: number;
  /** The band in words: "Peduli HAM", "Cukup Peduli HAM", "Kurang Peduli HAM". */
  band: string;
  /** The self-assessed total (the claimed answers alone), when known. */
  selfAssessedTotal: number | null;
  baseTotal: number;
  criteria: KkpCriterionSection[];
  adjustments: KkpAdjustmentLine[];
  /** Set once the cycle's decree is recorded: the result is final. */
  decree: { number: string; date: string } | null;
  provenance: PrintedProvenance;
}

export interface RanhamMeasureLine {
  /** "B04.1". */
  label: string;
  measure: string;
  /** The answer in words ("Tercapai", "75%", "12 dari 20", the text given). */
  achievement: string;
  /** 0-100. */
  achievementPercent: number;
  /** File names of the accepted supporting documents. */
  documents: string[];
  complete: boolean;
  rejection: string | null;
}

export interface RanhamActionSection {
  code: string;
  title: string;
  targetGroup: string;
  measures: RanhamMeasureLine[];
}

/** A reporter's RANHAM report for one period, in the layout the secretariat reads. */
export interface RanhamPeriodReportInput {
  kind: 'RANHAM_PERIOD_REPORT';
  subject: PrintedSubject;
  year: number;
  /** "B06", with its name: "Triwulan ... / Periode Juni". */
  periodCode: string;
  periodName: string;
  /** KL, PROVINCE or KABKOTA, in words. */
  level: string;
  actions: RanhamActionSection[];
  substance: number;
  administration: number;
  total: number;
  target: number;
  /** The standing in words. */
  standing: string;
  provenance: PrintedProvenance;
}

export interface RanhamYearPeriodLine {
  periodCode: string;
  periodName: string;
  /** Null when the period has no score. */
  total: number | null;
  standing: string | null;
  submittedOn: string | null;
  late: boolean;
}

/** A reporter's RANHAM year in one page: each period's score and the yearly score. */
export interface RanhamYearSummaryInput {
  kind: 'RANHAM_YEAR_SUMMARY';
  subject: PrintedSubject;
  year: number;
  level: string;
  periods: RanhamYearPeriodLine[];
  yearlyScore: number | null;
  target: number;
  provenance: PrintedProvenance;
}

/** The piagam for a regency/city rated Peduli HAM, once the decree is recorded. */
export interface CertificateInput {
  kind: 'CERTIFICATE';
  subject: PrintedSubject;
  year: number;
  band: string;
  total: number;
  decree: { number: string; date: string };
  /** The signatory's office as printed, e.g. "Menteri Hak Asasi Manusia Republik Indonesia". */
  signatory: string;
  provenance: PrintedProvenance;
}

export type PrintedDocumentInput = KkpScoreReportInput | RanhamPeriodReportInput | RanhamYearSummaryInput | CertificateInput;

export type PrintedDocumentKind = PrintedDocumentInput['kind'];
