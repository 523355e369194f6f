import { freePort, nodeFlagsOf, startProcess, waitForHttpOk } from '@peduli/devservices';
import { createMigratedDatabase, createTestUser, signIn, testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RANHAM_PERIOD_KEY, seedNationalDataset } from '../national-dataset';
import { cpuMs, peakRssMb, profilingFlags } from '../process-stats';
import { startBareNest } from '../bare-nest-process';
import { ScenarioResult } from '../results';

const CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 10);
const ROOT = join(__dirname, '..', '..', '..');

/** Runs autocannon against `url`, each request taking the next of `paths` round-robin. */
async function load(url: string, paths: string[], headers: Record<string, string>, body: (n: number) => string, pid: number) {
  let n = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request) => {
          const i = n++;
          return { ...request, path: paths[i % paths.length], body: body(i) };
        },
      },
    ],
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) throw new Error(`ingest: ${failures} failed requests against ${url} (${result.non2xx} non-2xx, ${result.errors} errors)`);
  // CPU per request is steadier than requests/s on a shared machine: it does not move when a neighbour takes a core.
  const cpuMsPerRequest = (cpuMs(pid) - cpuBefore) / result.requests.total;
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, p50Ms: result.latency.p50, total: result.requests.total, cpuMsPerRequest };
}

/**
 * `ingest`: answer updates (PATCH /submissions/{id}, validated against the framework and written to PostgreSQL) from
 * 50 connections with autocannon, against the API as production runs it (its own process); baseline: a bare Nest
 * route parsing the same JSON, in its own process on the same machine.
 */
export async function ingestScenario(): Promise<ScenarioResult> {
  const database = await createMigratedDatabase();
  const storageDir = mkdtempSync(join(tmpdir(), 'peduli-bench-ingest-'));
  const apiPort = await freePort();
  const api = startProcess('api', process.execPath, [...nodeFlagsOf('api'), ...profilingFlags(), join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: testServiceUrls().redis,
      QUEUE_PREFIX: uniqueQueuePrefix('bench-ingest'),
      STORAGE_DIR: storageDir,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      // Production binds metrics to a fixed port by default; a free one lets two runs share the machine.
      METRICS_PORT: '0',
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    },
  });
  const bare = await startBareNest();
  try {
    await waitForHttpOk(`http://127.0.0.1:${apiPort}/health/ready`, { timeoutMs: 30_000, process: api });
    const admin = await createTestUser(database.dataSource, { email: 'admin@bench.peduli.test', roles: [{ role: 'NATIONAL_ADMIN' }] });
    const token = await signIn(`http://127.0.0.1:${apiPort}`, admin.email);
    await seedNationalDataset(database.dataSource);
    // One unit's RANHAM draft per connection, in as many regencies/cities, so updates do not queue behind one row's lock.
    const drafts: { id: string }[] = await database.dataSource.query(
      `SELECT DISTINCT ON (region_code) id FROM submission WHERE programme = 'RANHAM' AND period_key = $1 ORDER BY region_code, id LIMIT $2`,
      [RANHAM_PERIOD_KEY, CONNECTIONS],
    );
    const measured = await load(
      `http://127.0.0.1:${apiPort}`,
      drafts.map((draft) => `/api/v1/submissions/${draft.id}`),
      { authorization: `Bearer ${token}` },
      (n) => JSON.stringify({ answers: { 'AKSI-2025-01': n % 101, 'AKSI-2025-02': (n * 7) % 101 } }),
      api.child.pid!,
    );
    await bare.ready();
    const baseline = await load(
      bare.url,
      drafts.map((draft) => `/bare/${draft.id}`),
      {},
      (n) => JSON.stringify({ answers: { 'AKSI-2025-01': n % 101, 'AKSI-2025-02': (n * 7) % 101 } }),
      bare.process.child.pid!,
    );
    return {
      value: measured.requestsPerSecond,
      unit: 'requests/s',
      baseline: baseline.requestsPerSecond,
      ratio: measured.requestsPerSecond / baseline.requestsPerSecond,
      p99Ms: measured.p99Ms,
      p50Ms: measured.p50Ms,
      baselineP99Ms: baseline.p99Ms,
      apiCpuMsPerRequest: measured.cpuMsPerRequest,
      apiPeakRssMb: peakRssMb(api.child.pid!),
      baselineCpuMsPerRequest: baseline.cpuMsPerRequest,
      requests: measured.total,
      connections: CONNECTIONS,
      seconds: SECONDS,
    };
  } finally {
    await api.stop(20_000);
    await bare.process.stop(5000);
    await database.drop();
    rmSync(storageDir, { recursive: true, force: true });
  }
}
