import { createTestUser, signIn } from '@peduli/testkit';
import { DataSource } from 'typeorm';
import { MetricsServer } from '../src/operations/metrics-server';
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

  const metricsUrl = () => `http://127.0.0.1:${api.app.get(MetricsServer).port}/metrics`;
  const scrape = async () => {
    const response = await fetch(metricsUrl());
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

  it('counts the reminders in the ledger by status, reading the table at most once per 15 s', async () => {
    const text = await scrape();
    const failed = sample(text, /^peduli_reminders\{.*status="FAILED"/);
    const [row] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE status = 'FAILED'`);
    expect(failed).toBe(row.n);

    // Another failed reminder, then scrapes in a burst: within the cache window the count is the one already read.
    await api.database.dataSource.query(`INSERT INTO reminder (period_id, recipient_user_id, recipient_email, kind, slot, deadline_at, time_zone, region_code, send_at, expires_at, status)
       SELECT period_id, recipient_user_id, recipient_email, kind, 'D-3', deadline_at, time_zone, region_code, send_at, expires_at, status FROM reminder LIMIT 1`);
    const query = jest.spyOn(api.app.get(DataSource), 'query');
    try {
      const burst = await Promise.all(Array.from({ length: 10 }, () => scrape()));
      for (const text of burst) expect(sample(text, /^peduli_reminders\{.*status="FAILED"/)).toBe(row.n);
      expect(query.mock.calls.filter(([sql]) => /FROM reminder GROUP BY status/.test(sql))).toEqual([]);
    } finally {
      query.mockRestore();
    }
  });

  it('serves metrics on their own port only, not on the API port the ingress publishes', async () => {
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(404);
    expect(api.app.get(MetricsServer).port).not.toBe(Number(new URL(api.baseUrl).port));
    expect((await fetch(metricsUrl().replace('/metrics', '/api/v1/regions'))).status).toBe(404);
  });

  describe('the queue dashboard', () => {
    const board = `/admin/queues`;
    const startSession = (headers: Record<string, string>, body?: string) =>
      fetch(`${api.baseUrl}${board}/session`, { method: 'POST', headers, body, redirect: 'manual' });

    it('is for national admins only, and a signed-out browser gets a form that posts the token', async () => {
      expect((await fetch(`${api.baseUrl}${board}`)).status).toBe(401);
      const page = await fetch(`${api.baseUrl}${board}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(401);
      const html = await page.text();
      expect(html).toContain('<form method="post" action="/admin/queues/session">');
      expect(html).toContain('name="token"');

      expect((await startSession({ authorization: 'Bearer forged.jwt.value' })).status).toBe(401);
      const coordinator = await createTestUser(api.database.dataSource, { email: 'koordinator.ops@peduli.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] });
      const coordinatorToken = await signIn(api.baseUrl, coordinator.email);
      const refused = await startSession({ authorization: `Bearer ${coordinatorToken}` });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect((await fetch(`${api.baseUrl}${board}/api/queues`, { headers: { cookie: `peduli_queue_board=${coordinatorToken}` } })).status).toBe(403);
    });

    it('no longer accepts a token in the URL', async () => {
      const response = await fetch(`${api.baseUrl}${board}?token=${api.adminToken}`, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(((await response.json()) as { message: string }).message).toContain('POST /admin/queues/session');
    });

    it('exchanges a Bearer token, by POST, for an HttpOnly SameSite=Strict cookie scoped to the dashboard', async () => {
      const session = await startSession({ authorization: `Bearer ${api.adminToken}` });
      expect(session.status).toBe(204);
      const cookie = session.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^peduli_queue_board=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict$/);
      const pair = cookie.split(';')[0];
      const page = await fetch(`${api.baseUrl}${board}`, { headers: { cookie: pair } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<!DOCTYPE html>');
      const queues = await fetch(`${api.baseUrl}${board}/api/queues`, { headers: { cookie: pair } });
      expect(queues.status).toBe(200);
      const { queues: list } = (await queues.json()) as { queues: { name: string }[] };
      expect(list.map((queue) => queue.name).sort()).toEqual(['documents', 'reminders', 'reports', 'scoring']);
    });

    it('takes the token from the form and sends the browser on to the dashboard', async () => {
      const session = await startSession(
        { 'content-type': 'application/x-www-form-urlencoded', origin: api.baseUrl },
        new URLSearchParams({ token: api.adminToken }).toString(),
      );
      expect(session.status).toBe(303);
      expect(session.headers.get('location')).toBe(board);
      expect(session.headers.get('set-cookie')).toMatch(/^peduli_queue_board=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict$/);
      const fromElsewhere = await startSession(
        { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        new URLSearchParams({ token: api.adminToken }).toString(),
      );
      expect(fromElsewhere.status).toBe(403);
      expect(fromElsewhere.headers.get('set-cookie')).toBeNull();
    });

    it('marks the cookie Secure when the request came over TLS through the trusted proxy', async () => {
      const session = await startSession({ authorization: `Bearer ${api.adminToken}`, 'x-forwarded-proto': 'https' });
      expect(session.status).toBe(204);
      expect(session.headers.get('set-cookie')).toMatch(/; Secure(;|$)/);
    });
  });
});
