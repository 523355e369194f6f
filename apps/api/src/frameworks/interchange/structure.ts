import {
  AdjustmentRule,
  AnswerType,
  BandEdge,
  ChoiceOption,
  Criterion,
  DocumentType,
  EvidenceRequirement,
  Indicator,
  IndicatorTarget,
  IndicatorType,
  INDICATOR_TYPES,
  KkpFrameworkContent,
  KkpScoringRules,
  PembinaRule,
  PeriodDefinition,
  PointBand,
  Programme,
  RanhamAction,
  RanhamFrameworkContent,
  RanhamDocumentRule,
  RanhamMeasureAnswerType,
  RanhamReporterLevel,
  RanhamRules,
  RanhamSuccessMeasure,
  RanhamTargetGroup,
  RanhamYearlyScoreSource,
  ReturnReason,
  RightsGroup,
  SubGroup,
  TARGET_ROUNDINGS,
} from '@peduli/domain';
import { DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, FrameworkDocument } from './document';
import { InterchangeProblem, Outcome } from './problems';
import { INVALID, isPlainObject, list, literal, number, object, oneOf, optional, ParseContext, Parser, required, text } from './schema';

/*
 * The structure of a framework file, checked field by field: types, enum values, unknown keys. What the values mean
 * together (weights summing to 100, codes that exist, bands within the points) is the domain validator's job.
 */

const CODE = text({ max: 64, code: true });
const NAME = text({ max: 300 });
const LONG_TEXT = text({ max: 10_000 });
const NUMBER = number();
const INTEGER = number({ integer: true });
const LIST_LIMIT = { max: 10_000 };
const NESTED_LIST_LIMIT = { max: 1_000 };

export const REPORTER_LEVELS: readonly RanhamReporterLevel[] = ['KL', 'PROVINCE', 'KABKOTA'];
export const ADJUSTMENT_KINDS = ['BONUS', 'PENALTY'] as const;

/** Framework codes end up in file names and URLs: capitals, digits, "_", "-" and ".", 2 to 64 of them. */
export const FRAMEWORK_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_.-]{1,63}$/;

const subGroup = object<SubGroup>({ code: required(CODE), name: required(NAME) });

const criterion = object<Criterion>({
  code: required(CODE),
  name: required(NAME),
  rightsGroup: required(oneOf(Object.values(RightsGroup))),
  subGroups: optional(list(subGroup, NESTED_LIST_LIMIT)),
});

const pointBand = object<PointBand>({ min: required(NUMBER), points: required(NUMBER) });
const choice = object<ChoiceOption>({ value: required(text({ max: 300 })), points: required(NUMBER) });
const evidence = object<EvidenceRequirement>({
  allowedDocumentTypes: required(list(oneOf(Object.values(DocumentType)), NESTED_LIST_LIMIT)),
  minCount: required(NUMBER),
});

const target = object<IndicatorTarget>({ value: required(NUMBER), cap: optional(NUMBER), rounding: optional(oneOf(TARGET_ROUNDINGS)) });

const indicator = object<Indicator>({
  code: required(CODE),
  criterionCode: required(CODE),
  subGroupCode: optional(CODE),
  text: required(LONG_TEXT),
  type: required(oneOf(INDICATOR_TYPES)),
  answerType: required(oneOf(Object.values(AnswerType))),
  unit: optional(text({ max: 100 })),
  points: required(NUMBER),
  bands: optional(list(pointBand, NESTED_LIST_LIMIT)),
  target: optional(target),
  choices: optional(list(choice, NESTED_LIST_LIMIT)),
  evidence: required(evidence),
  helpText: optional(LONG_TEXT),
});

const typeWeights = object<Record<IndicatorType, number>>({
  [IndicatorType.STRUKTUR]: required(NUMBER),
  [IndicatorType.PROSES]: required(NUMBER),
  [IndicatorType.HASIL]: required(NUMBER),
});

const bandEdge = object<BandEdge>({ band: required(CODE), min: required(NUMBER) });

const adjustmentSource = object<RanhamYearlyScoreSource>({
  programme: required(literal('RANHAM' as const)),
  yearlyScoreBands: required(list(pointBand, NESTED_LIST_LIMIT)),
});

const adjustment = object<AdjustmentRule>({
  code: required(CODE),
  name: required(NAME),
  kind: required(oneOf(ADJUSTMENT_KINDS)),
  cap: required(NUMBER),
  perUnit: optional(NUMBER),
  source: optional(adjustmentSource),
});

const pembinaRule = object<PembinaRule>({ minBandShare: required(NUMBER), band: optional(CODE), minRanhamYearlyScore: optional(NUMBER) });

const kkpRules = object<KkpScoringRules>({
  typeWeights: required(typeWeights),
  bands: required(list(bandEdge, NESTED_LIST_LIMIT)),
  adjustments: required(list(adjustment, NESTED_LIST_LIMIT)),
  pembina: optional(pembinaRule),
});

export const kkpContent = object<KkpFrameworkContent>({
  criteria: required(list(criterion, LIST_LIMIT)),
  indicators: required(list(indicator, LIST_LIMIT)),
  rules: required(kkpRules),
});

