import { createTestUser, signIn } from '@peduli/testkit';
import { startTestApi, TestApi } from './support';

describe('operations: metrics and the queue dashboard', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The relay sweeps rarely here, so an event written straight into the outbox stays unpublished and shows as lag.
    api = await startTestApi({ OUTBOX_SWEEP_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await api?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const sample = (text: string, pattern: RegExp) => {
    const line = text.split('\n').find((l) => !l.startsWith('#') && pattern.test(l));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  it('serves Prometheus metrics: request latency by route pattern, queue depth, outbox lag, reminders, process memory', async () => {
    expect((await api.get('/api/v1/regions')).status).toBe(200);
    await api.get('/api/v1/cycles/00000000-0000-4000-8000-000000000000/reminder-policy');
    await api.database.dataSource.query(`INSERT INTO outbox_event (event, payload, created_at) VALUES ('reminders.due', '{}', now() - interval '90 seconds')`);
    const [version] = await api.database.dataSource.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' LIMIT 1`);
    await api.database.dataSource.query(
      `WITH c AS (INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', 2026, 'RANHAM 2026', $1) RETURNING id)
       INSERT INTO reporting_period (cycle_id, code, deadline_date) SELECT id, 'B08', '2026-09-06' FROM c`,
      [version.id],
    );
    await api.database.dataSource.query(
      `INSERT INTO reminder (period_id, recipient_user_id, recipient_email, kind, slot, deadline_at, time_zone, region_code, send_at, expires_at, status)
       SELECT p.id, u.id, u.email, 'BEFORE_DEADLINE', 'D-7', now(), 'Asia/Jakarta', '32.73', now(), now(), 'FAILED'
         FROM user_account u, (SELECT id FROM reporting_period LIMIT 1) p LIMIT 1`,
    );
    const text = await scrape();
    expect(sample(text, /^peduli_http_request_duration_seconds_count\{.*route="\/api\/v1\/regions".*status="200"/)).toBe(1);
    // A 404 for an unknown cycle is counted under its route pattern, not the raw id.
    expect(text).toMatch(/route="\/api\/v1\/cycles\/:cycleId\/reminder-policy",status="404"/);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
    for (const queue of ['documents', 'scoring', 'reminders']) expect(sample(text, new RegExp(`^peduli_queue_jobs\\{.*queue="${queue}",state="waiting"`))).toBe(0);
    expect(sample(text, /^peduli_outbox_lag_seconds\{/)).toBeGreaterThanOrEqual(90);
    expect(text).toContain('peduli_process_resident_memory_bytes{service="api"}');
    expect(text).toContain('peduli_job_duration_seconds');
    expect(text).toContain('peduli_recalculation_items');
  });

  it('counts the reminders in the ledger by status', async () => {
    const text = await scrape();
    const failed = sample(text, /^peduli_reminders\{.*status="FAILED"/);
    const [row] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE status = 'FAILED'`);
    expect(failed).toBe(row.n);
  });

  it('shows the queue dashboard to national admins only, moving the token into a dashboard-only cookie', async () => {
    expect((await fetch(`${api.baseUrl}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${api.baseUrl}/admin/queues?token=forged.jwt.value`)).status).toBe(401);
    const coordinator = await createTestUser(api.database.dataSource, { email: 'koordinator.ops@peduli.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] });
    const coordinatorToken = await signIn(api.baseUrl, coordinator.email);
    expect((await fetch(`${api.baseUrl}/admin/queues?token=${coordinatorToken}`, { redirect: 'manual' })).status).toBe(403);

    const entry = await fetch(`${api.baseUrl}/admin/queues?token=${api.adminToken}`, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    expect(entry.headers.get('location')).toBe('/admin/queues');
    const cookie = entry.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^peduli_queue_board=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict/);
    const session = cookie.split(';')[0];
    const page = await fetch(`${api.baseUrl}/admin/queues`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<!DOCTYPE html>');
    const board = await fetch(`${api.baseUrl}/admin/queues/api/queues`, { headers: { cookie: session } });
    expect(board.status).toBe(200);
    const { queues } = (await board.json()) as { queues: { name: string }[] };
    expect(queues.map((queue) => queue.name).sort()).toEqual(['documents', 'reminders', 'scoring']);
    expect((await fetch(`${api.baseUrl}/admin/queues/api/queues`, { headers: { cookie: `peduli_queue_board=${coordinatorToken}` } })).status).toBe(403);
  });
});
