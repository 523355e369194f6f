import { computePlaceholderScore, inputHash, SubmissionStatus } from '@peduli/domain';
import { recordAudit, ScoreBasis, Submission, SYSTEM_ACTOR } from '@peduli/db';
import { JobName, JobPayloads, recordEvent } from '@peduli/queue';
import type { WorkerContext } from '@peduli/worker-kit';

export type ScoreOutcome =
  | { outcome: 'scored'; snapshotId: string; total: number; band: string }
  | { outcome: 'skipped'; reason: string };

const SCORABLE = new Set([SubmissionStatus.IN_REVIEW, SubmissionStatus.VERIFIED, SubmissionStatus.SCORED]);

/**
 * Stores a score snapshot for a checked submission. The snapshot's identity is (submission, framework version, hash of
 * the inputs), unique in the database: running the job twice, or for unchanged answers, stores nothing new.
 */
export function makeSubmissionScorer(context: WorkerContext<unknown>) {
  return async ({ submissionId }: JobPayloads[JobName.SubmissionChecked]): Promise<ScoreOutcome> => {
    const { dataSource, relay } = context;
    const submission = await dataSource.getRepository(Submission).findOne({ where: { id: submissionId } });
    if (!submission) return { outcome: 'skipped', reason: 'submission not found' };
    if (!SCORABLE.has(submission.status)) return { outcome: 'skipped', reason: `submission is ${submission.status}` };

    const basis = ScoreBasis.SELF_ASSESSED;
    const score = computePlaceholderScore(submission.answers);
    const hash = inputHash({ frameworkVersion: score.frameworkVersion, basis, answers: submission.answers });

    const snapshotId = await dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO score_snapshot
           (submission_id, region_code, period_key, framework_version, basis, input_hash, total, band, breakdown)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT score_snapshot_inputs_uq DO NOTHING
         RETURNING id`,
        [
          submission.id,
          submission.regionCode,
          submission.periodKey,
          score.frameworkVersion,
          basis,
          hash,
          score.total,
          score.band,
          JSON.stringify({ placeholder: true, answered: score.answered, indicators: score.indicators }),
        ],
      );
      if (inserted.length === 0) return null;
      await recordEvent(manager, JobName.SubmissionScored, { submissionId, snapshotId: inserted[0].id });
      await recordAudit(manager, {
        actor: SYSTEM_ACTOR,
        action: 'score.snapshot_created',
        entityType: 'score_snapshot',
        entityId: inserted[0].id,
        after: { submissionId, frameworkVersion: score.frameworkVersion, basis, total: score.total, band: score.band },
        regionCode: submission.regionCode,
      });
      return inserted[0].id;
    });
    if (!snapshotId) return { outcome: 'skipped', reason: 'a snapshot for these inputs already exists' };
    relay.kick();
    return { outcome: 'scored', snapshotId, total: score.total, band: score.band };
  };
}
