import { FrameworkVersion } from '@peduli/domain';
import { createQueueWorker, createRedisConnection, JobName, QueueName, QueueRegistry } from '@peduli/queue';
import {
  FrameworkScorers,
  makeRecalculationBatchScorer,
  makeRecalculationFinisher,
  makeRecalculationPlanner,
  makeRecalculationSubjectScorer,
  makeSubmissionScorer,
  RECALCULATION_BATCH_SIZE,
} from '@peduli/scoring-worker';
import { createMigratedDatabase, kkpAnswersAt, testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import type { DataSource } from 'typeorm';
import { frameworkOf120 } from '../kkp-120';
import { ScenarioResult } from '../results';

const WORKER_CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 4);
const BATCH_SIZE = Number(process.env.BENCH_RECALCULATION_BATCH_SIZE ?? RECALCULATION_BATCH_SIZE);
const FRAMEWORK_CODE = 'BENCH_KKP_120';

async function insertVersion(db: DataSource, version: FrameworkVersion, number: number): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
     VALUES ('KKP_HAM', $1, $2, 'PUBLISHED', $3, $4, now()) RETURNING id`,
    [version.frameworkCode, number, `bench v${number}`, JSON.stringify({ criteria: version.criteria, indicators: version.indicators, rules: version.rules })],
  );
  return id;
}

async function waitForRun(db: DataSource, runId: string): Promise<{ total: number; done: number; failed: number }> {
  for (;;) {
    const [run] = await db.query(`SELECT status, total, done, failed FROM recalculation_run WHERE id = $1`, [runId]);
    if (run.status === 'FINISHED') return run;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Rescoring all 514 regencies/cities × 120 indicators after a version switch, through the real flow (planner, one
 * child job per batch of subjects, finisher) on Redis and Postgres, from the request to the run's end. Baseline, same run: the
 * same 514 snapshots written by one raw INSERT … SELECT with a trivial score computed in SQL, the floor of what
 * reading and storing them costs.
 */
export async function recalculationScenario(): Promise<ScenarioResult> {
  const database = await createMigratedDatabase();
  const db = database.dataSource;
  const producer = createRedisConnection(testServiceUrls().redis, 'producer', 'bench');
  const consumer = createRedisConnection(testServiceUrls().redis, 'worker', 'bench');
  const prefix = uniqueQueuePrefix('bench');
  const queues = new QueueRegistry(producer, prefix);
  const context = { dataSource: db, queues, relay: { kick: () => undefined } as never };
  const scorers = new FrameworkScorers();
  const worker = createQueueWorker(
    QueueName.Scoring,
    {
      [JobName.SubmissionChecked]: makeSubmissionScorer(context, scorers),
      [JobName.RecalculationRequested]: makeRecalculationPlanner(context, BATCH_SIZE),
      [JobName.RecalculationSubject]: makeRecalculationSubjectScorer(context, scorers),
      [JobName.RecalculationBatch]: makeRecalculationBatchScorer(context, scorers),
      [JobName.RecalculationFinish]: makeRecalculationFinisher(context),
    },
    { connection: consumer, prefix, concurrency: WORKER_CONCURRENCY },
  );
  void worker.run();
  try {
    const v1 = frameworkOf120(FRAMEWORK_CODE);
    const v2 = { ...v1, rules: { ...v1.rules, bands: v1.rules.bands.map((edge) => (edge.band === 'PEDULI' ? { ...edge, min: 80 } : edge)) } };
    const v1Id = await insertVersion(db, v1, 1);
    const v2Id = await insertVersion(db, v2, 2);
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code`);
    await db.query(
      `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version)
       SELECT r.code, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', r.answers, 1, 1 FROM jsonb_to_recordset($1::jsonb) AS r(code text, answers jsonb)`,
      [JSON.stringify(regions.map((region, index) => ({ code: region.code, answers: kkpAnswersAt(v1, (index % 41) / 40) })))],
    );
    const [{ id: cycleId }] = await db.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('KKP_HAM', 2026, 'bench', $1) RETURNING id`,
      [v1Id],
    );

    const runUnder = async (versionId: string, previous: string | null) => {
      const [{ id: runId }] = await db.query(
        `INSERT INTO recalculation_run (cycle_id, framework_version_id, previous_framework_version_id, reason) VALUES ($1, $2, $3, 'VERSION_SWITCHED') RETURNING id`,
        [cycleId, versionId, previous],
      );
      const started = performance.now();
      await queues.add(QueueName.Scoring, JobName.RecalculationRequested, { runId }, { jobId: `bench.${runId}` });
      const run = await waitForRun(db, runId);
      return { runId, seconds: (performance.now() - started) / 1000, ...run };
    };

    const warmUp = await runUnder(v1Id, null); // first scoring under version 1
    const measured = await runUnder(v2Id, v1Id); // the rescoring after the rules changed
    const [{ duplicates }] = await db.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT submission_id FROM score_snapshot WHERE recalculation_run_id = $1 GROUP BY 1 HAVING count(*) > 1) d`,
      [measured.runId],
    );
    const [{ changed }] = await db.query(`SELECT count(*)::int AS changed FROM recalculation_item WHERE run_id = $1 AND from_band IS DISTINCT FROM to_band`, [
      measured.runId,
    ]);

    const baselineStarted = performance.now();
    await db.transaction(async (manager) => {
      await manager.query(
        `WITH scored AS (
           INSERT INTO score_snapshot (submission_id, region_code, period_key, framework_version, basis, input_hash, total, band, breakdown)
           SELECT s.id, s.region_code, s.period_key, 'RAW_SQL_BASELINE@1', 'SELF_ASSESSED', encode(sha256(s.answers::text::bytea), 'hex'),
                  round(100.0 * (SELECT count(*) FROM jsonb_each(s.answers) a WHERE a.value NOT IN ('false', '0', 'null')) / 120, 2),
                  'BASELINE', jsonb_build_object('answers', s.answers)
             FROM submission s WHERE s.programme = 'KKP_HAM' AND s.period_key = '2026-TAHUNAN'
           RETURNING id, submission_id)
         UPDATE submission s SET current_snapshot_id = scored.id FROM scored WHERE s.id = scored.submission_id`,
      );
    });
    const baseline = (performance.now() - baselineStarted) / 1000;

    return {
      value: measured.seconds,
      unit: 's',
      baseline,
      ratio: measured.seconds / baseline,
      subjects: measured.total,
      indicators: v1.indicators.length,
      done: measured.done,
      failed: measured.failed,
      duplicates,
      bandChanges: changed,
      firstScoringSeconds: warmUp.seconds,
      workerConcurrency: WORKER_CONCURRENCY,
      batchSize: BATCH_SIZE,
      subjectsPerSecond: measured.total / measured.seconds,
    };
  } finally {
    await worker.close();
    await queues.close();
    producer.disconnect();
    consumer.disconnect();
    await database.drop();
  }
}
