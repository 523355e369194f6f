import { freePort } from '@peduli/devservices';
import { JobName, QueueName } from '@peduli/queue';
import { eventually, kkpAnswersAt, testServiceUrls } from '@peduli/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSystem, startSystem } from './system';
import { PostgresProcess, startPostgres } from './restartable-postgres';

interface RunReport {
  status: string;
  total: number;
  done: number;
  failed: number;
}

/**
 * PostgreSQL stopped in the middle of a recalculation of every regency/city, and started again only once the run's
 * jobs have failed more often than the former retry budget allowed (8 attempts). Time is compressed 50 times through
 * configuration: retries from 20 ms (1 s), capped at 1.2 s (1 min), over a 54 s window (45 min); the former budget is
 * 2.54 s at that scale, which would have failed those jobs for good and left the run with failed subjects. Afterwards
 * the run finishes with every subject scored exactly once and nothing failed, and no process had to be restarted.
 */
describe('a PostgreSQL restart in the middle of a recalculation', () => {
  const FORMER_ATTEMPTS = 8;
  let postgres: PostgresProcess;
  let parent: string;
  let system: RunningSystem;
  let connection: Redis;
  const sharedServer = process.env.PEDULI_TEST_PG_URL;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'peduli-pg-recalc-'));
    postgres = await startPostgres(join(parent, 'data'), await freePort());
    process.env.PEDULI_TEST_PG_URL = postgres.url;
    try {
      system = await startSystem({
        WORKER_CONCURRENCY: '1',
        JOB_RETRY_BASE_MS: '20',
        JOB_RETRY_MAX_DELAY_MS: '1200',
        JOB_RETRY_WINDOW_MS: '54000',
      });
    } finally {
      process.env.PEDULI_TEST_PG_URL = sharedServer;
    }
    connection = new Redis(testServiceUrls().redis, { maxRetriesPerRequest: null });
  }, 120_000);
  afterAll(async () => {
    connection?.disconnect();
    process.env.PEDULI_TEST_PG_URL = postgres?.url;
    try {
      await system?.stop();
    } finally {
      process.env.PEDULI_TEST_PG_URL = sharedServer;
      await postgres?.stop();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${system.apiUrl}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  it('finishes the run with every subject scored once and none failed', async () => {
    const db = system.database.dataSource;
    const versions = await call<{ id: string; frameworkCode: string; version: number }[]>(`/frameworks/versions?programme=KKP_HAM`);
    const v1 = versions.find((v) => v.version === 1)!;
    const content = (await call<{ content: { indicators: never[] } }>(`/frameworks/versions/${v1.id}`)).content;
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code`);
    await db.query(
      `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version)
       SELECT r.code, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', r.answers::jsonb, 1, 1 FROM jsonb_to_recordset($1::jsonb) AS r(code text, answers text)`,
      [JSON.stringify(regions.map((region, index) => ({ code: region.code, answers: JSON.stringify(kkpAnswersAt(content, (index % 21) / 20)) })))],
    );
    const created = await call<{ recalculation: { id: string } }>(`/cycles`, {
      method: 'POST',
      body: JSON.stringify({ programme: 'KKP_HAM', year: 2026, label: 'KKP HAM 2026', frameworkVersionId: v1.id }),
    });
    const runId = created.recalculation.id;
    await eventually('the run has started', async () => ((await call<RunReport>(`/recalculations/${runId}`)).done > 0 ? true : undefined), 60_000);

    await postgres.stop();
    const scoring = new Queue(QueueName.Scoring, { connection, prefix: system.queuePrefix });
    try {
      // Down until the run's batch jobs have failed past the former budget, none of them for good.
      await eventually(
        'batch jobs failing past the former budget',
        async () => {
          const jobs = (await scoring.getJobs(['delayed', 'waiting', 'active', 'failed'])).filter((job) => job.name === JobName.RecalculationBatch);
          if (jobs.some((job) => job.finishedOn)) throw new Error('a batch job failed for good');
          return jobs.some((job) => job.attemptsMade > FORMER_ATTEMPTS) ? true : undefined;
        },
        30_000,
      );
    } finally {
      postgres = await startPostgres(join(parent, 'data'), postgres.port);
    }

    const report = await eventually(
      'the run finished',
      async () => {
        const now = await call<RunReport>(`/recalculations/${runId}`).catch(() => undefined);
        return now?.status === 'FINISHED' ? now : undefined;
      },
      60_000,
    );
    expect(report).toMatchObject({ total: regions.length, done: regions.length, failed: 0 });
    const snapshots: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM score_snapshot GROUP BY submission_id`);
    expect(snapshots).toHaveLength(regions.length);
    expect(snapshots.filter((row) => row.n !== 1)).toEqual([]);
    expect(await scoring.getFailedCount()).toBe(0);
    await scoring.close();
    for (const [role, url] of Object.entries(system.healthUrls)) {
      expect(system.processes[role as keyof typeof system.processes].isRunning()).toBe(true);
      await eventually(`${role} ready`, async () => ((await fetch(url)).status === 200 ? true : undefined), 30_000);
    }
  }, 150_000);
});
