import { createMigratedDatabase, MigratedDatabase, testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  CHECK_NOT_RUN,
  createQueueWorker,
  createRedisConnection,
  JobName,
  QueueName,
  QueueRegistry,
  recoverPendingNotices,
  recoverStuckChecks,
  recoverUnscored,
} from '../src';

const quietLogger = { info: () => undefined, warn: () => undefined };
const SETTINGS = { stuckAfterMs: 10 * 60_000 };

/**
 * The recovery sweeps against real PostgreSQL and Redis: what a long outage (or a Redis that lost its data) leaves
 * behind is queued again or returned to the unit, and a job still on its way is never doubled.
 */
describe('recovery sweeps', () => {
  let database: MigratedDatabase;
  let producer: Redis;
  let consumer: Redis;
  let queues: QueueRegistry;
  let prefix: string;
  let period = 0;

  beforeAll(async () => {
    database = await createMigratedDatabase();
  });
  beforeEach(async () => {
    // Each test starts with nothing stuck: the earlier tests' submissions are settled and their events gone.
    await database.dataSource.query(`UPDATE submission SET status = 'DRAFT'`);
    await database.dataSource.query(`TRUNCATE outbox_event`);
    prefix = uniqueQueuePrefix('recovery');
    producer = createRedisConnection(testServiceUrls().redis, 'producer');
    consumer = createRedisConnection(testServiceUrls().redis, 'worker');
    queues = new QueueRegistry(producer, prefix);
  });
  afterEach(async () => {
    for (const name of Object.values(QueueName)) await queues.queue(name).obliterate({ force: true });
    await queues.close();
    producer.disconnect();
    consumer.disconnect();
  });
  afterAll(() => database?.drop());

  /** A submission in `status` since `ageMinutes` ago, with its published submit event; each in its own period. */
  async function submitted(status: 'SUBMITTED' | 'CHECKING' | 'IN_REVIEW', ageMinutes: number, contactEmail: string | null = null) {
    const db = database.dataSource;
    const [{ id }] = await db.query(
      `INSERT INTO submission (region_code, programme, period_key, status, submit_count, version, contact_email, updated_at)
       VALUES ('64.71', 'RANHAM', $1, $2, 1, 1, $3, now() - make_interval(mins => $4)) RETURNING id`,
      [`2026-B${String(++period).padStart(2, '0')}`, status, contactEmail, ageMinutes],
    );
    const [{ id: outboxId }] = await db.query(
      `INSERT INTO outbox_event (event, payload, created_at, published_at) VALUES ($1, $2, now() - make_interval(mins => $3), now() - make_interval(mins => $3)) RETURNING id`,
      [JobName.SubmissionSubmitted, JSON.stringify({ submissionId: id, submitCount: 1 }), ageMinutes],
    );
    return { id: id as string, outboxId: outboxId as string };
  }

  /** Adds a job with one attempt and lets a worker fail it: a job whose attempts the outage used up. */
  async function failForGood(queue: QueueName, name: JobName, data: object, jobId: string): Promise<void> {
    const worker: Worker = createQueueWorker(queue, { [name]: async () => { throw new Error('connect ECONNREFUSED'); } }, { connection: consumer, prefix, concurrency: 1 });
    const eventsConnection = createRedisConnection(testServiceUrls().redis, 'worker');
    const events = new QueueEvents(queue, { connection: eventsConnection, prefix });
    try {
      await events.waitUntilReady();
      void worker.run();
      const job = await queues.queue(queue).add(name, data, { jobId, attempts: 1 });
      await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow('ECONNREFUSED');
    } finally {
      await worker.close();
      await events.close();
      eventsConnection.disconnect();
    }
  }

  const state = (queue: Queue, jobId: string) => queue.getJobState(jobId);

  it('queues a stuck submission whose job Redis lost again under its outbox id, once, and leaves healthy and recent ones alone', async () => {
    const documents = queues.queue(QueueName.Documents);
    const lost = await submitted('SUBMITTED', 30);
    const delayed = await submitted('CHECKING', 30);
    await documents.add(JobName.SubmissionSubmitted, { submissionId: delayed.id, submitCount: 1 }, { jobId: delayed.outboxId, delay: 60_000 });
    const recent = await submitted('SUBMITTED', 1);

    expect(await recoverStuckChecks(database.dataSource, queues, quietLogger, SETTINGS)).toEqual({ requeued: 1, returned: 0 });
    expect(await state(documents, lost.outboxId)).toBe('waiting');
    expect((await documents.getJob(lost.outboxId))!.data).toEqual({ submissionId: lost.id, submitCount: 1 });
    // A second sweep (or a second replica) finds the job on its way and adds nothing.
    expect(await recoverStuckChecks(database.dataSource, queues, quietLogger, SETTINGS)).toEqual({ requeued: 0, returned: 0 });
    expect(await state(documents, delayed.outboxId)).toBe('delayed');
    expect(await state(documents, recent.outboxId)).toBe('unknown');
    expect(await documents.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 1, delayed: 1 });
  });

  it('returns a submission whose check failed on every attempt to the unit as CHECK_FAILED, with the reason, audited and announced', async () => {
    const stuck = await submitted('CHECKING', 60);
    await failForGood(QueueName.Documents, JobName.SubmissionSubmitted, { submissionId: stuck.id, submitCount: 1 }, stuck.outboxId);

    expect(await recoverStuckChecks(database.dataSource, queues, quietLogger, SETTINGS)).toEqual({ requeued: 0, returned: 1 });
    const db = database.dataSource;
    const [row] = await db.query(`SELECT status, check_problems, version FROM submission WHERE id = $1`, [stuck.id]);
    expect(row).toMatchObject({ status: 'CHECK_FAILED', check_problems: [CHECK_NOT_RUN], version: 2 });
    expect(CHECK_NOT_RUN.message.id).toMatch(/kirim ulang/);
    const [audit] = await db.query(`SELECT action, actor_type, before, after, reason FROM audit_entry WHERE entity_id = $1`, [stuck.id]);
    expect(audit).toMatchObject({ action: 'submission.check_abandoned', before: { status: 'CHECKING' }, after: { status: 'CHECK_FAILED' } });
    expect(audit.reason).toMatch(/^CHECK_NOT_RUN: the check failed on every attempt/);
    const events = await db.query(`SELECT payload FROM outbox_event WHERE event = $1`, [JobName.SubmissionCheckFailed]);
    expect(events).toEqual([{ payload: { submissionId: stuck.id, submitCount: 1 } }]);
    // Done once: the next sweep finds nothing stuck.
    expect(await recoverStuckChecks(database.dataSource, queues, quietLogger, SETTINGS)).toEqual({ requeued: 0, returned: 0 });
  });

  it('tries a scoring job that failed for good again, queues a lost one again, and leaves scored ones and units’ KKP HAM inputs alone', async () => {
    const db = database.dataSource;
    const scoring = queues.queue(QueueName.Scoring);
    const event = async (status: string, name: JobName.SubmissionChecked | JobName.SubmissionVerified, programme = 'RANHAM', organisationId: string | null = null) => {
      const [{ id }] = await db.query(
        `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, submit_count, version)
         VALUES ('64.71', $1, $2, $3, $4, 1, 1) RETURNING id`,
        [organisationId, programme, programme === 'KKP_HAM' ? '2026-TAHUNAN' : `2026-B${String(++period).padStart(2, '0')}`, status],
      );
      const [{ id: outboxId }] = await db.query(
        `INSERT INTO outbox_event (event, payload, created_at, published_at) VALUES ($1, $2, now() - interval '1 hour', now() - interval '1 hour') RETURNING id`,
        [name, JSON.stringify({ submissionId: id, submitCount: 1 })],
      );
      return { id: id as string, outboxId: outboxId as string };
    };
    const failed = await event('VERIFIED', JobName.SubmissionVerified);
    await failForGood(QueueName.Scoring, JobName.SubmissionVerified, { submissionId: failed.id, submitCount: 1 }, failed.outboxId);
    const lost = await event('IN_REVIEW', JobName.SubmissionChecked);
    const scored = await event('SCORED', JobName.SubmissionVerified);
    const [{ id: unit }] = await db.query(`INSERT INTO organisation (kind, name, region_code) VALUES ('OPD', 'Dinas Sosial', '64.71') RETURNING id`);
    const unitInput = await event('IN_REVIEW', JobName.SubmissionChecked, 'KKP_HAM', unit);

    expect(await recoverUnscored(db, queues, quietLogger, SETTINGS)).toEqual({ requeued: 1, retried: 1 });
    expect(await state(scoring, failed.outboxId)).toBe('waiting');
    expect((await scoring.getJob(failed.outboxId))!.attemptsMade).toBe(0);
    expect(await state(scoring, lost.outboxId)).toBe('waiting');
    expect(await state(scoring, scored.outboxId)).toBe('unknown');
    expect(await state(scoring, unitInput.outboxId)).toBe('unknown');
    expect(await recoverUnscored(db, queues, quietLogger, SETTINGS)).toEqual({ requeued: 0, retried: 0 });
  });

  it('tries a notice whose job failed for good again from its first attempt, queues a lost one again, and leaves sent ones alone', async () => {
    const db = database.dataSource;
    const reminders = queues.queue(QueueName.Reminders);
    const notice = async (contact: string | null) => {
      const { id } = await submitted('IN_REVIEW', 60, contact);
      const [{ id: outboxId }] = await db.query(
        `INSERT INTO outbox_event (event, payload, created_at, published_at) VALUES ($1, $2, now() - interval '1 hour', now() - interval '1 hour') RETURNING id`,
        [JobName.SubmissionCheckFailed, JSON.stringify({ submissionId: id, submitCount: 1 })],
      );
      return { id: id as string, outboxId: outboxId as string };
    };
    const failed = await notice('gagal@peduli.test');
    await failForGood(QueueName.Reminders, JobName.SubmissionCheckFailed, { submissionId: failed.id, submitCount: 1 }, failed.outboxId);
    const lost = await notice('hilang@peduli.test');
    const sent = await notice('terkirim@peduli.test');
    await db.query(`INSERT INTO email_notification (kind, dedupe_key, recipient, status) VALUES ('submission-check-failed', $1, 'terkirim@peduli.test', 'SENT')`, [
      `check:${sent.id}:1`,
    ]);
    const noContact = await notice(null);

    expect(await recoverPendingNotices(db, queues, quietLogger, SETTINGS)).toEqual({ requeued: 1, retried: 1 });
    expect(await state(reminders, failed.outboxId)).toBe('waiting');
    expect((await reminders.getJob(failed.outboxId))!.attemptsMade).toBe(0);
    expect(await state(reminders, lost.outboxId)).toBe('waiting');
    expect(await state(reminders, sent.outboxId)).toBe('unknown');
    expect(await state(reminders, noContact.outboxId)).toBe('unknown');
    expect(await recoverPendingNotices(db, queues, quietLogger, SETTINGS)).toEqual({ requeued: 0, retried: 0 });
  });
});
