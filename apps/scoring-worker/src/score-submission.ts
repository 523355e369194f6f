import { SubmissionStatus } from '@peduli/domain';
import { JobName, JobPayloads } from '@peduli/queue';
import type { WorkerContext } from '@peduli/worker-kit';
import { FrameworkScorers } from './framework-scorers';
import { loadSubjectForScoring, storeScore } from './store-score';

export type ScoreOutcome =
  | { outcome: 'scored'; snapshotId: string; total: number; band: string; frameworkVersion: string }
  | { outcome: 'skipped'; reason: string };

/** Checked submissions are scored; so are verified ones (with the reviewer's values) and rescored ones. */
export const SCORABLE_STATUSES: readonly SubmissionStatus[] = [SubmissionStatus.IN_REVIEW, SubmissionStatus.VERIFIED, SubmissionStatus.SCORED];

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
      const framework = await scorers.forPeriod(manager, subject.programme, subject.periodKey);
      if (!framework) return { outcome: 'skipped', reason: `no published ${subject.programme} framework version` };
      const stored = await storeScore(manager, subject, framework, { notify: true });
      if (!stored.created) return { outcome: 'skipped', reason: 'a snapshot for these inputs already exists' };
      const frameworkVersion = `${framework.record.frameworkCode}@${framework.record.version}`;
      return { outcome: 'scored', snapshotId: stored.snapshotId, total: stored.total, band: stored.band, frameworkVersion };
    });
    if (outcome.outcome === 'scored') context.relay.kick();
    return outcome;
  };
}
