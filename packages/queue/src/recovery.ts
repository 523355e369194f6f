import { auditRow, SYSTEM_ACTOR } from '@peduli/db';
import type { Job, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { EVENT_ROUTES, JobName, QueueName } from './names';
import { outboxRow } from './outbox';
import { QueueRegistry } from './queue-registry';

export interface RecoveryLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RecoverySettings {
  /** Work untouched this long (a submission still being checked, a notice not yet sent) is looked into. */
  stuckAfterMs: number;
}

/** What became of a job: still on its way, failed for good (attempts used up), finished, or not in Redis at all. */
export type JobFate = { fate: 'in-flight' | 'finished' | 'lost' } | { fate: 'failed'; job: Job };

export async function jobFate(queue: Queue, jobId: string): Promise<JobFate> {
  const state = await queue.getJobState(jobId);
  if (state === 'unknown') return { fate: 'lost' };
  if (state === 'completed') return { fate: 'finished' };
  if (state === 'failed') {
    const job = await queue.getJob(jobId);
    return job ? { fate: 'failed', job } : { fate: 'lost' };
  }
  return { fate: 'in-flight' };
}

/** What the unit reads on a submission whose check could not run at all. */
export const CHECK_NOT_RUN = {
  code: 'CHECK_NOT_RUN',
  message: {
    id: 'Dokumen belum dapat diperiksa karena gangguan sistem yang berlangsung lama. Jawaban dan dokumen tetap tersimpan: kirim ulang laporan.',
    en: 'The documents could not be checked because of a prolonged system outage. The answers and documents are kept: submit the report again.',
  },
} as const;

export interface CheckRecoveryTally {
  requeued: number;
  returned: number;
}

/**
 * Submissions stuck in SUBMITTED or CHECKING past `stuckAfterMs`. A submission whose check job is still queued,
 * delayed for a retry or running is left alone. One whose job Redis no longer has (lost with Redis' data) is queued
 * again under the same job id, the outbox event's, so a sweep that runs twice adds it once. One whose job failed for
 * good (every attempt of the retry window used up) goes to CHECK_FAILED, which the unit can edit and submit again, with
 * the reason in its check problems, an audit row and a check_failed event (which notifies the contact).
 */
export async function recoverStuckChecks(
  dataSource: DataSource,
  queues: QueueRegistry,
  logger: RecoveryLogger,
  settings: RecoverySettings,
): Promise<CheckRecoveryTally> {
  const stuck: { id: string; submit_count: number; region_code: string; status: string; outbox_id: string | null; published: boolean | null }[] =
    await dataSource.query(
      `SELECT s.id, s.submit_count, s.region_code, s.status, o.id AS outbox_id, o.published_at IS NOT NULL AS published
         FROM submission s
         LEFT JOIN LATERAL (
              SELECT id, published_at FROM outbox_event
               WHERE event = $1 AND payload->>'submissionId' = s.id::text AND (payload->>'submitCount')::int = s.submit_count
               ORDER BY created_at DESC LIMIT 1) o ON true
        WHERE s.status IN ('SUBMITTED', 'CHECKING') AND s.updated_at < now() - make_interval(secs => $2)
        ORDER BY s.updated_at
        LIMIT 500`,
      [JobName.SubmissionSubmitted, settings.stuckAfterMs / 1000],
    );
  const queue = queues.queue(QueueName.Documents);
  const tally: CheckRecoveryTally = { requeued: 0, returned: 0 };
  for (const submission of stuck) {
    // Not yet published: the outbox relay's to deliver, not ours.
    if (submission.outbox_id && !submission.published) continue;
    const jobId = submission.outbox_id ?? `recovery.${submission.id}.${submission.submit_count}`;
    const { fate } = await jobFate(queue, jobId);
    if (fate === 'in-flight') continue;
    if (fate === 'lost') {
      await queues.add(QueueName.Documents, JobName.SubmissionSubmitted, { submissionId: submission.id, submitCount: submission.submit_count }, { jobId });
      logger.warn({ submissionId: submission.id, jobId }, 'submission stuck with its check job lost: queued again');
      tally.requeued++;
      continue;
    }
    if (await returnUnchecked(dataSource, submission, fate === 'failed' ? 'the check failed on every attempt' : 'the check finished without a verdict')) {
      logger.warn({ submissionId: submission.id, jobId, fate }, 'submission whose check could not run returned to the unit (CHECK_FAILED)');
      tally.returned++;
    }
  }
  return tally;
}

async function returnUnchecked(
  dataSource: DataSource,
  submission: { id: string; submit_count: number; region_code: string; status: string },
  why: string,
): Promise<boolean> {
  const problems = [CHECK_NOT_RUN];
  const outbox = outboxRow(JobName.SubmissionCheckFailed, { submissionId: submission.id, submitCount: submission.submit_count }, 4);
  const audit = auditRow(
    {
      actor: SYSTEM_ACTOR,
      action: 'submission.check_abandoned',
      entityType: 'submission',
      entityId: submission.id,
      before: { status: submission.status },
      after: { status: 'CHECK_FAILED', problems },
      reason: `${CHECK_NOT_RUN.code}: ${why}`,
      regionCode: submission.region_code,
    },
    4 + outbox.params.length,
  );
  // Conditional on the submit it was stuck at: a check that lands meanwhile, or a newer submit, wins.
  const [{ moved }]: { moved: number }[] = await dataSource.query(
    `WITH moved AS (
       UPDATE submission SET status = 'CHECK_FAILED', check_problems = $3::jsonb, updated_at = now(), version = version + 1
        WHERE id = $1 AND status IN ('SUBMITTED', 'CHECKING') AND submit_count = $2
        RETURNING id),
     event AS (INSERT INTO ${outbox.table} (${outbox.columns}) SELECT ${outbox.values} FROM moved),
     audited AS (INSERT INTO ${audit.table} (${audit.columns}) SELECT ${audit.values} FROM moved)
     SELECT count(*)::int AS moved FROM moved`,
    [submission.id, submission.submit_count, JSON.stringify(problems), ...outbox.params, ...audit.params],
  );
  return moved === 1;
}

export interface NoticeRecoveryTally {
  requeued: number;
  retried: number;
}

/**
 * Notices (a submission scored, its check failed) published past `stuckAfterMs` ago, within the last week, to a
 * submission with a contact address, that the email ledger has not recorded as sent or refused. A job still on its
 * way is left alone; one that failed for good (SMTP down longer than the retry window) is tried again from its first
 * attempt; one Redis lost is queued again under its own id. The ledger's lease keeps it to one mail whatever runs twice.
 */
export async function recoverPendingNotices(
  dataSource: DataSource,
  queues: QueueRegistry,
  logger: RecoveryLogger,
  settings: RecoverySettings,
): Promise<NoticeRecoveryTally> {
  const pending: { id: string; event: JobName.SubmissionScored | JobName.SubmissionCheckFailed; payload: Record<string, unknown> }[] = await dataSource.query(
    `SELECT o.id, o.event, o.payload
       FROM outbox_event o
       JOIN submission s ON s.id = (o.payload->>'submissionId')::uuid
      WHERE o.event IN ('${JobName.SubmissionScored}', '${JobName.SubmissionCheckFailed}') AND o.published_at IS NOT NULL
        AND o.published_at < now() - make_interval(secs => $1) AND o.published_at > now() - interval '7 days'
        AND s.contact_email IS NOT NULL
        AND NOT EXISTS (
            SELECT 1 FROM email_notification e
             WHERE e.status IN ('SENT', 'FAILED')
               AND e.kind = CASE o.event WHEN '${JobName.SubmissionScored}' THEN 'submission-scored' ELSE 'submission-check-failed' END
               AND e.dedupe_key = CASE o.event WHEN '${JobName.SubmissionScored}' THEN 'snapshot:' || (o.payload->>'snapshotId')
                                               ELSE 'check:' || (o.payload->>'submissionId') || ':' || (o.payload->>'submitCount') END)
      ORDER BY o.created_at
      LIMIT 500`,
    // The event names are written out (not parameters) so that the planner can use the partial index on them.
    [settings.stuckAfterMs / 1000],
  );
  const queue = queues.queue(QueueName.Reminders);
  const tally: NoticeRecoveryTally = { requeued: 0, retried: 0 };
  for (const notice of pending) {
    const fate = await jobFate(queue, notice.id);
    if (fate.fate === 'failed') {
      await fate.job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      logger.warn({ jobId: notice.id, job: notice.event }, 'notice whose job failed for good tried again');
      tally.retried++;
    } else if (fate.fate === 'lost') {
      await queue.add(notice.event, notice.payload, { jobId: notice.id });
      logger.warn({ jobId: notice.id, job: notice.event }, 'notice whose job was lost queued again');
      tally.requeued++;
    }
  }
  return tally;
}

export interface ScoreRecoveryTally {
  requeued: number;
  retried: number;
}

/**
 * Checked submissions (IN_REVIEW) still without a score, and verified ones (VERIFIED) not yet marked SCORED, whose
 * event was published past `stuckAfterMs` ago, within the last week. A job still on its way is left alone; one that
 * failed for good (PostgreSQL down longer than the retry window) is tried again from its first attempt; one Redis lost
 * is queued again under its own id. Scoring is idempotent (one snapshot per inputs), so nothing is scored twice.
 */
export async function recoverUnscored(
  dataSource: DataSource,
  queues: QueueRegistry,
  logger: RecoveryLogger,
  settings: RecoverySettings,
): Promise<ScoreRecoveryTally> {
  const pending: { id: string; event: JobName.SubmissionChecked | JobName.SubmissionVerified; payload: Record<string, unknown> }[] = await dataSource.query(
    `SELECT o.id, o.event, o.payload
       FROM outbox_event o
       JOIN submission s ON s.id = (o.payload->>'submissionId')::uuid
      WHERE o.event IN ('${JobName.SubmissionChecked}', '${JobName.SubmissionVerified}') AND o.published_at IS NOT NULL
        AND o.published_at < now() - make_interval(secs => $1) AND o.published_at > now() - interval '7 days'
        AND (o.payload->>'submitCount')::int = s.submit_count AND s.superseded_by IS NULL
        -- A unit's KKP HAM input is scored with its regency/city, never on its own.
        AND NOT (s.programme = 'KKP_HAM' AND s.organisation_id IS NOT NULL)
        AND CASE o.event WHEN '${JobName.SubmissionChecked}' THEN s.status = 'IN_REVIEW' AND s.current_snapshot_id IS NULL
                         ELSE s.status = 'VERIFIED' END
      ORDER BY o.created_at
      LIMIT 500`,
    [settings.stuckAfterMs / 1000],
  );
  const queue = queues.queue(QueueName.Scoring);
  const tally: ScoreRecoveryTally = { requeued: 0, retried: 0 };
  for (const event of pending) {
    const fate = await jobFate(queue, event.id);
    if (fate.fate === 'failed') {
      await fate.job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      logger.warn({ jobId: event.id, job: event.event }, 'scoring job that failed for good tried again');
      tally.retried++;
    } else if (fate.fate === 'lost') {
      await queue.add(event.event, event.payload, { jobId: event.id });
      logger.warn({ jobId: event.id, job: event.event }, 'scoring job that was lost queued again');
      tally.requeued++;
    }
  }
  return tally;
}

/**
 * The sweeps run as BullMQ job schedulers rather than timers, so that one replica at a time runs each, and a worker's
 * graceful shutdown waits for a sweep in progress as for any job.
 */
export async function scheduleRecovery(
  queues: QueueRegistry,
  job: JobName.ChecksRecover | JobName.NoticesRecover | JobName.ScoresRecover,
  everyMs: number,
): Promise<void> {
  const queue = EVENT_ROUTES[job];
  await queues.queue(queue).upsertJobScheduler(job, { every: everyMs }, { name: job, data: {}, opts: { removeOnComplete: true, removeOnFail: true, attempts: 1 } });
}

export interface RecoveryContext {
  dataSource: DataSource;
  queues: QueueRegistry;
  logger: RecoveryLogger;
  config: { RECOVERY_SWEEP_INTERVAL_MS: number; RECOVERY_STUCK_AFTER_MS: number };
}

/** The document worker's part: schedules the stuck-check sweep and returns its handler. */
export async function checkRecoveryHandlers(context: RecoveryContext) {
  await scheduleRecovery(context.queues, JobName.ChecksRecover, context.config.RECOVERY_SWEEP_INTERVAL_MS);
  return {
    [JobName.ChecksRecover]: () =>
      recoverStuckChecks(context.dataSource, context.queues, context.logger, { stuckAfterMs: context.config.RECOVERY_STUCK_AFTER_MS }),
  };
}

/** The reminder worker's part: schedules the pending-notice sweep and returns its handler. */
export async function noticeRecoveryHandlers(context: RecoveryContext) {
  await scheduleRecovery(context.queues, JobName.NoticesRecover, context.config.RECOVERY_SWEEP_INTERVAL_MS);
  return {
    [JobName.NoticesRecover]: () =>
      recoverPendingNotices(context.dataSource, context.queues, context.logger, { stuckAfterMs: context.config.RECOVERY_STUCK_AFTER_MS }),
  };
}

/** The scoring worker's part: schedules the unscored-submission sweep and returns its handler. */
export async function scoreRecoveryHandlers(context: RecoveryContext) {
  await scheduleRecovery(context.queues, JobName.ScoresRecover, context.config.RECOVERY_SWEEP_INTERVAL_MS);
  return {
    [JobName.ScoresRecover]: () =>
      recoverUnscored(context.dataSource, context.queues, context.logger, { stuckAfterMs: context.config.RECOVERY_STUCK_AFTER_MS }),
  };
}
