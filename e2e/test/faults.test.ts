import { RunningRedis, startPrivateRedis } from '@peduli/devservices';
import { QueueName } from '@peduli/queue';
import { eventually } from '@peduli/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAndSubmit, MINIMAL_PDF, QUICK_STALLED_JOB_RECOVERY, Role, RunningSystem, startSystem } from './system';

const SUBMISSIONS = 60;

/**
 * Faults while submissions are in flight: each worker SIGKILLed in the middle of its work and started again, Redis
 * restarted (with the append-only file production runs with), and the SMTP server refusing about 30% of deliveries
 * for a while. Afterwards every submission is checked and scored exactly once, every notice is delivered once (one
 * Message-ID per contact at the sink; a repeat only where the worker died between acceptance and marking it sent), and
 * no job is left failed, active or waiting.
 */
describe('faults while submissions are in flight', () => {
  let redis: RunningRedis;
  let redisDir: string;
  let system: RunningSystem;
  const redisArgs = () => ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', redisDir];

  beforeAll(async () => {
    redisDir = mkdtempSync(join(tmpdir(), 'peduli-faults-redis-'));
    redis = await startPrivateRedis({ args: redisArgs() });
    // BullMQ takes a killed worker's job back within 10-15 s here (QUICK_STALLED_JOB_RECOVERY). The lease outlasts that,
    // as the default does BullMQ's 30-45 s, so the retried job finds the killed worker's notice still leased; shorter
    // than the default, so the test need not wait two minutes.
    system = await startSystem({
      ...QUICK_STALLED_JOB_RECOVERY,
      REDIS_URL: redis.url,
      WORKER_CONCURRENCY: '2',
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      REMINDER_LEASE_SECONDS: '30',
    });
  }, 90_000);
  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  /**
   * Waits until the worker's queue has a job in progress (and, if given, until `alsoWaitFor` holds), then SIGKILLs the
   * worker and starts it again.
   */
  const killMidJobAndRestart = async (role: Role, queueName: QueueName, alsoWaitFor?: () => Promise<boolean>): Promise<boolean> => {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(queueName, { connection, prefix: system.queuePrefix });
    let midJob = false;
    try {
      const until = Date.now() + 20_000;
      while (!midJob && Date.now() < until) {
        midJob = (await queue.getActiveCount()) > 0 && (!alsoWaitFor || (await alsoWaitFor()));
        if (!midJob) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      system.processes[role].kill('SIGKILL');
    } finally {
      await queue.close();
      connection.disconnect();
    }
    await system.processes[role].exited;
    await system.restart(role);
    return midJob;
  };

  it('checks and scores every submission exactly once and delivers every notice exactly once', async () => {
    const db = system.database.dataSource;
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code LIMIT $1`, [SUBMISSIONS]);
    // About 30% of deliveries are refused with a transient 451 until the faults are over.
    let refusing = true;
    let refused = 0;
    system.sink.refuseRecipient = () => (refusing && Math.random() < 0.3 ? (refused++, 451) : null);

    const ids: string[] = [];
    const submitAll = (async () => {
      for (let start = 0; start < regions.length; start += 4) {
        const batch = regions.slice(start, start + 4);
        ids.push(
          ...(await Promise.all(
            batch.map((region) =>
              createAndSubmit(
                system.apiUrl,
                system.token,
                { regionCode: region.code, programme: 'RANHAM', periodKey: '2025-B12', answers: { 'AKSI-2025-01': 100 }, contactEmail: `hukum.${region.code}@faults.peduli.test` },
                [{ data: MINIMAL_PDF, name: `laporan-${region.code}.pdf`, mime: 'application/pdf', type: 'LAPORAN' }],
              ),
            ),
          )),
        );
      }
    })();

    const scoredCount = async () => (await db.query(`SELECT count(*)::int AS n FROM score_snapshot`))[0].n as number;
    await eventually('some submissions scored', async () => ((await scoredCount()) >= 5 ? true : undefined), 60_000);
    const killedMidJob = [await killMidJobAndRestart('document-worker', QueueName.Documents)];
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    redis = await startPrivateRedis({ port: redis.port, args: redisArgs() });
    killedMidJob.push(await killMidJobAndRestart('scoring-worker', QueueName.Scoring));
    // The reminder worker dies in the middle of sending a notice: the sink holds its answer, so the notice is leased
    // (SENDING) and unsent when the worker dies. The retried job must wait for that lease to run out and send it then,
    // not drop it as "being sent".
    system.sink.holdAcceptance = true;
    let leasedWhenKilled: string[] = [];
    const sendingNotices = async () => {
      const rows: { id: string }[] = await db.query(`SELECT id FROM email_notification WHERE status = 'SENDING'`);
      leasedWhenKilled = rows.map((row) => row.id);
      return rows.length > 0;
    };
    killedMidJob.push(await killMidJobAndRestart('reminder-worker', QueueName.Reminders, sendingNotices));
    system.sink.holdAcceptance = false;
    await submitAll;
    expect(ids).toHaveLength(SUBMISSIONS);
    refusing = false;

    await eventually(
      'every submission scored and notified',
      async () => {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM submission WHERE id = ANY($1) AND status = 'IN_REVIEW' AND current_snapshot_id IS NOT NULL`, [ids]);
        const mails = new Set(system.sink.messages.flatMap((mail) => mail.to)).size;
        return row.n === SUBMISSIONS && mails >= SUBMISSIONS ? true : undefined;
      },
      150_000,
    );

    // Exactly once: one snapshot and one accepted document per submission, one mail per contact.
    const snapshots: { submission_id: string; n: number }[] = await db.query(
      `SELECT submission_id, count(*)::int AS n FROM score_snapshot WHERE submission_id = ANY($1) GROUP BY submission_id`,
      [ids],
    );
    expect(snapshots).toHaveLength(SUBMISSIONS);
    expect(snapshots.filter((row) => row.n !== 1)).toEqual([]);
    const documents: { status: string; n: number }[] = await db.query(
      `SELECT status, count(*)::int AS n FROM evidence_document WHERE submission_id = ANY($1) GROUP BY status`,
      [ids],
    );
    expect(documents).toEqual([{ status: 'ACCEPTED', n: SUBMISSIONS }]);
    // A notice the sink accepted just before the reminder worker died, and not yet marked sent, is sent again with the
    // same Message-ID, which mail systems drop (notify-submission.ts): once per contact means one Message-ID each, and a
    // repeat can only be one of the at most WORKER_CONCURRENCY notices the killed worker had in flight.
    const perContact = new Map<string, Set<string | null>>();
    for (const mail of system.sink.messages) for (const to of mail.to) perContact.set(to, (perContact.get(to) ?? new Set()).add(mail.messageId));
    expect(perContact.size).toBe(SUBMISSIONS);
    expect([...perContact.entries()].filter(([, messageIds]) => messageIds.size !== 1 || messageIds.has(null))).toEqual([]);
    expect(system.sink.messages.length - SUBMISSIONS).toBeLessThanOrEqual(2);
    expect(refused).toBeGreaterThan(0);
    // The notices leased by the killed worker were taken over and sent (once, as counted above).
    expect(leasedWhenKilled.length).toBeGreaterThan(0);
    // Read until the ledger settles: the sink has a mail a moment before the sender records it SENT.
    const takenOver = await eventually(
      'the taken-over notices recorded',
      async () => {
        const rows: { status: string; attempts: number }[] = await db.query(`SELECT status, attempts FROM email_notification WHERE id = ANY($1)`, [leasedWhenKilled]);
        return rows.some((row) => row.status === 'SENDING') ? undefined : rows;
      },
      10_000,
    );
    expect(takenOver.filter((row) => row.status !== 'SENT' || row.attempts < 2)).toEqual([]);
    // Each worker was killed with a job of its queue in progress (a stalled job that BullMQ had to recover).
    expect(killedMidJob).toEqual([true, true, true]);

    // Nothing stuck: no job failed for good, and the queues drain.
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    try {
      for (const name of Object.values(QueueName)) {
        const queue = new Queue(name, { connection, prefix: system.queuePrefix });
        const counts = await eventually(
          `queue ${name} drained`,
          async () => {
            const now = await queue.getJobCounts('waiting', 'active', 'failed', 'prioritized');
            return now.waiting + now.active + now.prioritized === 0 ? now : undefined;
          },
          60_000,
        );
        expect(counts.failed).toBe(0);
        await queue.close();
      }
    } finally {
      connection.disconnect();
    }
    const [unpublished] = await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
    expect(unpublished.n).toBe(0);
  }, 300_000);
});
