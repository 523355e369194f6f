import { Queue } from 'bullmq';
import { RunningRedis, startPrivateRedis } from '@peduli/devservices';
import { QueueName } from '@peduli/queue';
import { eventually } from '@peduli/testkit';
import { Redis } from 'ioredis';
import { startTestApi, TestApi } from './support';

describe('the API while Redis is down', () => {
  let redis: RunningRedis;
  let api: TestApi;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    api = await startTestApi({ REDIS_URL: redis.url, OUTBOX_SWEEP_INTERVAL_MS: '200' });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('still accepts submissions, reports not ready, and delivers every event once Redis is back', async () => {
    await redis.stop();

    const ids: string[] = [];
    // Five regencies/cities of Kalimantan Timur: each files one current RANHAM report per period.
    for (const regionCode of ['64.71', '64.72', '64.74', '64.01', '64.02']) {
      const created = await api.post('/api/v1/submissions', { regionCode, programme: 'RANHAM', periodKey: '2026-B12' });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const started = Date.now();
      const submitted = await api.post(`/api/v1/submissions/${id}/submit`, {});
      expect(submitted.status).toBe(200);
      // The request does not wait for Redis: waiting would mean until Redis is back, which here is never. The bound is
      // loose on purpose, so a busy machine cannot fail it; it still catches a wait for a connect timeout.
      expect(Date.now() - started).toBeLessThan(10_000);
      ids.push(id);
    }

    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, { status: string }> }).checks.redis.status).toBe('down');

    const [pending] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
    expect(pending.n).toBe(5);

    redis = await startPrivateRedis({ port: redis.port });
    await eventually('the sweep publishes every pending event', async () => {
      const [row] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
      return row.n === 0 ? true : undefined;
    });

    const connection = new Redis(redis.url);
    const queue = new Queue(QueueName.Documents, { connection, prefix: api.queuePrefix });
    try {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active']);
      expect(jobs.map((job) => (job.data as { submissionId: string }).submissionId).sort()).toEqual([...ids].sort());
    } finally {
      await queue.close();
      connection.disconnect();
    }
    expect((await fetch(`${api.baseUrl}/health/ready`)).status).toBe(200);
  });
});
