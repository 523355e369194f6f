import { DocumentType } from '../documents';
import { PeriodDefinition, Programme } from '../programmes';
import { BandEdge } from '../scoring/bands';

/**
 * The versioned framework model. Everything a rule book says (criteria, indicators, points, bands, weights,
 * adjustments) is data here, never code: the rules change every few years and a cycle pins one version.
 */

/** STRUKTUR: a local legal product exists; PROSES: programmes, activities, budget; HASIL: outcome data. */
export enum IndicatorType {
  STRUKTUR = 'STRUKTUR',
  PROSES = 'PROSES',
  HASIL = 'HASIL',
}

/** All indicator types, in the order the rule book lists them. */
export const INDICATOR_TYPES: readonly IndicatorType[] = [IndicatorType.STRUKTUR, IndicatorType.PROSES, IndicatorType.HASIL];

export enum AnswerType {
  YES_NO = 'YES_NO',
  NUMBER = 'NUMBER',
  PERCENT = 'PERCENT',
  BANDED = 'BANDED',
  CHOICE = 'CHOICE',
  TEXT_ONLY = 'TEXT_ONLY',
  DOCUMENT_ONLY = 'DOCUMENT_ONLY',
}

/** SIPOL: civil and political rights; EKOSOB: economic, social and cultural rights. */
export enum RightsGroup {
  SIPOL = 'SIPOL',
  EKOSOB = 'EKOSOB',
}

export enum FrameworkStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

export interface SubGroup {
  code: string;
  name: string;
}

export interface Criterion {
  code: string;
  name: string;
  rightsGroup: RightsGroup;
  /** E.g. criterion 9 of the 2021 rule: a good and healthy environment / adequate housing. */
  subGroups?: readonly SubGroup[];
}

/** One row of an indicator's value-to-points table: `min` is an inclusive lower edge. */
export interface PointBand {
  min: number;
  points: number;
}

/** How points earned against a target are rounded: not at all, to 2 decimals (half away from zero), or down to whole points. */
export type TargetRounding = 'NONE' | 'TWO_DECIMALS' | 'WHOLE_POINTS';

export const TARGET_ROUNDINGS: readonly TargetRounding[] = ['NONE', 'TWO_DECIMALS', 'WHOLE_POINTS'];

/**
 * A value scored in proportion to a target (e.g. "legal-aid cases handled, target 100"):
 * points = min(value / target, cap) x the indicator's points, then rounded.
 */
export interface IndicatorTarget {
  /** The value that earns the full share; > 0. */
  value: number;
  /** The largest share of the points the ratio can earn, in (0, 1]; 1 (all the points) when absent. */
  cap?: number;
  /** NONE when absent: the engine keeps full precision and rounds only the total. */
  rounding?: TargetRounding;
}

export interface ChoiceOption {
  value: string;
  points: number;
}

/** Which supporting documents ("data dukung") an indicator needs, and how many. */
export interface EvidenceRequirement {
  allowedDocumentTypes: readonly DocumentType[];
  minCount: number;
}

export interface Indicator {
  code: string;
  criterionCode: string;
  subGroupCode?: string;
  text: string;
  type: IndicatorType;
  answerType: AnswerType;
  unit?: string;
  /** Maximum points; always > 0. */
  points: number;
  /** BANDED (and optionally NUMBER): the band with the highest `min` not above the value applies. */
  bands?: readonly PointBand[];
  /** NUMBER or PERCENT, instead of bands: points in proportion to the value's share of a target. */
  target?: IndicatorTarget;
  /** CHOICE: the allowed answers and their points. */
  choices?: readonly ChoiceOption[];
  evidence: EvidenceRequirement;
  helpText?: string;
}

export type AdjustmentKind = 'BONUS' | 'PENALTY';

/** A central-team correction after the base score, e.g. an Aksi HAM bonus or an unresolved-complaint penalty. */
export interface AdjustmentRule {
  code: string;
  name: string;
  kind: AdjustmentKind;
  /** The most points this adjustment can add or remove. */
  cap: number;
  /** Points per reported unit; without it the reported value is already in points. */
  perUnit?: number;
  /** Set when the central team derives the value from another programme's result instead of typing it in. */
  source?: AdjustmentSource;
}

/**
 * A RANHAM-derived adjustment: a regency/city's yearly Aksi HAM result of a KKP HAM cycle's data year gives points by
 * band (the band with the highest `min` not above the yearly score applies; below every band gives 0).
 */
export interface RanhamYearlyScoreSource {
  programme: 'RANHAM';
  yearlyScoreBands: readonly PointBand[];
}

export type AdjustmentSource = RanhamYearlyScoreSource;

/** When a province earns the pembina award; *configurable*, so it is data in the KKP HAM rules. */
export interface PembinaRule {
  /** The least share (percent, 0-100) of the province's regencies/cities rated `band`; the edge itself qualifies. */
  minBandShare: number;
  /** The band that counts, PEDULI unless the rules say otherwise. */
  band?: string;
  /** When set: the province's own RANHAM yearly score of the data year must reach it (2023 asked 80). */
  minRanhamYearlyScore?: number;
}

