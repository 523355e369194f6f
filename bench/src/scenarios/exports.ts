import { createApp } from '@peduli/api';
import { apiConfigSchema, loadConfig } from '@peduli/config';
import { createMigratedDatabase, createTestUser, liveMemoryBytes, settledLiveMemoryBytes, signIn, testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScenarioResult } from '../results';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 200_000);
const SAMPLE_MS = 100;

/**
 * Samples live memory (heap and buffers right after a forced collection, so garbage not yet collected does not count)
 * while `work` runs; returns the peak above the settled level at the start, in MB. The start is settled (the least of
 * a few samples) because the memory of Buffers is given back only after the collection that finds them: a single
 * sample there counted the previous run's garbage and could leave the growth at zero.
 */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const start = await settledLiveMemoryBytes();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, liveMemoryBytes())), SAMPLE_MS);
  try {
    const result = await work();
    peak = Math.max(peak, liveMemoryBytes());
    return { result, peakMb: (peak - start) / 1_048_576 };
  } finally {
    clearInterval(timer);
  }
}

/** Forced collections slow the work they watch, so speed is timed in a run of its own. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

/**
 * `exports`: the audit trail of 200,000 entries downloaded as CSV through the API (in this process, so its memory is
 * what is sampled), against the naive way: one query for every row, the whole CSV built as one string. Value and
 * baseline are rows per second; the peak growth of live memory of each, measured in a second run, is reported beside:
 * streaming must stay flat however many rows there are.
 */
export async function exportsScenario(): Promise<ScenarioResult> {
  const database = await createMigratedDatabase();
  const storageDir = mkdtempSync(join(tmpdir(), 'peduli-bench-storage-'));
  const db = database.dataSource;
  await db.query(
    `INSERT INTO audit_entry (actor_type, actor_id, action, entity_type, entity_id, after, occurred_at)
     SELECT 'USER', gen_random_uuid()::text, 'submission.updated', 'submission', gen_random_uuid()::text,
            jsonb_build_object('answers', jsonb_build_object('K1.1', n, 'K1.2', 'ya'), 'note', repeat('catatan ', 8)),
            now() - make_interval(secs => n)
       FROM generate_series(1, $1) AS n`,
    [ROWS],
  );
  await db.query('ANALYZE audit_entry');
  const config = loadConfig('api', apiConfigSchema, {
    DATABASE_URL: database.url,
    REDIS_URL: testServiceUrls().redis,
    QUEUE_PREFIX: uniqueQueuePrefix('bench-exports'),
    STORAGE_DIR: storageDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const admin = await createTestUser(db, { email: 'admin@bench.peduli.test', roles: [{ role: 'NATIONAL_ADMIN' }] });
    const token = await signIn(baseUrl, admin.email);
    const from = new Date(Date.now() - (ROWS + 3600) * 1000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();

    // Signing in is audited too: count what the export should hold.
    const [{ n: entries }] = await db.query(`SELECT count(*)::int AS n FROM audit_entry`);
    const download = async () => {
      const response = await fetch(`${baseUrl}/api/v1/exports/audit?format=csv&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok || !response.body) throw new Error(`exports: ${response.status} ${await response.text()}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body) {
        bytes += chunk.byteLength;
        for (const byte of chunk) if (byte === 10) lines++;
      }
      return { bytes, lines };
    };
    const streamed = await timed(download);
    const streamedMemory = await peakGrowth(download);
    if (streamed.result.lines !== entries + 1) throw new Error(`exports: expected ${entries + 1} lines, got ${streamed.result.lines}`);

    const naiveExport = async () => {
      const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM audit_entry ORDER BY occurred_at, id`);
      const csv = rows.map((row) => Object.values(row).map((value) => JSON.stringify(value ?? '')).join(',')).join('\r\n');
      return { bytes: Buffer.byteLength(csv), lines: rows.length };
    };
    const naive = await timed(naiveExport);
    const naiveMemory = await peakGrowth(naiveExport);

    const value = entries / streamed.seconds;
    const baseline = entries / naive.seconds;
    return {
      value,
      unit: 'rows/s',
      baseline,
      ratio: value / baseline,
      auditEntries: entries,
      megabytes: streamed.result.bytes / 1_048_576,
      seconds: streamed.seconds,
      peakMemoryGrowthMb: streamedMemory.peakMb,
      baselineSeconds: naive.seconds,
      baselinePeakMemoryGrowthMb: naiveMemory.peakMb,
    };
  } finally {
    await app.close();
    await database.drop();
    rmSync(storageDir, { recursive: true, force: true });
  }
}
