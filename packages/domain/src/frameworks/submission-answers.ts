import { OrganisationKind } from '../access';
import { Bilingual } from '../locale';
import { parsePeriodKey, Programme } from '../programmes';
import { Answers } from '../submissions';
import { isUnanswered, validateAnswer } from './answers';
import { RanhamAction, RanhamReporterLevel, RanhamSuccessMeasure } from './model';
import { fitsMeasure, MEASURE_ANSWER_HINT, measureLabel } from './ranham-measures';
import { ranhamLevelOf } from './score-submission';
import { asKkpVersion, asRanhamVersion, StoredFrameworkVersion } from './validate-framework';

/** One answer a unit cannot save: `path` is `answers.<code>`. */
export interface SubmissionAnswerProblem {
  path: string;
  code: string;
  message: Bilingual;
}

function kkpProblems(version: StoredFrameworkVersion, answers: Answers): SubmissionAnswerProblem[] {
  const indicators = new Map(asKkpVersion(version).indicators.map((indicator) => [indicator.code, indicator]));
  const problems: SubmissionAnswerProblem[] = [];
  for (const [code, value] of Object.entries(answers)) {
    const indicator = indicators.get(code);
    if (!indicator) {
      problems.push({
        path: `answers.${code}`,
        code: 'UNKNOWN_INDICATOR',
        message: {
          id: `Indikator ${code} tidak ada dalam kerangka ${version.frameworkCode} versi ${version.version}.`,
          en: `Indicator ${code} is not part of framework ${version.frameworkCode} version ${version.version}.`,
        },
      });
      continue;
    }
    const problem = validateAnswer(indicator, value);
    if (problem) problems.push({ path: `answers.${code}`, ...problem });
  }
  return problems;
}

function ranhamProblems(version: StoredFrameworkVersion, periodKey: string, level: RanhamReporterLevel, answers: Answers): SubmissionAnswerProblem[] {
  const year = parsePeriodKey(periodKey)?.year;
  // Answers are keyed by measure code; a measure of any period of the year may be answered (a report can carry
  // earlier periods' measures forward), but only the measures of the reporter level's actions of that year.
  const measures = new Map<string, { action: RanhamAction; measure: RanhamSuccessMeasure }>();
  for (const action of asRanhamVersion(version).actions) {
    if (action.year !== year || !action.reporterLevels.includes(level)) continue;
    for (const measure of action.successMeasures) measures.set(measure.code, { action, measure });
  }
  const problems: SubmissionAnswerProblem[] = [];
  for (const [code, value] of Object.entries(answers)) {
    const found = measures.get(code);
    if (!found) {
      problems.push({
        path: `answers.${code}`,
        code: 'UNKNOWN_MEASURE',
        message: {
          id: `${code} bukan ukuran keberhasilan aksi HAM tahun ${year} untuk tingkat pelapor ${level}.`,
          en: `${code} is not a success measure of an action of ${year} for reporter level ${level}.`,
        },
      });
    } else if (!isUnanswered(value) && !fitsMeasure(found.measure, value)) {
      const { action, measure } = found;
      const label = measureLabel(action.code, measure.code);
      const hint = MEASURE_ANSWER_HINT[measure.answerType];
      const nihil = typeof value === 'string' && value.trim().toLowerCase() === 'nihil';
      problems.push({
        path: `answers.${code}`,
        code: nihil ? 'NIHIL_INSTEAD_OF_NUMBER' : 'NOT_AN_ACHIEVEMENT',
        message: {
          id: `Aksi ${action.code}, ukuran ${label}: capaian diisi ${hint?.id ?? measure.answerType}.`,
          en: `Action ${action.code}, measure ${label}: the achievement is ${hint?.en ?? measure.answerType}.`,
        },
      });
    }
  }
  return problems;
}

/**
 * Checks a unit's answers against the framework version its period is scored under: every key must be an indicator
 * (KKP HAM) or a success measure of an action of that year for the reporter's level (RANHAM; in the old shape the
 * measure code is the action code), and every value must fit its answer type.
 * Unanswered (null or blank) is always allowed: it scores nothing but is not an error.
 */
export function validateSubmissionAnswers(
  version: StoredFrameworkVersion,
  subject: { periodKey: string; organisationKind?: OrganisationKind | null; regionCode?: string | null },
  answers: Answers,
): SubmissionAnswerProblem[] {
  return version.programme === Programme.RANHAM
    ? ranhamProblems(version, subject.periodKey, ranhamLevelOf(subject.organisationKind, subject.regionCode), answers)
    : kkpProblems(version, answers);
}
