import { inputHash } from '../canonical-hash';
import { OrganisationKind } from '../access';
import { reporterLevelOf } from '../reporters';
import { parsePeriodKey, Programme } from '../programmes';
import { Answers } from '../submissions';
import { AnswerSource, effectiveAnswers } from './effective-answers';
import { EvidenceOnFile } from './evidence-requirements';
import { RanhamReporterLevel } from './model';
import { InvalidFrameworkError, prepareKkpScorer } from './score-kkp';
import { scoreRanhamPeriod } from './score-ranham';
import { asRanhamVersion, StoredFrameworkVersion, asKkpVersion } from './validate-framework';
import { validateRanhamFramework } from './validate-ranham';

/** What a score is computed from: the submission's own and verified answers and the reviewers' decisions. */
export interface ScoringSubject {
  programme: Programme;
  periodKey: string;
  answers: Answers;
  verifiedAnswers?: Answers;
  rejections?: Readonly<Record<string, string>>;
  adjustments?: Readonly<Record<string, number>>;
  /** The kind of the reporting unit, if a unit reported: it decides the RANHAM reporter level. */
  organisationKind?: OrganisationKind | null;
  /** The report's regency/city, null for a province's or a ministry's: with the kind, it decides the RANHAM level. */
  regionCode?: string | null;
  /** RANHAM: the report's documents with the measure codes they name; a measure's administration needs them. */
  documents?: readonly EvidenceOnFile[];
}

/** The documents a RANHAM score depends on, in a stable order: accepted ones only, by type and the codes they name. */
function countedDocuments(documents: readonly EvidenceOnFile[] | undefined): EvidenceOnFile[] {
  return (documents ?? [])
    .filter((document) => document.accepted)
    .map((document) => ({ documentType: document.documentType, indicatorCodes: [...document.indicatorCodes].sort(), accepted: true }))
    .sort((a, b) => JSON.stringify([a.documentType, a.indicatorCodes]).localeCompare(JSON.stringify([b.documentType, b.indicatorCodes])));
}

export interface SubmissionScore {
  /** "<framework code>@<version>", stored with the snapshot. */
  frameworkStamp: string;
  basis: AnswerSource;
  /** SHA-256 over everything the score depends on: equal hashes, equal scores. */
  inputHash: string;
  total: number;
  band: string;
  breakdown: Record<string, unknown>;
}

export type SubmissionScorer = (subject: ScoringSubject) => SubmissionScore;

/**
 * The RANHAM level a report counts at (`reporterLevelOf`): a ministry's and its directorates' K/L, a province's (its
 * Biro Hukum's and its OPD's, which have no regency/city) PROVINCE, a regency/city's KABKOTA. When `regionCode` is not
 * known an OPD counts as a regency/city's; a Kanwil's legacy report counts as a province's.
 */
export function ranhamLevelOf(kind: OrganisationKind | null | undefined, regionCode?: string | null): RanhamReporterLevel {
  if (kind === OrganisationKind.OPD && regionCode === undefined) return 'KABKOTA';
  if (kind === OrganisationKind.KANWIL) return 'PROVINCE';
  return reporterLevelOf({ organisationKind: kind ?? null, regionCode: regionCode ?? null }) ?? 'KABKOTA';
}

export function frameworkStamp(version: Pick<StoredFrameworkVersion, 'frameworkCode' | 'version'>): string {
  return `${version.frameworkCode}@${version.version}`;
}

/**
 * Checks a version once and returns the scorer for its programme's submissions. Pure: the snapshot's identity
 * (version stamp plus input hash) and its breakdown come from here, so the worker, a recalculation and a what-if all
 * score alike.
 */
export function prepareSubmissionScorer(version: StoredFrameworkVersion): SubmissionScorer {
  const stamp = frameworkStamp(version);
  if (version.programme === Programme.RANHAM) {
    const ranham = asRanhamVersion(version);
    const problems = validateRanhamFramework(ranham);
    if (problems.length > 0) throw new InvalidFrameworkError(problems);
    return (subject) => {
      const period = parsePeriodKey(subject.periodKey);
      if (!period) throw new RangeError(`Not a period key: ${subject.periodKey}`);
      const effective = effectiveAnswers(subject.answers, subject.verifiedAnswers);
      const level = ranhamLevelOf(subject.organisationKind, subject.regionCode);
      const rejected = subject.rejections ?? {};
      const documents = countedDocuments(subject.documents);
      const result = scoreRanhamPeriod(ranham, { year: period.year, periodCode: period.code, level, answers: effective.answers, rejected, documents });
      // Documents join the hash only when there are some, so a report without documents keeps its earlier hash.
      const hashed = { stamp, periodKey: subject.periodKey, level, answers: effective.answers, sources: effective.sources, rejected };
      return {
        frameworkStamp: stamp,
        basis: effective.basis,
        inputHash: inputHash(documents.length === 0 ? hashed : { ...hashed, documents }),
        total: result.total,
        band: result.band,
        breakdown: { ...result, sources: effective.sources },
      };
    };
  }
  const score = prepareKkpScorer(asKkpVersion(version));
  return (subject) => {
    const effective = effectiveAnswers(subject.answers, subject.verifiedAnswers);
    const rejected = subject.rejections ?? {};
    const adjustments = subject.adjustments ?? {};
    const result = score({ answers: effective.answers, rejected, adjustments });
    return {
      frameworkStamp: stamp,
      basis: effective.basis,
      inputHash: inputHash({ stamp, answers: effective.answers, sources: effective.sources, rejected, adjustments }),
      total: result.total,
      band: result.band,
      breakdown: { ...result, sources: effective.sources },
    };
  };
}

