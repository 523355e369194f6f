import { cycleSubjectsCondition, cycleSubjectsParams, recordAudit, RecalculationItemStatus, RecalculationRun, RecalculationStatus, ReportingCycle, SYSTEM_ACTOR } from '@peduli/db';
import { JobName, JobPayloads, QueueName } from '@peduli/queue';
import type { WorkerContext } from '@peduli/worker-kit';
import { Job, UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { FrameworkScorers } from './framework-scorers';
import { BatchOutcome, RECALCULATION_BATCH_SIZE, scoreBatch } from './recalculation-batch';
import { loadSubjectForScoring, storeScore } from './store-score';

/**
 * Whether a subject's failure is the database being away (refused, cut, shutting down, out of connections), which a
 * later attempt can get past, rather than something about the subject that no retry changes (e.g. an unknown
 * adjustment code).
 */
export function isTransientFailure(error: unknown): boolean {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  const sqlState = typeof driverError?.code === 'string' ? driverError.code : typeof code === 'string' ? code : '';
  // SQLSTATE classes 08 (connection), 53 (resources), 57P (shutdown), and serialization failures and deadlocks.
  if (/^(08|53|57P)/.test(sqlState) || sqlState === '40001' || sqlState === '40P01') return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(sqlState)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i.test(String(error));
}

// BullMQ refuses ":" in custom job ids, so the parts are joined with ".".
export const recalculationJobId = (runId: string) => `recalc.${runId}`;
/** A batch is named by its run and its first and last subject: planning the same items again names the same jobs. */
export const batchJobId = (runId: string, submissionIds: string[]) => `recalc.${runId}.batch.${submissionIds[0]}.${submissionIds[submissionIds.length - 1]}`;

type Context = Pick<WorkerContext<unknown>, 'dataSource' | 'queues'>;

/**
 * Plans a run: records one item per submission of the cycle (unique per run and submission), then adds a flow whose
 * parent finishes the run and whose children each rescore a batch of subjects. Safe to run again after a crash: items
 * are inserted once, batches are cut from the run's items in id order, and the flow's job ids are derived from the run
 * and the batch, so nothing is added twice; a batch with nothing left pending is not added again.
 */
export function makeRecalculationPlanner(context: Context, batchSize = RECALCULATION_BATCH_SIZE) {
  return async ({ runId }: JobPayloads[JobName.RecalculationRequested]) => {
    const items = await context.dataSource.transaction(async (manager) => {
      const run = await manager.getRepository(RecalculationRun).findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run || run.status === RecalculationStatus.FINISHED) return null;
      const cycle = await manager.getRepository(ReportingCycle).findOneOrFail({ where: { id: run.cycleId } });
      await manager.query(
        `INSERT INTO recalculation_item (run_id, submission_id)
         SELECT $1, s.id FROM submission s WHERE ${cycleSubjectsCondition('s', 2)}
         ON CONFLICT DO NOTHING`,
        [runId, ...cycleSubjectsParams(cycle)],
      );
      const rows: { submission_id: string; status: RecalculationItemStatus }[] = await manager.query(
        `SELECT submission_id, status FROM recalculation_item WHERE run_id = $1 ORDER BY submission_id`,
        [runId],
      );
      await manager.query(
        `UPDATE recalculation_run SET total = $2, status = $3, started_at = COALESCE(started_at, now()) WHERE id = $1`,
        [runId, rows.length, RecalculationStatus.RUNNING],
      );
      return rows;
    });
    if (items === null) return { outcome: 'skipped', reason: 'run not found or already finished' };
    const batches: string[][] = [];
    for (let start = 0; start < items.length; start += batchSize) {
      const batch = items.slice(start, start + batchSize);
      if (batch.some((item) => item.status === RecalculationItemStatus.PENDING)) batches.push(batch.map((item) => item.submission_id));
    }
    await context.queues.addFlow({
      name: JobName.RecalculationFinish,
      queueName: QueueName.Scoring,
      data: { runId },
      opts: { jobId: recalculationJobId(runId) },
      children: batches.map((submissionIds) => ({
        name: JobName.RecalculationBatch,
        queueName: QueueName.Scoring,
        data: { runId, submissionIds },
        // A batch that keeps failing must not hold the whole run: the parent goes on and its items say FAILED. A
        // database outage is retried for the whole retry window (the queue's default attempts); a subject that
        // cannot be scored fails alone, at once.
        opts: { jobId: batchJobId(runId, submissionIds), ignoreDependencyOnFailure: true },
      })),
    });
    return { outcome: 'planned', subjects: items.filter((item) => item.status === RecalculationItemStatus.PENDING).length, batches: batches.length };
  };
}

