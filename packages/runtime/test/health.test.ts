import { runHealthChecks, startHealthServer } from '../src';

describe('runHealthChecks', () => {
  it('is ok only when every check passes, and names the failing one with its error', async () => {
    expect(await runHealthChecks({ a: async () => undefined, b: async () => undefined })).toEqual({
      status: 'ok',
      checks: { a: { status: 'up' }, b: { status: 'up' } },
    });
    const report = await runHealthChecks({
      database: async () => undefined,
      redis: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
    });
    expect(report).toEqual({
      status: 'error',
      checks: { database: { status: 'up' }, redis: { status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:6379' } },
    });
  });

  it('fails a check that hangs, after the timeout', async () => {
    const started = Date.now();
    const report = await runHealthChecks({ stuck: () => new Promise(() => undefined) }, 150);
    expect(Date.now() - started).toBeLessThan(5000); // loose: only a hang or a far longer wait can fail it
    expect(report.checks.stuck).toEqual({ status: 'down', error: 'stuck did not answer within 150 ms' });
  });
});

describe('startHealthServer', () => {
  it('answers liveness, readiness (200 or 503), 404 and 405, and reports not ready while shutting down', async () => {
    let redisUp = true;
    let shuttingDown = false;
    const server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      isShuttingDown: () => shuttingDown,
      checks: {
        redis: async () => {
          if (!redisUp) throw new Error('Redis did not answer PONG');
        },
      },
    });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      redisUp = false;
      const down = await fetch(`${base}/health/ready`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'error', checks: { redis: { status: 'down', error: 'Redis did not answer PONG' } } });
      redisUp = true;
      shuttingDown = true;
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});
