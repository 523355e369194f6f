import { recordAudit, SYSTEM_ACTOR } from '@peduli/db';
import { isScoringSubject, SCORABLE_STATUSES, SubmissionStatus } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from '@peduli/queue';
import type { WorkerContext } from '@peduli/worker-kit';
import { FrameworkScorers } from './framework-scorers';
import { loadSubjectForScoring, ScoringSubjectRow, storeScore } from './store-score';

export type ScoreOutcome =
  | { outcome: 'scored'; snapshotId: string; total: number; band: string; frameworkVersion: string }
  | { outcome: 'skipped'; reason: string };


/**
 * Scores a checked submission under its cycle's framework version and stores the snapshot. Running the job twice,
 * or for unchanged inputs, stores nothing new and notifies nobody again.
 */
export function makeSubmissionScorer(context: Pick<WorkerContext<unknown>, 'dataSource' | 'relay'>, scorers = new FrameworkScorers()) {
  return async ({ submissionId }: JobPayloads[JobName.SubmissionChecked]): Promise<ScoreOutcome> => {
    const outcome = await context.dataSource.transaction(async (manager): Promise<ScoreOutcome> => {
      const subject = await loadSubjectForScoring(manager, submissionId);
      if (!subject) return { outcome: 'skipped', reason: 'submission not found' };
      if (!SCORABLE_STATUSES.includes(subject.status)) return { outcome: 'skipped', reason: `submission is ${subject.status}` };
      if (!isScoringSubject(subject.organisationKind)) {
        return { outcome: 'skipped', reason: 'a unit’s input is scored as part of its reporter’s compiled report' };
      }
      const framework = await scorers.forPeriod(manager, subject.programme, subject.periodKey);
      if (!framework) return { outcome: 'skipped', reason: `no published ${subject.programme} framework version` };
      const stored = await storeScore(manager, subject, framework, { notify: true });
      // A verified submission is final once scored, even when an identical provisional snapshot already existed.
      if (subject.status === SubmissionStatus.VERIFIED) await markScored(manager, subject, stored.snapshotId);
      if (!stored.created) return { outcome: 'skipped', reason: 'a snapshot for these inputs already exists' };
      const frameworkVersion = `${framework.record.frameworkCode}@${framework.record.version}`;
      return { outcome: 'scored', snapshotId: stored.snapshotId, total: stored.total, band: stored.band, frameworkVersion };
    });
    if (outcome.outcome === 'scored') context.relay.kick();
    return outcome;
  };
}

async function markScored(manager: EntityManager, subject: ScoringSubjectRow, snapshotId: string): Promise<void> {
  const [, changed] = await manager.query(
    `UPDATE submission SET status = $2, updated_at = now(), version = version + 1 WHERE id = $1 AND status = $3`,
    [subject.id, SubmissionStatus.SCORED, SubmissionStatus.VERIFIED],
  );
  if (changed !== 1) return;
  await recordAudit(manager, {
    actor: SYSTEM_ACTOR,
    action: 'submission.scored',
    entityType: 'submission',
    entityId: subject.id,
    before: { status: SubmissionStatus.VERIFIED },
    after: { status: SubmissionStatus.SCORED, snapshotId },
    provinceCode: subject.provinceCode,
    regionCode: subject.regionCode,
  });
}