async function markItemFailed(manager: EntityManager, runId: string, submissionId: string, error: string): Promise<void> {
  const [, changed] = await manager.query(
    `UPDATE recalculation_item SET status = $3, error = $4, finished_at = now() WHERE run_id = $1 AND submission_id = $2 AND status = $5`,
    [runId, submissionId, RecalculationItemStatus.FAILED, error.slice(0, 2000), RecalculationItemStatus.PENDING],
  );
  if (changed === 1) await manager.query(`UPDATE recalculation_run SET failed = failed + 1 WHERE id = $1`, [runId]);
}

/** Marks the batch's subjects still pending as failed (a batch that failed for good), counting them on the run. */
async function markPendingFailed(manager: EntityManager, runId: string, submissionIds: string[], error: string): Promise<void> {
  const [, changed] = await manager.query(
    `UPDATE recalculation_item SET status = $3, error = $4, finished_at = now() WHERE run_id = $1 AND submission_id = ANY($2::uuid[]) AND status = $5`,
    [runId, submissionIds, RecalculationItemStatus.FAILED, error.slice(0, 2000), RecalculationItemStatus.PENDING],
  );
  if (changed > 0) await manager.query(`UPDATE recalculation_run SET failed = failed + $2 WHERE id = $1`, [runId, changed]);
}

/**
 * Rescores one subject under the run's version, exactly once: the item row is locked and moved from PENDING to DONE
 * in the same transaction as the snapshot and the run's counter. A worker killed mid-job rolls all of it back, and the
 * retried job finds the item still pending; a job that runs again after success finds it done and does nothing.
 */
async function scoreSubject(manager: EntityManager, scorers: FrameworkScorers, runId: string, submissionId: string) {
  const [item] = await manager.query(`SELECT status FROM recalculation_item WHERE run_id = $1 AND submission_id = $2 FOR UPDATE`, [runId, submissionId]);
  if (!item) return { outcome: 'skipped' as const, reason: 'not a subject of this run' };
  if (item.status !== RecalculationItemStatus.PENDING) return { outcome: 'skipped' as const, reason: `subject already ${item.status}` };
  const run = await manager.getRepository(RecalculationRun).findOneOrFail({ where: { id: runId } });
  // A run whose cycle has since switched again still records its snapshot, but must not replace the current
  // score with one from a version the cycle no longer uses.
  const [cycle] = await manager.query(`SELECT framework_version_id FROM reporting_cycle WHERE id = $1 FOR SHARE`, [run.cycleId]);
  const makeCurrent = cycle?.framework_version_id === run.frameworkVersionId;
  const framework = await scorers.byId(manager, run.frameworkVersionId);
  const subject = await loadSubjectForScoring(manager, submissionId);
  if (!framework || !subject) throw new Error('the framework version or the submission no longer exists');
  const stored = await storeScore(manager, subject, framework, { runId, notify: false, makeCurrent });
  await manager.query(
    `UPDATE recalculation_item SET status = $3, snapshot_id = $4, from_band = $5, to_band = $6, from_total = $7, to_total = $8, finished_at = now()
      WHERE run_id = $1 AND submission_id = $2`,
    [runId, submissionId, RecalculationItemStatus.DONE, stored.snapshotId, stored.previous?.band ?? null, stored.band, stored.previous?.total ?? null, stored.total],
  );
  await manager.query(`UPDATE recalculation_run SET done = done + 1 WHERE id = $1`, [runId]);
  return { outcome: 'scored' as const, snapshotId: stored.snapshotId, band: stored.band };
}

/** Whether this attempt of the job is its last: a failure now is for good. */
const isLastAttempt = (job: Job | undefined, transient: boolean) => !transient || (job?.attemptsMade ?? 0) + 1 >= (job?.opts.attempts ?? 1);