export interface KkpScoringRules {
  /** Share of each criterion's 100 points per indicator type; must sum to 100. */
  typeWeights: Readonly<Record<IndicatorType, number>>;
  bands: readonly BandEdge[];
  adjustments: readonly AdjustmentRule[];
  /** The provincial award's rule; without it `DEFAULT_PEMBINA_RULE` (60% PEDULI, no extra condition) applies. */
  pembina?: PembinaRule;
}

/** The split documented for the 2016 rule; *configurable* for 2021. */
export const KKP_DEFAULT_TYPE_WEIGHTS: Readonly<Record<IndicatorType, number>> = {
  [IndicatorType.STRUKTUR]: 10,
  [IndicatorType.PROSES]: 30,
  [IndicatorType.HASIL]: 60,
};

export interface FrameworkVersion {
  programme: Programme;
  frameworkCode: string;
  version: number;
  status: FrameworkStatus;
  label: string;
  criteria: readonly Criterion[];
  indicators: readonly Indicator[];
  rules: KkpScoringRules;
}

/** Who reports under RANHAM; each level has its own yearly target. */
export type RanhamReporterLevel = 'KL' | 'PROVINCE' | 'KABKOTA';

export interface RanhamRules {
  /** Weights of substance and administration in a period score; must sum to 100 (*configurable*). */
  substanceWeight: number;
  administrationWeight: number;
  targets: Readonly<Record<RanhamReporterLevel, number>>;
  /** The reporting periods of a year; data, because an earlier scheme was quarterly. */
  periods: readonly PeriodDefinition[];
  /**
   * Return reasons (ReturnReason codes) that are findings about formal completeness: a measure a verifier marks with one
   * fails its administration. Without it RANHAM_DEFAULT_ADMINISTRATIVE_REASONS applies (versions of the old shape).
   */
  administrativeReasons?: readonly string[];
}

/** A RANHAM target group (e.g. PEREMPUAN, ANAK): data, because the list is reviewed with each generation of the plan. */
export interface RanhamTargetGroup {
  code: string;
  name: string;
}

/**
 * How a success measure is answered. YES_NO: done or not; PERCENT: 0-100 achieved; NUMBER: a count against the
 * measure's target; TEXT: a description (achieved once described; the verifier judges it). YES_NO_OR_PERCENT is the
 * old shape's answer (one measure per action and period, answered yes/no or as a percentage): only read, never written.
 */
export enum RanhamMeasureAnswerType {
  YES_NO = 'YES_NO',
  PERCENT = 'PERCENT',
  NUMBER = 'NUMBER',
  TEXT = 'TEXT',
  YES_NO_OR_PERCENT = 'YES_NO_OR_PERCENT',
}

/** Documents a success measure needs: at least `minCount` accepted documents of one of `documentTypes`. */
export interface RanhamDocumentRule {
  documentTypes: readonly DocumentType[];
  minCount: number;
}

/**
 * What counts as success for an action in one reporting period (e.g. B08: "draft Perwal discussed with the DPRD").
 * An action has any number of numbered measures per period. `code` is unique in the version, e.g.
 * "AKSI-2025-01.B04.1" (action, period, number), and keys the answers and the documents that back the measure.
 *
 * Stored versions of the old shape have measures without code, answer type or document rules (one per action and
 * period); normaliseRanhamContent (ranham-measures.ts) reads them as measures coded by their action's code.
 */
export interface RanhamSuccessMeasure {
  periodCode: string;
  measure: string;
  code: string;
  answerType: RanhamMeasureAnswerType;
  /** NUMBER: the count that means fully achieved (> 0). */
  target?: number;
  requiredDocuments: readonly RanhamDocumentRule[];
}

/** One Aksi HAM for a year: who it serves, who reports it, which units carry it out, and its measures per period. */
export interface RanhamAction {
  code: string;
  year: number;
  title: string;
  targetGroupCode: string;
  reporterLevels: readonly RanhamReporterLevel[];
  /** Kinds of units responsible, e.g. "Bagian Hukum", "Dinas Sosial". */
  responsibleUnits: readonly string[];
  successMeasures: readonly RanhamSuccessMeasure[];
}

/** What a KKP HAM version holds besides its identity. */
export interface KkpFrameworkContent {
  criteria: readonly Criterion[];
  indicators: readonly Indicator[];
  rules: KkpScoringRules;
}

/** What a RANHAM version holds besides its identity. */
export interface RanhamFrameworkContent {
  targetGroups: readonly RanhamTargetGroup[];
  actions: readonly RanhamAction[];
  rules: RanhamRules;
}

/** A persisted version's content: its shape follows the version's programme. */
export type FrameworkContent = KkpFrameworkContent | RanhamFrameworkContent;

/** The identity every version carries, whatever its programme. */
export interface FrameworkVersionHeader {
  programme: Programme;
  frameworkCode: string;
  version: number;
  status: FrameworkStatus;
  label: string;
}

export type RanhamFrameworkVersion = FrameworkVersionHeader & RanhamFrameworkContent & { programme: Programme.RANHAM };