const targetGroup = object<RanhamTargetGroup>({ code: required(CODE), name: required(NAME) });
const documentRule = object<RanhamDocumentRule>({
  documentTypes: required(list(oneOf(Object.values(DocumentType)), NESTED_LIST_LIMIT)),
  minCount: required(NUMBER),
});

/** A measure as a file may hold it: the old shape has only a period and a text (see normaliseRanhamContent). */
type FileMeasure = Pick<RanhamSuccessMeasure, 'periodCode' | 'measure'> & Partial<Omit<RanhamSuccessMeasure, 'periodCode' | 'measure'>>;

const successMeasure = object<FileMeasure>({
  periodCode: required(CODE),
  measure: required(LONG_TEXT),
  code: optional(CODE),
  answerType: optional(oneOf(Object.values(RanhamMeasureAnswerType))),
  target: optional(NUMBER),
  requiredDocuments: optional(list(documentRule, NESTED_LIST_LIMIT)),
}) as unknown as Parser<RanhamSuccessMeasure>;

const action = object<RanhamAction>({
  code: required(CODE),
  year: required(INTEGER),
  title: required(LONG_TEXT),
  targetGroupCode: required(CODE),
  reporterLevels: required(list(oneOf(REPORTER_LEVELS), NESTED_LIST_LIMIT)),
  // Written as one spreadsheet cell separated by ";", so a unit's name cannot hold that separator.
  responsibleUnits: required(list(text({ max: 300, listItem: ';' }), NESTED_LIST_LIMIT)),
  successMeasures: required(list(successMeasure, NESTED_LIST_LIMIT)),
});

const period = object<PeriodDefinition>({ code: required(CODE), fromMonth: required(INTEGER), toMonth: required(INTEGER) });

const ranhamRules = object<RanhamRules>({
  substanceWeight: required(NUMBER),
  administrationWeight: required(NUMBER),
  targets: required(object<Record<RanhamReporterLevel, number>>({ KL: required(NUMBER), PROVINCE: required(NUMBER), KABKOTA: required(NUMBER) })),
  periods: required(list(period, NESTED_LIST_LIMIT)),
  administrativeReasons: optional(list(oneOf(Object.values(ReturnReason)), NESTED_LIST_LIMIT)),
});

export const ranhamContent = object<RanhamFrameworkContent>({
  targetGroups: required(list(targetGroup, LIST_LIMIT)),
  actions: required(list(action, LIST_LIMIT)),
  rules: required(ranhamRules),
});

const CONTENT_BY_PROGRAMME: Readonly<Record<Programme, Parser<KkpFrameworkContent | RanhamFrameworkContent>>> = {
  [Programme.KKP_HAM]: kkpContent,
  [Programme.RANHAM]: ranhamContent,
};

interface AnyProgrammeDocument {
  format: typeof DOCUMENT_FORMAT;
  formatVersion: typeof DOCUMENT_FORMAT_VERSION;
  programme: Programme;
  frameworkCode: string;
  label: string;
  content: KkpFrameworkContent | RanhamFrameworkContent;
}

const frameworkCode = text({
  max: 64,
  pattern: {
    regex: FRAMEWORK_CODE_PATTERN,
    id: 'Kode kerangka hanya boleh berisi huruf kapital, angka, "_", "-" dan ".", 2 sampai 64 karakter.',
    en: 'A framework code may hold only capital letters, digits, "_", "-" and ".", 2 to 64 characters.',
  },
});

const label = text({ max: 300, pattern: { regex: /^[\s\S]{3,}$/, id: 'Label minimal 3 karakter.', en: 'A label needs at least 3 characters.' } });

/** The content parser follows the programme, so that is read first; an unknown programme leaves the content unchecked. */
const documentParser: Parser<AnyProgrammeDocument> = (value, path, context) => {
  const programme = isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, 'programme') ? value.programme : undefined;
  const content: Parser<KkpFrameworkContent | RanhamFrameworkContent> =
    typeof programme === 'string' && Object.prototype.hasOwnProperty.call(CONTENT_BY_PROGRAMME, programme)
      ? CONTENT_BY_PROGRAMME[programme as Programme]
      : () => INVALID;
  return object<AnyProgrammeDocument>({
    format: required(literal(DOCUMENT_FORMAT)),
    formatVersion: required(literal(DOCUMENT_FORMAT_VERSION)),
    programme: required(oneOf(Object.values(Programme))),
    frameworkCode: required(frameworkCode),
    label: required(label),
    content: required(content),
  })(value, path, context);
};

/** Turns anything a reader produced into a document in canonical form, or lists every structural problem with its path. */
export function parseDocument(value: unknown): Outcome<FrameworkDocument> {
  const context: ParseContext = { problems: [] as InterchangeProblem[] };
  const parsed = documentParser(value, [], context);
  if (parsed === INVALID || context.problems.length > 0) return { ok: false, problems: context.problems };
  return { ok: true, value: parsed as FrameworkDocument };
}
