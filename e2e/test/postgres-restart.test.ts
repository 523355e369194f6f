import { freePort } from '@peduli/devservices';
import { eventually } from '@peduli/testkit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINIMAL_PDF, RunningSystem, startSystem, uploadEvidence } from './system';
import { PostgresProcess, startPostgres } from './restartable-postgres';

const SUBMISSIONS = 30;

/**
 * PostgreSQL restarted while submissions are in flight, the whole system running on a server of its own. Clients
 * retry what failed while it was down (as a real client would); afterwards every submission is checked and scored
 * exactly once, every notice delivered once, and every process is still up and ready without being restarted.
 */
describe('a PostgreSQL restart while submissions are in flight', () => {
  let postgres: PostgresProcess;
  let parent: string;
  let system: RunningSystem;
  const sharedServer = process.env.PEDULI_TEST_PG_URL;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'peduli-pg-restart-'));
    postgres = await startPostgres(join(parent, 'data'), await freePort());
    // The system's database is created on this test's own server, which the test can stop and start.
    process.env.PEDULI_TEST_PG_URL = postgres.url;
    try {
      system = await startSystem({ WORKER_CONCURRENCY: '2', OUTBOX_SWEEP_INTERVAL_MS: '500' });
    } finally {
      process.env.PEDULI_TEST_PG_URL = sharedServer;
    }
  }, 120_000);
  afterAll(async () => {
    process.env.PEDULI_TEST_PG_URL = postgres?.url;
    try {
      await system?.stop();
    } finally {
      process.env.PEDULI_TEST_PG_URL = sharedServer;
      await postgres?.stop();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  /**
   * Creates, uploads and submits with retries, as a careful client would while the server answers 5xx or not at all:
   * each step is retried on its own, and a submit whose answer was lost is found submitted on the next try (409), so a
   * lost answer never makes the client start a second report. A create whose answer was lost is refused on retry with
   * 409 (one report per reporter and period) naming the report it made, and the client carries on with that one.
   */
  let failedAttempts = 0;
  const retried = async <T>(step: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        failedAttempts++;
        if (attempt >= 30) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const submitWithRetries = async (regionCode: string): Promise<string> => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${system.token}` };
    const id = await retried(async () => {
      const created = await fetch(`${system.apiUrl}/api/v1/submissions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ regionCode, programme: 'RANHAM', periodKey: '2025-B04', answers: { 'AKSI-2025-01': 100 }, contactEmail: `hukum.${regionCode}@pg.peduli.test` }),
      });
      if (created.status === 201) return ((await created.json()) as { id: string }).id;
      if (created.status === 409) {
        // A create whose answer was lost did create the report: a reporter has one per period, and the refusal names
        // it, so carry on with it.
        const refusal = (await created.json()) as { code: string; details?: { id?: string } };
        if (refusal.code === 'submission.alreadyExists' && refusal.details?.id) return refusal.details.id;
      }
      throw new Error(`create failed: ${created.status}`);
    });
    await retried(() => uploadEvidence(system.apiUrl, system.token, id, MINIMAL_PDF, 'laporan.pdf', 'application/pdf', 'LAPORAN'));
    await retried(async () => {
      const submitted = await fetch(`${system.apiUrl}/api/v1/submissions/${id}/submit`, { method: 'POST', headers });
      if (submitted.status === 200) return;
      if (submitted.status === 409) {
        const current = await fetch(`${system.apiUrl}/api/v1/submissions/${id}`, { headers });
        if (current.status === 200 && ((await current.json()) as { status: string }).status !== 'DRAFT') return;
      }
      throw new Error(`submit failed: ${submitted.status}`);
    });
    return id;
  };

  it('scores every submission once and notifies once, with every process still up', async () => {
    const regions: { code: string }[] = await system.database.dataSource.query(`SELECT code FROM region ORDER BY code DESC LIMIT $1`, [SUBMISSIONS]);
    const ids: string[] = [];
    const submitAll = (async () => {
      for (const region of regions) ids.push(await submitWithRetries(region.code));
    })();

    await eventually('some submissions submitted', async () => (ids.length >= 5 ? true : undefined), 60_000);
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    postgres = await startPostgres(join(parent, 'data'), postgres.port);
    await submitAll;
    // The outage was real: requests failed while the server was down, and were retried.
    expect(failedAttempts).toBeGreaterThan(0);

    const db = system.database.dataSource;
    await eventually(
      'every submission scored',
      async () => {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM submission WHERE id = ANY($1) AND status = 'IN_REVIEW' AND current_snapshot_id IS NOT NULL`, [ids]);
        return row.n === SUBMISSIONS ? true : undefined;
      },
      180_000,
    );
    const snapshots: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM score_snapshot WHERE submission_id = ANY($1) GROUP BY submission_id`, [ids]);
    expect(snapshots).toHaveLength(SUBMISSIONS);
    expect(snapshots.every((row) => row.n === 1)).toBe(true);
    // A create that succeeded but whose answer was lost would show as an extra row, submitted or left in DRAFT.
    const [all] = await db.query(`SELECT count(*)::int AS n FROM submission WHERE period_key = '2025-B04'`);
    expect(all.n).toBe(SUBMISSIONS);
    await system.sink.waitFor((messages) => new Set(messages.flatMap((m) => m.to)).size >= SUBMISSIONS, 60_000);
    const perContact = new Map<string, number>();
    for (const mail of system.sink.messages) for (const to of mail.to) perContact.set(to, (perContact.get(to) ?? 0) + 1);
    expect([...perContact.values()].filter((count) => count !== 1)).toEqual([]);

    // Nobody had to restart anything: every process reconnected and reports ready.
    for (const [role, url] of Object.entries(system.healthUrls)) {
      expect(system.processes[role as keyof typeof system.processes].isRunning()).toBe(true);
      expect((await fetch(url)).status).toBe(200);
    }
  }, 300_000);
});
