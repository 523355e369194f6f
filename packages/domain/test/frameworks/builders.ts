import {
  AnswerType,
  Criterion,
  DocumentType,
  FrameworkStatus,
  FrameworkVersion,
  Indicator,
  IndicatorType,
  KKP_DEFAULT_BANDS,
  KKP_DEFAULT_TYPE_WEIGHTS,
  KkpScoringRules,
  Programme,
  RightsGroup,
} from '../../src';

/** Small hand-made frameworks for worked examples: every indicator defaults to 10 points and one SK as evidence. */
export function criterion(code: string): Criterion {
  return { code, name: `Kriteria ${code}`, rightsGroup: RightsGroup.SIPOL };
}

export function indicator(
  code: string,
  criterionCode: string,
  type: IndicatorType,
  answerType: AnswerType,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    code,
    criterionCode,
    type,
    answerType,
    text: `Indikator ${code}`,
    points: 10,
    evidence: { allowedDocumentTypes: [DocumentType.SK], minCount: 1 },
    ...extra,
  };
}

export function framework(
  criteria: Criterion[],
  indicators: Indicator[],
  rules: Partial<KkpScoringRules> = {},
): FrameworkVersion {
  return {
    programme: Programme.KKP_HAM,
    frameworkCode: 'TEST',
    version: 1,
    status: FrameworkStatus.DRAFT,
    label: 'Kerangka uji',
    criteria,
    indicators,
    rules: { typeWeights: KKP_DEFAULT_TYPE_WEIGHTS, bands: KKP_DEFAULT_BANDS, adjustments: [], ...rules },
  };
}

/** The 10/8/6/4/2/0 table used in the worked examples. */
export const TEN_EIGHT_SIX_BANDS = [
  { min: 100, points: 10 },
  { min: 75, points: 8 },
  { min: 50, points: 6 },
  { min: 25, points: 4 },
  { min: 1, points: 2 },
  { min: 0, points: 0 },
];
