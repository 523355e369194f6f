import { QueueName } from '@peduli/queue';
import { eventually, testServiceUrls } from '@peduli/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { renameSync } from 'node:fs';
import { createAndSubmit, MINIMAL_PDF, RunningSystem, startSystem } from './system';

/**
 * Outages longer than the former retry budget (8 attempts doubling from 1 s: about 2 minutes), against the real
 * processes. Time is compressed 50 times through configuration, the same for every retry setting: first retry after
 * 20 ms (1 s), waits capped at 1.2 s (1 min), a retry window of 54 s (45 min); the recovery sweep every 1.2 s (1 min)
 * for work untouched 12 s (10 min). The former budget is 2.54 s under the same scaling. Each outage lasts until every
 * affected job has failed more than 8 times (which the former settings would have ended in failure) and at least as
 * long as the issue's: storage unreadable during checks for 3.6 s (3 minutes), SMTP refusing every notice for 12 s
 * (10 minutes). And Redis losing check jobs outright, which only the recovery sweep repairs. Afterwards every
 * submission is checked and scored, every notice sent once: nothing lost, nothing twice.
 */
describe('long outages lose nothing and strand nothing', () => {
  const SCALED = {
    JOB_RETRY_BASE_MS: '20',
    JOB_RETRY_MAX_DELAY_MS: '1200',
    JOB_RETRY_WINDOW_MS: '54000',
    RECOVERY_SWEEP_INTERVAL_MS: '1200',
    RECOVERY_STUCK_AFTER_MS: '12000',
  };
  const FORMER_ATTEMPTS = 8;
  /** The rest of an outage's planned length, once its jobs have failed past the former budget. */
  const lastUntil = (startedAt: number, ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + ms - Date.now())));
  let system: RunningSystem;
  let connection: Redis;
  const queue = (name: QueueName) => new Queue(name, { connection, prefix: system.queuePrefix });

  beforeAll(async () => {
    system = await startSystem({ ...SCALED, WORKER_CONCURRENCY: '2' });
    connection = new Redis(testServiceUrls().redis, { maxRetriesPerRequest: null });
  }, 90_000);
  afterAll(async () => {
    connection?.disconnect();
    await system?.stop();
  });

  const submit = (regionCode: string, tag: string) =>
    createAndSubmit(
      system.apiUrl,
      system.token,
      { regionCode, programme: 'RANHAM', periodKey: '2025-B12', answers: { 'AKSI-2025-01': 100 }, contactEmail: `hukum.${regionCode}@${tag}.peduli.test` },
      [{ data: MINIMAL_PDF, name: `laporan-${regionCode}.pdf`, mime: 'application/pdf', type: 'LAPORAN' }],
    );

  /** Waits until every job of `name` on the queue has failed more often than the former settings allowed, and none is done. */
  const outlastFormerBudget = async (name: QueueName, job: string, expected: number) => {
    const jobs = queue(name);
    try {
      await eventually(
        `${expected} ${job} jobs failing past the former budget`,
        async () => {
          const pending = (await jobs.getJobs(['delayed', 'waiting', 'active', 'failed'])).filter((candidate) => candidate.name === job);
          if (pending.some((candidate) => candidate.finishedOn)) throw new Error(`a ${job} job failed for good`);
          return pending.length === expected && pending.every((candidate) => candidate.attemptsMade > FORMER_ATTEMPTS) ? true : undefined;
        },
        30_000,
      );
    } finally {
      await jobs.close();
    }
  };

  const stillRetrying = async (name: QueueName, job: string) => {
    const jobs = queue(name);
    try {
      return (await jobs.getJobs(['delayed', 'waiting', 'active'])).filter((candidate) => candidate.name === job).length;
    } finally {
      await jobs.close();
    }
  };

  const perContact = (tag: string) => {
    const counts = new Map<string, number>();
    for (const mail of system.sink.messages) for (const to of mail.to) if (to.endsWith(`@${tag}.peduli.test`)) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  };

  const expectAllScoredOnce = async (ids: string[]) => {
    const db = system.database.dataSource;
    await eventually(
      'every submission checked and scored',
      async () => {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM submission WHERE id = ANY($1) AND status = 'IN_REVIEW' AND current_snapshot_id IS NOT NULL`, [ids]);
        return row.n === ids.length ? true : undefined;
      },
      60_000,
    );
    const snapshots: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM score_snapshot WHERE submission_id = ANY($1) GROUP BY submission_id`, [ids]);
    expect(snapshots).toHaveLength(ids.length);
    expect(snapshots.filter((row) => row.n !== 1)).toEqual([]);
    const documents = await db.query(`SELECT status, count(*)::int AS n FROM evidence_document WHERE submission_id = ANY($1) GROUP BY status`, [ids]);
    expect(documents).toEqual([{ status: 'ACCEPTED', n: ids.length }]);
  };

  it('storage unreadable for longer than the former retry budget during checks: every submission checked and scored once', async () => {
    const db = system.database.dataSource;
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code LIMIT 6`);
    // Submitted while the document worker is down, so every check meets the outage.
    await system.processes['document-worker'].stop(20_000);
    const ids: string[] = [];
    for (const { code } of regions) ids.push(await submit(code, 'storage'));
    const storageDir = system.env.STORAGE_DIR!;
    renameSync(storageDir, `${storageDir}.away`);
    const outageStarted = Date.now();
    try {
      await system.restart('document-worker');
      await outlastFormerBudget(QueueName.Documents, 'submission.submitted', ids.length);
      await lastUntil(outageStarted, 3600);
      const [{ n: checking }] = await db.query(`SELECT count(*)::int AS n FROM submission WHERE id = ANY($1) AND status = 'CHECKING'`, [ids]);
      expect(checking).toBe(ids.length);
    } finally {
      renameSync(`${storageDir}.away`, storageDir);
    }
    expect(Date.now() - outageStarted).toBeGreaterThanOrEqual(3600);

    await expectAllScoredOnce(ids);
    await eventually('every notice sent', async () => (perContact('storage').size === ids.length ? true : undefined), 30_000);
    expect([...perContact('storage').values()].filter((count) => count !== 1)).toEqual([]);
  }, 90_000);

  it('Redis losing the check jobs of submitted reports: the recovery sweep queues them again, and each is checked and scored once', async () => {
    const db = system.database.dataSource;
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code OFFSET 20 LIMIT 4`);
    await system.processes['document-worker'].stop(20_000);
    const ids: string[] = [];
    for (const { code } of regions) ids.push(await submit(code, 'lost'));
    const outbox: { id: string }[] = await eventually(
      'the submit events published',
      async () => {
        const rows: { id: string; published: boolean }[] = await db.query(
          `SELECT id, published_at IS NOT NULL AS published FROM outbox_event WHERE event = 'submission.submitted' AND payload->>'submissionId' = ANY($1)`,
          [ids],
        );
        return rows.length === ids.length && rows.every((row) => row.published) ? rows : undefined;
      },
      30_000,
    );
    // Redis lost them (a restart without persistence, a failover): the jobs are gone, the outbox says published.
    const documents = queue(QueueName.Documents);
    for (const { id } of outbox) await documents.remove(id);
    expect(await Promise.all(outbox.map(({ id }) => documents.getJobState(id)))).toEqual(outbox.map(() => 'unknown'));
    await documents.close();
    // Stuck for longer than RECOVERY_STUCK_AFTER_MS (the test moves their clock rather than waiting it out).
    await db.query(`UPDATE submission SET updated_at = now() - interval '1 hour' WHERE id = ANY($1)`, [ids]);
    await system.restart('document-worker');

    await expectAllScoredOnce(ids);
    await eventually('every notice sent', async () => (perContact('lost').size === ids.length ? true : undefined), 30_000);
    expect([...perContact('lost').values()].filter((count) => count !== 1)).toEqual([]);
  }, 90_000);

  it('SMTP refusing every notice for longer than the former retry budget: every notice sent exactly once afterwards', async () => {
    const db = system.database.dataSource;
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code OFFSET 10 LIMIT 6`);
    system.sink.refuseRecipient = (address) => (address.endsWith('@smtp.peduli.test') ? 451 : null);
    const ids: string[] = [];
    const outageStarted = Date.now();
    try {
      for (const { code } of regions) ids.push(await submit(code, 'smtp'));
      await expectAllScoredOnce(ids);
      await outlastFormerBudget(QueueName.Reminders, 'submission.scored', ids.length);
      await lastUntil(outageStarted, 12_000);
      expect(await stillRetrying(QueueName.Reminders, 'submission.scored')).toBe(ids.length);
      expect(perContact('smtp').size).toBe(0);
      const [{ n: sent }] = await db.query(`SELECT count(*)::int AS n FROM email_notification WHERE recipient LIKE '%@smtp.peduli.test' AND status = 'SENT'`);
      expect(sent).toBe(0);
    } finally {
      system.sink.refuseRecipient = null;
    }

    await eventually('every notice sent', async () => (perContact('smtp').size === ids.length ? true : undefined), 30_000);
    expect([...perContact('smtp').values()].filter((count) => count !== 1)).toEqual([]);
    // The sink has a mail a moment before the sender records it SENT, so the ledger is read until it settles.
    const ledger = await eventually(
      'every notice recorded SENT',
      async () => {
        const rows: { status: string; n: number }[] = await db.query(
          `SELECT status, count(*)::int AS n FROM email_notification WHERE recipient LIKE '%@smtp.peduli.test' GROUP BY status`,
        );
        return rows.some((row) => row.status === 'SENDING') ? undefined : rows;
      },
      10_000,
    );
    expect(ledger).toEqual([{ status: 'SENT', n: ids.length }]);
    // No job failed for good on any queue.
    for (const name of Object.values(QueueName)) {
      const jobs = queue(name);
      expect(await jobs.getFailedCount()).toBe(0);
      await jobs.close();
    }
  }, 90_000);
});
