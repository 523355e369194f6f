import { OrganisationKind } from '../access';
import { Bilingual } from '../locale';
import { parsePeriodKey, Programme } from '../programmes';
import { Answers } from '../submissions';
import { isUnanswered, validateAnswer } from './answers';
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

function ranhamProblems(version: StoredFrameworkVersion, periodKey: string, kind: OrganisationKind | null | undefined, answers: Answers): SubmissionAnswerProblem[] {
  const year = parsePeriodKey(periodKey)?.year;
  const level = ranhamLevelOf(kind);
  const actions = new Set(asRanhamVersion(version).actions.filter((a) => a.year === year && a.reporterLevels.includes(level)).map((a) => a.code));
  const problems: SubmissionAnswerProblem[] = [];
  for (const [code, value] of Object.entries(answers)) {
    if (!actions.has(code)) {
      problems.push({
        path: `answers.${code}`,
        code: 'UNKNOWN_ACTION',
        message: {
          id: `Aksi ${code} bukan aksi HAM tahun ${year} untuk tingkat pelapor ${level}.`,
          en: `Action ${code} is not an action of ${year} for reporter level ${level}.`,
        },
      });
    } else if (!isUnanswered(value) && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100)) {
      problems.push({
        path: `answers.${code}`,
        code: typeof value === 'string' && value.trim().toLowerCase() === 'nihil' ? 'NIHIL_INSTEAD_OF_NUMBER' : 'NOT_AN_ACHIEVEMENT',
        message: {
          id: `Capaian aksi ${code} diisi ya/tidak atau persentase 0-100.`,
          en: `The achievement of action ${code} is a yes/no or a percentage 0-100.`,
        },
      });
    }
  }
  return problems;
}

/**
 * Checks a unit's answers against the framework version its period is scored under: every key must be an indicator
 * (KKP HAM) or an action of that year for the reporter's level (RANHAM), and every value must fit its answer type.
 * Unanswered (null or blank) is always allowed: it scores nothing but is not an error.
 */
export function validateSubmissionAnswers(
  version: StoredFrameworkVersion,
  subject: { periodKey: string; organisationKind?: OrganisationKind | null },
  answers: Answers,
): SubmissionAnswerProblem[] {
  return version.programme === Programme.RANHAM
    ? ranhamProblems(version, subject.periodKey, subject.organisationKind, answers)
    : kkpProblems(version, answers);
}
