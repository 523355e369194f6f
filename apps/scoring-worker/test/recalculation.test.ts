import { KKP_HAM_2021_SAMPLE } from '@peduli/domain';
import { createQueueWorker, createRedisConnection, JobName, QueueName, QueueRegistry } from '@peduli/queue';
import { createMigratedDatabase, eventually, kkpAnswersAt, MigratedDatabase, testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { FrameworkScorers } from '../src/framework-scorers';
import { makeRecalculationBatchScorer, makeRecalculationFinisher, makeRecalculationPlanner, makeRecalculationSubjectScorer, recalculationJobId } from '../src/recalculation';
import { makeSubmissionScorer } from '../src/score-submission';

/** The recalculation flow in process, on a real Redis and Postgres: planning, fan-out, band report, failures. */
describe('recalculation runs', () => {
  let database: MigratedDatabase;
  let producer: Redis;
  let consumer: Redis;
  let queues: QueueRegistry;
  let worker: Worker;
  let v1: { id: string; content: { rules: { bands: { band: string; min: number }[] } } };
  let v2Id: string;
  let cycleId: string;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    const prefix = uniqueQueuePrefix('recalc');
    producer = createRedisConnection(testServiceUrls().redis, 'producer', 'recalc-test');
    consumer = createRedisConnection(testServiceUrls().redis, 'worker', 'recalc-test');
    queues = new QueueRegistry(producer, prefix);
    const context = { dataSource: database.dataSource, queues, relay: { kick: () => undefined } as never };
    const scorers = new FrameworkScorers();
    worker = createQueueWorker(
      QueueName.Scoring,
      {
        [JobName.SubmissionChecked]: makeSubmissionScorer(context, scorers),
        [JobName.RecalculationRequested]: makeRecalculationPlanner(context),
        [JobName.RecalculationSubject]: makeRecalculationSubjectScorer(context, scorers),
        [JobName.RecalculationBatch]: makeRecalculationBatchScorer(context, scorers),
        [JobName.RecalculationFinish]: makeRecalculationFinisher(context),
      },
      { connection: consumer, prefix, concurrency: 4 },
    );
    void worker.run();

    const db = database.dataSource;
    [v1] = await db.query(`SELECT id, content FROM framework_version WHERE framework_code = 'KKP_HAM_PERMENKUMHAM_22_2021' AND version = 1`);
    const bands = v1.content.rules.bands.map((edge) => (edge.band === 'PEDULI' ? { ...edge, min: 90 } : edge));
    [{ id: v2Id }] = await db.query(
      `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
       VALUES ('KKP_HAM', 'KKP_HAM_PERMENKUMHAM_22_2021', 2, 'PUBLISHED', 'v2', $1, now()) RETURNING id`,
      [JSON.stringify({ ...v1.content, rules: { ...v1.content.rules, bands } })],
    );
    [{ id: cycleId }] = await db.query(`INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('KKP_HAM', 2026, 'c', $1) RETURNING id`, [v1.id]);
    // Twenty regions at qualities 0, 0.05 … 0.95, a draft that must be left out, and another year's submission.
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code LIMIT 20`);
    for (const [index, region] of regions.entries()) {
      await db.query(
        `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version) VALUES ($1, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', $2, 1, 1)`,
        [region.code, JSON.stringify(kkpAnswersAt(KKP_HAM_2021_SAMPLE, index / 20))],
      );
    }
    await db.query(`INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version) VALUES ('64.71', 'KKP_HAM', '2026-TAHUNAN', 'DRAFT', '{}', 0, 1)`);
    await db.query(`INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version) VALUES ('64.71', 'KKP_HAM', '2025-TAHUNAN', 'VERIFIED', '{}', 1, 1)`);
  });
  afterAll(async () => {
    await worker?.close();
    await queues?.close();
    producer?.disconnect();
    consumer?.disconnect();
    await database?.drop();
  });

  async function startRun(versionId: string, previous: string | null): Promise<string> {
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO recalculation_run (cycle_id, framework_version_id, previous_framework_version_id, reason) VALUES ($1, $2, $3, 'VERSION_SWITCHED') RETURNING id`,
      [cycleId, versionId, previous],
    );
    await database.dataSource.query(`UPDATE reporting_cycle SET framework_version_id = $2 WHERE id = $1`, [cycleId, versionId]);
    await queues.add(QueueName.Scoring, JobName.RecalculationRequested, { runId: id }, { jobId: `requested.${id}` });
    return id;
  }
  const runRow = (id: string) =>
    database.dataSource.query(`SELECT status, total, done, failed, started_at, finished_at FROM recalculation_run WHERE id = $1`, [id]).then((rows) => rows[0]);
  const finished = (id: string) => eventually(`run ${id} finished`, async () => ((await runRow(id)).status === 'FINISHED' ? runRow(id) : undefined), 30_000);

  it('scores every submission of the cycle once, then rescoring under a stricter version reports exactly the band changes', async () => {
    const first = await startRun(v1.id, null);
    expect(await finished(first)).toMatchObject({ total: 20, done: 20, failed: 0 });

    const second = await startRun(v2Id, v1.id);
    expect(await finished(second)).toMatchObject({ total: 20, done: 20, failed: 0 });
    const perSubject: { n: number }[] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM score_snapshot WHERE recalculation_run_id = $1 GROUP BY submission_id`,
      [second],
    );
    expect(perSubject).toHaveLength(20);
    expect(perSubject.every((row) => row.n === 1)).toBe(true);

    const changed: { from_band: string; to_band: string; from_total: string }[] = await database.dataSource.query(
      `SELECT from_band, to_band, from_total FROM recalculation_item WHERE run_id = $1 AND from_band IS DISTINCT FROM to_band`,
      [second],
    );
    const expected: { n: number }[] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM score_snapshot WHERE recalculation_run_id = $1 AND total >= 75 AND total < 90`,
      [first],
    );
    expect(changed.length).toBe(expected[0].n);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((row) => row.from_band === 'PEDULI' && row.to_band === 'CUKUP_PEDULI')).toBe(true);
  });

  it('a planner run twice (retried after a crash) adds no subject and no job twice; switching back reuses snapshots', async () => {
    const [{ id: runId }] = await database.dataSource.query(
      `INSERT INTO recalculation_run (cycle_id, framework_version_id, previous_framework_version_id, reason) VALUES ($1, $2, $3, 'VERSION_SWITCHED') RETURNING id`,
      [cycleId, v1.id, v2Id],
    );
    await database.dataSource.query(`UPDATE reporting_cycle SET framework_version_id = $2 WHERE id = $1`, [cycleId, v1.id]);
    const plan = makeRecalculationPlanner({ dataSource: database.dataSource, queues });
    const [once, twice] = [await plan({ runId }), await plan({ runId })];
    expect(once).toMatchObject({ outcome: 'planned' });
    expect(twice).toMatchObject({ outcome: expect.stringMatching(/planned|skipped/) });
    expect(await finished(runId)).toMatchObject({ total: 20, done: 20, failed: 0 });
    expect(await plan({ runId })).toEqual({ outcome: 'skipped', reason: 'run not found or already finished' });
    // Identical inputs under version 1 again: the version-1 snapshots are current again, none is written twice.
    const [{ v1Snapshots, current }] = await database.dataSource.query(
      `SELECT count(*)::int AS "v1Snapshots",
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM submission s WHERE s.current_snapshot_id = sn.id))::int AS current
         FROM score_snapshot sn WHERE framework_version = 'KKP_HAM_PERMENKUMHAM_22_2021@1'`,
    );
    expect({ v1Snapshots, current }).toEqual({ v1Snapshots: 20, current: 20 });
    const parent = await queues.queue(QueueName.Scoring).getJob(recalculationJobId(runId));
    expect(await parent?.getState()).toBe('completed');
  });

  it('a run whose cycle has since switched to another version records its snapshots but leaves the current scores alone', async () => {
    const current = () => database.dataSource.query(`SELECT s.current_snapshot_id AS id FROM submission s WHERE s.status = 'VERIFIED' ORDER BY s.id`);
    await database.dataSource.query(`UPDATE reporting_cycle SET framework_version_id = $2 WHERE id = $1`, [cycleId, v1.id]);
    const before = await current();
    const [{ id: runId }] = await database.dataSource.query(
      `INSERT INTO recalculation_run (cycle_id, framework_version_id, previous_framework_version_id, reason) VALUES ($1, $2, $3, 'VERSION_SWITCHED') RETURNING id`,
      [cycleId, v2Id, v1.id],
    );
    await queues.add(QueueName.Scoring, JobName.RecalculationRequested, { runId }, { jobId: `requested.${runId}` });
    expect(await finished(runId)).toMatchObject({ total: 20, done: 20, failed: 0 });
    expect(await current()).toEqual(before);
  });

  it('records a subject that cannot be scored as failed, finishes the run, and lists the failure', async () => {
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, status, answers, adjustments, submit_count, version)
       VALUES ('91.71', 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', '{}', '{"NO_SUCH_ADJUSTMENT": 1}', 1, 1) RETURNING id`,
    );
    const runId = await startRun(v2Id, v1.id);
    expect(await finished(runId)).toMatchObject({ total: 21, done: 20, failed: 1 });
    const [item] = await database.dataSource.query(`SELECT status, error FROM recalculation_item WHERE run_id = $1 AND submission_id = $2`, [runId, id]);
    expect(item.status).toBe('FAILED');
    expect(item.error).toContain('Unknown adjustment code: NO_SUCH_ADJUSTMENT');
    await database.dataSource.query(`UPDATE submission SET status = 'DRAFT' WHERE id = $1`, [id]);
  });
  it.each([
    ['a database failure a retry gets past (the batch is retried)', '40001', 3],
    ['a failure no retry changes (the batch is scored one subject at a time)', 'P0001', 4],
  ])('a batch interrupted mid-way by %s still ends with one snapshot and one audit row per subject and the right counts', async (_what, sqlState, version) => {
    const db = database.dataSource;
    const bands = v1.content.rules.bands.map((edge) => (edge.band === 'PEDULI' ? { ...edge, min: 70 + version } : edge));
    const [{ id: versionId }] = await db.query(
      `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
       VALUES ('KKP_HAM', 'KKP_HAM_PERMENKUMHAM_22_2021', $1, 'PUBLISHED', $2, $3, now()) RETURNING id`,
      [version, `v${version}`, JSON.stringify({ ...v1.content, rules: { ...v1.content.rules, bands } })],
    );
    // The first item a batch marks done fails its statement, after that batch's snapshots, audit rows and current
    // scores were written in its transaction; a sequence counts the calls, as it is not rolled back with them.
    await db.query(`CREATE SEQUENCE recalc_fault_calls`);
    await db.query(
      `CREATE FUNCTION recalc_fault() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.status = 'DONE' AND nextval('recalc_fault_calls') = 1 THEN RAISE EXCEPTION 'injected fault' USING ERRCODE = '${sqlState}'; END IF;
         RETURN NEW;
       END $$`,
    );
    await db.query(`CREATE TRIGGER recalc_fault BEFORE UPDATE ON recalculation_item FOR EACH ROW EXECUTE FUNCTION recalc_fault()`);
    try {
      const [{ id: runId }] = await db.query(
        `INSERT INTO recalculation_run (cycle_id, framework_version_id, previous_framework_version_id, reason) VALUES ($1, $2, $3, 'VERSION_SWITCHED') RETURNING id`,
        [cycleId, versionId, v2Id],
      );
      await db.query(`UPDATE reporting_cycle SET framework_version_id = $2 WHERE id = $1`, [cycleId, versionId]);
      // Batches of 8: three children (8, 8, 4), one of which is interrupted.
      expect(await makeRecalculationPlanner({ dataSource: db, queues }, 8)({ runId })).toEqual({ outcome: 'planned', subjects: 20, batches: 3 });
      expect(await finished(runId)).toMatchObject({ total: 20, done: 20, failed: 0 });
      const [{ calls }] = await db.query(`SELECT last_value::int AS calls FROM recalc_fault_calls`);
      expect(calls).toBeGreaterThan(1);

      const perSubject: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM score_snapshot WHERE recalculation_run_id = $1 GROUP BY submission_id`, [runId]);
      expect(perSubject).toHaveLength(20);
      expect(perSubject.every((row) => row.n === 1)).toBe(true);
      const [{ audits, audited }] = await db.query(
        `SELECT count(*)::int AS audits, count(DISTINCT sn.id)::int AS audited
           FROM audit_entry a JOIN score_snapshot sn ON sn.id = a.entity_id::uuid
          WHERE a.action = 'score.snapshot_created' AND a.after->>'runId' = $1 AND sn.recalculation_run_id = $2`,
        [runId, runId],
      );
      expect({ audits, audited }).toEqual({ audits: 20, audited: 20 });
      const [counts] = await db.query(
        `SELECT count(*) FILTER (WHERE i.status = 'DONE')::int AS done,
                count(*) FILTER (WHERE i.snapshot_id = s.current_snapshot_id AND sn.recalculation_run_id = i.run_id)::int AS current,
                count(*) FILTER (WHERE i.to_total = sn.total AND i.to_band = sn.band)::int AS reported
           FROM recalculation_item i JOIN submission s ON s.id = i.submission_id JOIN score_snapshot sn ON sn.id = i.snapshot_id
          WHERE i.run_id = $1`,
        [runId],
      );
      expect(counts).toEqual({ done: 20, current: 20, reported: 20 });
      // A batch delivered again after its run finished finds nothing pending and writes nothing.
      const subjects: { submission_id: string }[] = await db.query(`SELECT submission_id FROM recalculation_item WHERE run_id = $1`, [runId]);
      const again = makeRecalculationBatchScorer({ dataSource: db, queues });
      expect(await again({ runId, submissionIds: subjects.map((row) => row.submission_id) })).toEqual({ outcome: 'skipped', reason: 'no subject of this batch is pending' });
      expect(await runRow(runId)).toMatchObject({ total: 20, done: 20, failed: 0 });
    } finally {
      await db.query(`DROP TRIGGER recalc_fault ON recalculation_item`);
      await db.query(`DROP FUNCTION recalc_fault()`);
      await db.query(`DROP SEQUENCE recalc_fault_calls`);
    }
  });
});
