import { nodeFlagsOf } from '@peduli/devservices';
import { createRedisConnection } from '@peduli/queue';
import { MINIMAL_PDF, PNG_1X1, ROLES, RunningSystem, startSystem, testServiceUrls, uniqueQueuePrefix, uploadEvidence } from '@peduli/testkit';
import autocannon from 'autocannon';
import { Queue, Worker } from 'bullmq';
import { startBareNest } from '../bare-nest-process';
import { atSteadyRate, percentile } from '../latency';
import { NationalDataset, seedNationalDataset } from '../national-dataset';
import { peakRssMb, profilingFlags } from '../process-stats';
import { ScenarioResult } from '../results';

const RATE = Number(process.env.BENCH_PIPELINE_RATE ?? 50);
const SUBMISSIONS = Number(process.env.BENCH_PIPELINE_SUBMISSIONS ?? 300);
/** A gentler rate measured first, on other drafts of the same run: where the pipeline stands below saturation. */
const GENTLE_RATE = Number(process.env.BENCH_PIPELINE_GENTLE_RATE ?? 20);
const GENTLE_SUBMISSIONS = Number(process.env.BENCH_PIPELINE_GENTLE_SUBMISSIONS ?? 200);
const TIMEOUT_MS = Number(process.env.BENCH_PIPELINE_TIMEOUT_MS ?? 180_000);

const REPORT_PDF = MINIMAL_PDF;

async function forEachInBatches<T>(items: T[], size: number, action: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(action));
}