/** The handler of single-subject children, which flows planned before batches still hold. */
export function makeRecalculationSubjectScorer(context: Context, scorers = new FrameworkScorers()) {
  return async ({ runId, submissionId }: JobPayloads[JobName.RecalculationSubject], job?: Job) => {
    try {
      return await context.dataSource.transaction((manager) => scoreSubject(manager, scorers, runId, submissionId));
    } catch (error) {
      const transient = isTransientFailure(error);
      if (isLastAttempt(job, transient)) await context.dataSource.transaction((manager) => markItemFailed(manager, runId, submissionId, String(error)));
      // Retrying would give the same answer: fail the job now rather than hold the run for the retry window.
      if (!transient) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      throw error;
    }
  };
}

/**
 * Rescores a batch of subjects in one transaction (see `scoreBatch`). Should the batch fail for a reason no retry
 * changes, its subjects are scored one at a time, so that only the subject at fault is recorded as failed. A database
 * outage rolls the whole batch back and the job is retried; after its last attempt, what is still pending is failed.
 */
export function makeRecalculationBatchScorer(context: Context, scorers = new FrameworkScorers()) {
  return async ({ runId, submissionIds }: JobPayloads[JobName.RecalculationBatch], job?: Job): Promise<BatchOutcome> => {
    try {
      try {
        return await context.dataSource.transaction((manager) => scoreBatch(manager, scorers, runId, submissionIds));
      } catch (error) {
        if (isTransientFailure(error)) throw error;
        return await scoreOneByOne(context, scorers, runId, submissionIds);
      }
    } catch (error) {
      const transient = isTransientFailure(error);
      if (isLastAttempt(job, transient)) await context.dataSource.transaction((manager) => markPendingFailed(manager, runId, submissionIds, String(error)));
      if (!transient) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      throw error;
    }
  };
}

async function scoreOneByOne(context: Context, scorers: FrameworkScorers, runId: string, submissionIds: string[]): Promise<BatchOutcome> {
  let done = 0;
  let failed = 0;
  for (const submissionId of submissionIds) {
    try {
      const outcome = await context.dataSource.transaction((manager) => scoreSubject(manager, scorers, runId, submissionId));
      if (outcome.outcome === 'scored') done += 1;
    } catch (error) {
      if (isTransientFailure(error)) throw error;
      await context.dataSource.transaction((manager) => markItemFailed(manager, runId, submissionId, String(error)));
      failed += 1;
    }
  }
  return { outcome: 'scored', done, failed };
}

/** Closes a run once every child has finished; a subject whose job never ran (lost with Redis) is recorded as failed. */
export function makeRecalculationFinisher(context: Context) {
  return async ({ runId }: JobPayloads[JobName.RecalculationFinish]) =>
    context.dataSource.transaction(async (manager) => {
      const run = await manager.getRepository(RecalculationRun).findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run || run.status === RecalculationStatus.FINISHED) return { outcome: 'skipped', reason: 'run not found or already finished' };
      const lost: { submission_id: string }[] = await manager.query(`SELECT submission_id FROM recalculation_item WHERE run_id = $1 AND status = $2`, [
        runId,
        RecalculationItemStatus.PENDING,
      ]);
      for (const { submission_id } of lost) await markItemFailed(manager, runId, submission_id, 'the job for this subject was lost before it ran');
      await manager.query(`UPDATE recalculation_run SET status = $2, finished_at = now() WHERE id = $1`, [runId, RecalculationStatus.FINISHED]);
      const finished = await manager.getRepository(RecalculationRun).findOneOrFail({ where: { id: runId } });
      const [{ changed }] = await manager.query(
        `SELECT count(*)::int AS changed FROM recalculation_item WHERE run_id = $1 AND status = 'DONE' AND from_band IS DISTINCT FROM to_band`,
        [runId],
      );
      await recordAudit(manager, {
        actor: SYSTEM_ACTOR,
        action: 'recalculation.finished',
        entityType: 'recalculation_run',
        entityId: runId,
        after: { total: finished.total, done: finished.done, failed: finished.failed, bandsChanged: changed },
      });
      return { outcome: 'finished', total: finished.total, done: finished.done, failed: finished.failed, bandsChanged: changed };
    });
}
