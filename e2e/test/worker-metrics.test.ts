import { eventually, testServiceUrls } from '@peduli/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Role, ROLES, RunningSystem, startSystem } from './system';

/** Every worker process serves Prometheus metrics on its health port: its queue, its jobs' durations, its memory. */
describe('worker metrics are scraped from every process', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  const scrape = async (role: Role) => {
    const response = await fetch(system.healthUrls[role].replace('/health/ready', '/metrics'));
    expect(response.status).toBe(200);
    return response.text();
  };

  it('reports each worker’s own queue and memory, and the duration of the jobs it ran', async () => {
    const queueOf: Partial<Record<Role, string>> = { 'document-worker': 'documents', 'scoring-worker': 'scoring', 'reminder-worker': 'reminders', 'report-worker': 'reports' };
    for (const role of Object.keys(ROLES) as Role[]) {
      if (role === 'api') continue;
      const text = await scrape(role);
      expect(text).toContain(`peduli_process_resident_memory_bytes{service="${role}"}`);
      expect(text).toMatch(new RegExp(`^peduli_queue_jobs\\{queue="${queueOf[role]}",state="failed",service="${role}"\\} 0$`, 'm'));
      expect(text).toMatch(/^peduli_outbox_lag_seconds\{service="[a-z-]+"\} \d/m);
    }

    // A deadline set through the API makes the reminder worker plan: the job shows in its duration histogram.
    const [version] = await system.database.dataSource.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const headers = { authorization: `Bearer ${system.token}`, 'content-type': 'application/json' };
    const created = await fetch(`${system.apiUrl}/api/v1/cycles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ programme: 'RANHAM', year: 2098, label: 'RANHAM 2098', frameworkVersionId: version.id }),
    });
    const { cycle } = (await created.json()) as { cycle: { id: string } };
    expect((await fetch(`${system.apiUrl}/api/v1/cycles/${cycle.id}/periods/B08`, { method: 'PUT', headers, body: JSON.stringify({ deadlineDate: '2098-09-06' }) })).status).toBe(200);
    const planned = await eventually(
      'the plan job is counted',
      async () => {
        const line = (await scrape('reminder-worker')).split('\n').find((l) => l.startsWith('peduli_job_duration_seconds_count{') && l.includes('job="reminders.plan_requested",outcome="completed"'));
        return line ? Number(line.split(' ').pop()) : undefined;
      },
      20_000,
    );
    expect(planned).toBe(1);
  });

  it('reads a worker’s queue and database gauges at most once per 15 s, however often it is scraped', async () => {
    const delayed = async () => {
      const text = await scrape('scoring-worker');
      return Number(/^peduli_queue_jobs\{queue="scoring",state="delayed",service="scoring-worker"\} (\d+)$/m.exec(text)?.[1]);
    };
    const before = await delayed();
    expect(Number.isInteger(before)).toBe(true);
    const connection = new Redis(system.env.REDIS_URL ?? testServiceUrls().redis, { maxRetriesPerRequest: null });
    const queue = new Queue('scoring', { connection, prefix: system.queuePrefix });
    // A job due in an hour: Redis counts it at once, the cached gauge does not until its window has passed.
    const job = await queue.add('cache-probe', {}, { delay: 3_600_000 });
    try {
      expect(await queue.getDelayedCount()).toBe(before + 1);
      for (let i = 0; i < 5; i += 1) expect(await delayed()).toBe(before);
    } finally {
      await job.remove();
      await queue.close();
      connection.disconnect();
    }
  });
});