/** Submits the drafts at a steady rate and measures, for each, the time from sending the request to its score. */
async function submitAndWaitForScores(system: RunningSystem, drafts: { id: string }[], perSecond: number) {
  const db = system.database.dataSource;
  const sentAt = new Map<string, number>();
  const started = Date.now();
  await atSteadyRate(drafts.length, perSecond, async (i) => {
    const id = drafts[i].id;
    sentAt.set(id, Date.now());
    const response = await fetch(`${system.apiUrl}/api/v1/submissions/${id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${system.token}` } });
    if (response.status !== 200) throw new Error(`pipeline: submit answered ${response.status}: ${await response.text()}`);
  });
  const ids = [...sentAt.keys()];
  for (;;) {
    const [{ scored }] = await db.query(`SELECT count(DISTINCT submission_id)::int AS scored FROM score_snapshot WHERE submission_id = ANY($1)`, [ids]);
    if (scored === ids.length) break;
    if (Date.now() - started > TIMEOUT_MS) {
      const statuses = await db.query(`SELECT status, check_problems, count(*)::int AS n FROM submission WHERE id = ANY($1) GROUP BY 1, 2`, [ids]);
      const documents = await db.query(
        `SELECT status, original_name, check_reasons, count(*)::int AS n FROM evidence_document WHERE submission_id = ANY($1) GROUP BY 1, 2, 3`,
        [ids],
      );
      const output = Object.values(system.processes).flatMap((p) => p.output.slice(-5).map((line) => `${p.name}: ${line}`));
      throw new Error(
        `pipeline: only ${scored} of ${ids.length} submissions scored after ${TIMEOUT_MS / 1000} s; submissions ${JSON.stringify(statuses)}, ` +
          `documents ${JSON.stringify(documents)}\n${output.join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const snapshots: { submission_id: string; at: string; n: number; submitted: string; checked: string }[] = await db.query(
    `SELECT ss.submission_id, (extract(epoch FROM min(ss.created_at)) * 1000)::float8 AS at, count(*)::int AS n,
            (SELECT extract(epoch FROM s.submitted_at) * 1000 FROM submission s WHERE s.id = ss.submission_id)::float8 AS submitted,
            (SELECT extract(epoch FROM max(e.checked_at)) * 1000 FROM evidence_document e WHERE e.submission_id = ss.submission_id)::float8 AS checked
       FROM score_snapshot ss WHERE ss.submission_id = ANY($1) GROUP BY ss.submission_id`,
    [ids],
  );
  const [{ rejected }] = await db.query(`SELECT count(*)::int AS rejected FROM evidence_document WHERE submission_id = ANY($1) AND status <> 'ACCEPTED'`, [ids]);
  if (rejected > 0) throw new Error(`pipeline: ${rejected} evidence documents were not accepted`);
  return {
    latenciesMs: snapshots.map((snapshot) => Number(snapshot.at) - sentAt.get(snapshot.submission_id)!),
    // Where the time goes: the API accepting the submit, the document check (including its wait in the queue),
    // and scoring (the same).
    stagesP50Ms: {
      submit: percentile(snapshots.map((snapshot) => Number(snapshot.submitted) - sentAt.get(snapshot.submission_id)!), 50),
      check: percentile(snapshots.map((snapshot) => Number(snapshot.checked) - Number(snapshot.submitted)), 50),
      score: percentile(snapshots.map((snapshot) => Number(snapshot.at) - Number(snapshot.checked)), 50),
    },
    duplicates: snapshots.filter((snapshot) => snapshot.n > 1).length,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * The floor of the same path: an empty BullMQ job added at the same rate and run by a worker that does nothing, on
 * the same Redis; its enqueue-to-finished time is what one queue hop costs before any of our work.
 */
async function bareQueueHop(count: number) {
  const prefix = uniqueQueuePrefix('bench-hop');
  const producer = createRedisConnection(testServiceUrls().redis, 'producer', 'bench');
  const consumer = createRedisConnection(testServiceUrls().redis, 'worker', 'bench');
  const queue = new Queue('hop', { connection: producer, prefix });
  const worker = new Worker('hop', async () => undefined, { connection: consumer, prefix, concurrency: 4 });
  try {
    const jobs = await atSteadyRate(count, RATE, async () => ({ sentAt: Date.now(), job: await queue.add('hop', {}) }));
    for (;;) {
      const counts = await queue.getJobCounts('completed');
      if (counts.completed === count) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const finished = await Promise.all(jobs.map(async ({ sentAt, job }) => (await queue.getJob(job.id!))!.finishedOn! - sentAt));
    return finished;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}

/** Peak RSS of a bare Nest process after serving JSON from 50 connections for 5 s: what the framework alone costs. */
async function bareNestPeakRss(): Promise<number> {
  const bare = await startBareNest();
  try {
    await bare.ready();
    await autocannon({
      url: `${bare.url}/bare/x`,
      connections: 50,
      duration: 5,
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { 'AKSI-2025-01': 50 } }),
    });
    return peakRssMb(bare.process.child.pid!);
  } finally {
    await bare.process.stop(5000);
  }
}

type Indicator = { code: string; evidence?: { allowedDocumentTypes: string[]; minCount?: number } };

async function kkpIndicators(system: RunningSystem): Promise<Indicator[]> {
  const [{ content }] = await system.database.dataSource.query(
    `SELECT content FROM framework_version WHERE programme = 'KKP_HAM' AND status = 'PUBLISHED' ORDER BY published_at DESC LIMIT 1`,
  );
  return content.indicators;
}

/**
 * Every answered indicator needs an accepted document of a type its rule allows, as a real unit would send: one PDF
 * per document type, linked to the indicators that accept that type.
 */
function evidencePlan(indicators: Indicator[]): { documentType: string; indicatorCodes: string[] }[] {
  const byType = new Map<string, string[]>();
  for (const indicator of indicators) {
    const types = indicator.evidence?.allowedDocumentTypes.slice(0, indicator.evidence.minCount ?? 1) ?? [];
    for (const type of types) byType.set(type, [...(byType.get(type) ?? []), indicator.code]);
  }
  return [...byType].map(([documentType, indicatorCodes]) => ({ documentType, indicatorCodes }));
}

interface PipelineRun {
  pipeline: ScenarioResult;
  memory: ScenarioResult;
}

/**
 * The whole system as production runs it (API and three workers, each its own process) on the national dataset:
 * drafts of every regency/city, each with a PDF report and a photo uploaded through the API, are submitted at a
 * steady rate; each is timed from the submit request to its score snapshot (outbox → document check → outbox →
 * scoring). The peak RSS of every process over the whole run is read at the end, for `memory`.
 */
async function runPipeline(): Promise<PipelineRun> {
  const nodeArgs = (role: string) => [...nodeFlagsOf(role), ...profilingFlags()];
  const system = await startSystem({ LOG_LEVEL: 'warn', NODE_ENV: 'production', METRICS_PORT: '0', DOCUMENT_SCAN: 'off', OUTBOX_SWEEP_INTERVAL_MS: '5000', ...(process.env.WORKER_CONCURRENCY ? { WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY } : {}) }, { nodeArgs });
  if (process.env.BENCH_PROFILE_DIR) {
    console.log(`  CPU profiles: ${Object.entries(system.processes).map(([role, p]) => `${role}=${p.child.pid}`).join(' ')}`);
  }
  try {
    const dataset: NationalDataset = await seedNationalDataset(system.database.dataSource);
    const drafts = dataset.kkpDrafts.slice(0, SUBMISSIONS + GENTLE_SUBMISSIONS);
    const evidence = evidencePlan(await kkpIndicators(system));
    const uploadStarted = performance.now();
    await forEachInBatches(drafts, 8, async (draft) => {
      for (const { documentType, indicatorCodes } of evidence) {
        const [file, name, mime] = documentType === 'FOTO' ? [PNG_1X1, 'foto-kegiatan.png', 'image/png'] : [REPORT_PDF, `${documentType.toLowerCase()}.pdf`, 'application/pdf'];
        await uploadEvidence(system.apiUrl, system.token, draft.id, file, name, mime, documentType, indicatorCodes);
      }
    });
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    const gentle = await submitAndWaitForScores(system, drafts.slice(SUBMISSIONS), GENTLE_RATE);
    const measured = await submitAndWaitForScores(system, drafts.slice(0, SUBMISSIONS), RATE);
    const hop = await bareQueueHop(SUBMISSIONS);

    const peakRss = Object.fromEntries(
      (Object.keys(ROLES) as (keyof typeof ROLES)[]).map((role) => [role, peakRssMb(system.processes[role].child.pid!)]),
    ) as Record<keyof typeof ROLES, number>;
    const largest = Math.max(...Object.values(peakRss));
    const bareRss = await bareNestPeakRss();

    const p95 = percentile(measured.latenciesMs, 95);
    const hopP95 = percentile(hop, 95);
    return {
      pipeline: {
        value: p95,
        unit: 'ms (p95)',
        baseline: hopP95,
        ratio: p95 / hopP95,
        p50Ms: percentile(measured.latenciesMs, 50),
        p99Ms: percentile(measured.latenciesMs, 99),
        maxMs: Math.max(...measured.latenciesMs),
        baselineP50Ms: percentile(hop, 50),
        submissions: SUBMISSIONS,
        gentle: {
          perSecond: GENTLE_RATE,
          submissions: GENTLE_SUBMISSIONS,
          p50Ms: percentile(gentle.latenciesMs, 50),
          p95Ms: percentile(gentle.latenciesMs, 95),
          duplicates: gentle.duplicates,
          stagesP50Ms: gentle.stagesP50Ms,
        },
        perSecond: RATE,
        duplicates: measured.duplicates,
        stagesP50Ms: measured.stagesP50Ms,
        seconds: measured.seconds,
        documentsPerSubmission: evidence.length,
        uploadsPerSecond: (drafts.length * evidence.length) / uploadSeconds,
        dataset: { regions: dataset.regions, units: dataset.units, ranhamDrafts: dataset.ranhamDrafts, seedSeconds: dataset.seconds },
      },
      memory: {
        value: largest,
        unit: 'MB (largest peak RSS)',
        baseline: bareRss,
        ratio: largest / bareRss,
        peakRssMb: peakRss,
        during: `seeding ${dataset.units} units, ${drafts.length * evidence.length} uploads, ${drafts.length} submissions checked, scored and notified`,
      },
    };
  } finally {
    await system.stop();
  }
}

let lastRun: Promise<PipelineRun> | null = null;
const runOnce = () => (lastRun ??= runPipeline());

/** `pipeline`: submission to scored, p95 at a steady 50 submissions/s; baseline: an empty BullMQ job's round trip. */
export const pipelineScenario = async (): Promise<ScenarioResult> => (await runOnce()).pipeline;

/**
 * `memory`: the peak RSS of each process (API and the three workers) over the pipeline run, which exercises all of
 * them; baseline: a bare Nest process serving JSON. Run after `pipeline`, it reads that same run.
 */
export const memoryScenario = async (): Promise<ScenarioResult> => (await runOnce()).memory;
