import { DocumentType } from '../documents';
import { Answers } from '../submissions';
import { isUnanswered } from './answers';
import { documentRuleCount, EvidenceOnFile } from './evidence-requirements';
import { RanhamAction, RanhamFrameworkVersion, RanhamMeasureAnswerType, RanhamReporterLevel, RanhamSuccessMeasure } from './model';
import { fitsMeasure, measureAchievement, measureLabel, measuresForPeriod, RANHAM_DEFAULT_ADMINISTRATIVE_REASONS } from './ranham-measures';
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
  /** Per measure code (in the old shape the action code): a value of the measure's answer type. */
  answers: Answers;
  /**
   * Measures (or whole actions, by action code) a verifier rejected, with the reason code: they count as not
   * achieved, and an administrative reason (the rules' administrativeReasons) also fails their administration.
   */
  rejected?: Readonly<Record<string, string>>;
  /** The report's documents with the measure codes they name; only accepted ones count toward a measure's rules. */
  documents?: readonly EvidenceOnFile[];
}

export type RanhamActionStatus = 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED' | 'UNANSWERED' | 'REJECTED' | 'INVALID';

/** One document rule of a measure against the report's accepted documents naming the measure. */
export interface RanhamDocumentCheck {
  documentTypes: readonly DocumentType[];
  required: number;
  found: number;
}

export interface RanhamMeasureScore {
  code: string;
  /** The measure as named next to its action, e.g. "B04.1". */
  label: string;
  measure: string;
  answerType: RanhamMeasureAnswerType;
  /** 0-100: how far the measure was achieved. */
  achievement: number;
  reported: boolean;
  status: RanhamActionStatus;
  reason?: string;
  /** Per document rule: how many accepted documents were found for how many required. */
  documents: RanhamDocumentCheck[];
  /** Formal completeness: answered, every document rule met and no administrative finding by a verifier. */
  complete: boolean;
  /** Why not: UNANSWERED, NOT_OF_THE_ANSWER_TYPE, DOCUMENTS_MISSING or the verifier's administrative reason. */
  incompleteReason?: string;
}

export interface RanhamActionScore {
  code: string;
  /** The period's measure texts, joined: what the action had to achieve in this period. */
  measure: string;
  /** 0-100: mean achievement of the action's measures in the period. */
  achievement: number;
  /** 0-100: share of the action's measures that are formally complete. */
  administration: number;
  reported: boolean;
  status: RanhamActionStatus;
  reason?: string;
  measures: RanhamMeasureScore[];
}

export interface RanhamPeriodResult {
  frameworkCode: string;
  frameworkVersion: number;
  periodCode: string;
  level: RanhamReporterLevel;
  actions: RanhamActionScore[];
  /** Mean over the level's actions of the year of each action's mean measure achievement, full precision. */
  substance: number;
  /** Mean over the same actions of each action's share of formally complete measures, full precision. */
  administration: number;
  /** Rounded to 2 decimals, once, at the end. */
  total: number;
  target: number;
  band: RanhamStanding;
}

type Achieved = Pick<RanhamMeasureScore, 'achievement' | 'reported' | 'status' | 'reason'>;

function achievementOf(measure: RanhamSuccessMeasure, rejection: string | undefined, value: Answers[string] | undefined): Achieved {
  if (rejection !== undefined) return { achievement: 0, reported: false, status: 'REJECTED', reason: rejection };
  if (value === undefined || isUnanswered(value)) return { achievement: 0, reported: false, status: 'UNANSWERED', reason: 'UNANSWERED' };
  // A value that does not fit (e.g. "nihil" for a percentage) is a report, but not an achievement: reported, 0, flagged.
  if (!fitsMeasure(measure, value)) return { achievement: 0, reported: true, status: 'INVALID', reason: 'NOT_OF_THE_ANSWER_TYPE' };
  const achievement = measureAchievement(measure, value);
  const status = achievement >= 100 ? 'ACHIEVED' : achievement <= 0 ? 'NOT_ACHIEVED' : 'PARTIAL';
  return { achievement, reported: true, status };
}

