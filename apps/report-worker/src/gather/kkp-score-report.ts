import type { AppliedAdjustment, CriterionScore, IndicatorScore, KkpFrameworkContent } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import type { KkpAdjustmentLine, KkpCriterionSection, KkpScoreReportInput } from '../documents/inputs';
import { loadCycleOf, loadFrameworkRecord, loadSubject, ScoredSubmission, yearOf } from './sources';
import { answerWords, bandWords, frameworkWords, reasonWords } from './words';

interface KkpBreakdown {
  indicators: IndicatorScore[];
  criteria: CriterionScore[];
  baseTotal: number;
  adjustments?: AppliedAdjustment[];
}

/**
 * A regency/city's score report from its current snapshot: every figure is the snapshot's breakdown as stored, the
 * indicator texts and criterion names those of the version it was computed under.
 */
export async function gatherKkpScoreReport(manager: EntityManager, submission: ScoredSubmission): Promise<KkpScoreReportInput> {
  const { snapshot } = submission;
  const framework = await loadFrameworkRecord(manager, snapshot.frameworkVersionId);
  const content = framework.content as unknown as KkpFrameworkContent;
  const breakdown = snapshot.breakdown as unknown as KkpBreakdown;
  const year = yearOf(submission.periodKey);
  const cycle = await loadCycleOf(manager, submission.programme, year);
  const indicatorsOf = new Map<string, IndicatorScore[]>();
  for (const scored of breakdown.indicators) indicatorsOf.set(scored.criterionCode, [...(indicatorsOf.get(scored.criterionCode) ?? []), scored]);
  const textOf = new Map(content.indicators.map((indicator) => [indicator.code, indicator.text]));
  const nameOf = new Map(content.criteria.map((criterion) => [criterion.code, criterion.name]));

  const criteria: KkpCriterionSection[] = breakdown.criteria.map((criterion) => ({
    code: criterion.code,
    name: nameOf.get(criterion.code) ?? criterion.code,
    score: criterion.score,
    indicators: (indicatorsOf.get(criterion.code) ?? []).map((scored) => ({
      code: scored.code,
      text: textOf.get(scored.code) ?? scored.code,
      type: scored.type,
      claimed: answerWords(submission.answers[scored.code]),
      verified: scored.code in submission.verifiedAnswers ? answerWords(submission.verifiedAnswers[scored.code]) : null,
      points: scored.points,
      maxPoints: scored.maxPoints,
      rejection: scored.status === 'REJECTED' && scored.reason ? reasonWords(scored.reason) : null,
    })),
  }));

  return {
    kind: 'KKP_SCORE_REPORT',
    subject: await loadSubject(manager, submission),
    year,
    total: snapshot.total,
    band: bandWords(snapshot.band),
    selfAssessedTotal: await selfAssessedTotal(manager, submission),
    baseTotal: breakdown.baseTotal,
    criteria,
    adjustments: await adjustmentLines(manager, submission, breakdown.adjustments ?? [], content),
    decree: cycle?.decree ?? null,
    provenance: {
      frameworkVersion: frameworkWords(framework.label, framework.version),
      scoreInputHash: snapshot.inputHash,
      asOf: snapshot.createdAt.toISOString(),
      contentHash: '',
    },
  };
}

/** The total of the claimed answers alone: this snapshot's when it is self-assessed, else the last self-assessed one before it. */
async function selfAssessedTotal(manager: EntityManager, submission: ScoredSubmission): Promise<number | null> {
  if (submission.snapshot.basis === 'SELF_ASSESSED') return submission.snapshot.total;
  const rows: { total: number }[] = await manager.query(
    `SELECT total::float AS total FROM score_snapshot
      WHERE submission_id = $1 AND basis = 'SELF_ASSESSED' AND framework_version_id IS NOT DISTINCT FROM $2 AND created_at <= $3
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [submission.id, submission.snapshot.frameworkVersionId, submission.snapshot.createdAt],
  );
  return rows[0]?.total ?? null;
}

/** Each applied adjustment with its rule's name and the reason recorded for the value the snapshot counted. */
async function adjustmentLines(
  manager: EntityManager,
  submission: ScoredSubmission,
  applied: readonly AppliedAdjustment[],
  content: KkpFrameworkContent,
): Promise<KkpAdjustmentLine[]> {
  if (applied.length === 0) return [];
  const rules = new Map((content.rules.adjustments ?? []).map((rule) => [rule.code, rule]));
  const entries: { code: string; reason: string }[] = await manager.query(
    `SELECT DISTINCT ON (code) code, reason FROM score_adjustment
      WHERE submission_id = $1 AND created_at <= $2
      ORDER BY code, created_at DESC, id DESC`,
    [submission.id, submission.snapshot.createdAt],
  );
  const reasonOf = new Map(entries.map((entry) => [entry.code, entry.reason]));
  return applied.map((adjustment) => ({
    code: adjustment.code,
    name: rules.get(adjustment.code)?.name ?? adjustment.code,
    applied: adjustment.applied,
    capped: adjustment.capped,
    reason: reasonOf.get(adjustment.code) ?? null,
  }));
}