function scoreMeasure(action: RanhamAction, measure: RanhamSuccessMeasure, input: RanhamPeriodInput, administrative: ReadonlySet<string>): RanhamMeasureScore {
  // A rejection names the measure; one naming the action covers all its measures.
  const rejection = input.rejected?.[measure.code] ?? input.rejected?.[action.code];
  const value = input.answers[measure.code];
  const achieved = achievementOf(measure, rejection, value);
  const documents = measure.requiredDocuments.map((rule) => ({
    documentTypes: rule.documentTypes,
    required: rule.minCount,
    found: documentRuleCount(rule, measure.code, input.documents ?? []),
  }));
  const incompleteReason =
    rejection !== undefined && administrative.has(rejection)
      ? rejection
      : value === undefined || isUnanswered(value)
        ? 'UNANSWERED'
        : !fitsMeasure(measure, value)
          ? 'NOT_OF_THE_ANSWER_TYPE'
          : documents.some((check) => check.found < check.required)
            ? 'DOCUMENTS_MISSING'
            : undefined;
  return {
    code: measure.code,
    label: measureLabel(action.code, measure.code),
    measure: measure.measure,
    answerType: measure.answerType,
    ...achieved,
    documents,
    complete: incompleteReason === undefined,
    ...(incompleteReason === undefined ? {} : { incompleteReason }),
  };
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** The action's status over its measures: the single measure's own when it has one, otherwise summarised. */
function actionStatus(measures: readonly RanhamMeasureScore[], achievement: number): Pick<RanhamActionScore, 'status' | 'reason'> {
  if (measures.length === 1) return { status: measures[0].status, ...(measures[0].reason === undefined ? {} : { reason: measures[0].reason }) };
  if (measures.length > 0 && measures.every((m) => m.status === 'REJECTED')) return { status: 'REJECTED', reason: measures[0].reason };
  if (measures.every((m) => !m.reported)) return { status: 'UNANSWERED', reason: 'UNANSWERED' };
  return { status: achievement >= 100 ? 'ACHIEVED' : achievement <= 0 ? 'NOT_ACHIEVED' : 'PARTIAL' };
}

function scoreAction(action: RanhamAction, input: RanhamPeriodInput, administrative: ReadonlySet<string>): RanhamActionScore {
  const measures = measuresForPeriod(action, input.periodCode).map((measure) => scoreMeasure(action, measure, input, administrative));
  const achievement = mean(measures.map((m) => m.achievement));
  return {
    code: action.code,
    measure: measures.map((m) => m.measure).join('; '),
    achievement,
    administration: mean(measures.map((m) => (m.complete ? 100 : 0))),
    reported: measures.some((m) => m.reported),
    ...actionStatus(measures, achievement),
    measures,
  };
}

/**
 * Scores one RANHAM period report (the period's success measures of the year's actions for the reporter's level).
 *
 * Aggregation: per action, then over actions. An action's achievement is the mean of its period measures'
 * achievements and its administration the share of those measures that are formally complete; substance and
 * administration are the means of these over the actions. Every Aksi HAM thus weighs the same whether its period has
 * one measure or three, as the matrix lists actions, not measures, as the unit of commitment.
 *
 * Administration is formal completeness, per measure: answered with a value of its type, each of its document rules met by accepted documents
 * naming the measure, and no administrative finding by a verifier (the rules' administrativeReasons, by default
 * missing minutes, signature or letterhead, wrong format or period). Both parts are combined with the version's weights; the result is compared with the level's
 * yearly target, since the yearly score is the mean of the periods.
 */
export function scoreRanhamPeriod(version: RanhamFrameworkVersion, input: RanhamPeriodInput): RanhamPeriodResult {
  const administrative = new Set(version.rules.administrativeReasons ?? RANHAM_DEFAULT_ADMINISTRATIVE_REASONS);
  const actions = version.actions
    .filter((action) => action.year === input.year && action.reporterLevels.includes(input.level))
    .map((action) => scoreAction(action, input, administrative));
  const substance = mean(actions.map((action) => action.achievement));
  const administration = mean(actions.map((action) => action.administration));
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
