import { ProcessMetrics, startMetricsServer } from '../src';

/** A gauge whose source counts how often it is read, on a clock the test moves. */
function countingMetrics() {
  let now = 1_000_000;
  let reads = 0;
  let value = 1;
  const metrics = new ProcessMetrics('test', { now: () => now });
  metrics.gauge('peduli_test_rows', 'rows', [], async (gauge) => {
    reads += 1;
    gauge.set(value);
  });
  return {
    metrics,
    reads: () => reads,
    advance: (ms: number) => void (now += ms),
    setValue: (next: number) => void (value = next),
    scrape: async () => Number(/^peduli_test_rows\{service="test"\} (\d+)$/m.exec((await metrics.render()).body)?.[1]),
  };
}

describe('gauges read on scrape are cached', () => {
  it('reads the source at most once per 15 s window, whatever the scrape rate', async () => {
    const probe = countingMetrics();
    expect(await probe.scrape()).toBe(1);
    probe.setValue(2);
    for (let i = 0; i < 20; i += 1) {
      probe.advance(500);
      expect(await probe.scrape()).toBe(1);
    }
    expect(probe.reads()).toBe(1);
    probe.advance(5_000); // 15 s after the first read
    expect(await probe.scrape()).toBe(2);
    expect(probe.reads()).toBe(2);
  });

  it('shares one read between simultaneous scrapes', async () => {
    const probe = countingMetrics();
    await Promise.all(Array.from({ length: 10 }, () => probe.scrape()));
    expect(probe.reads()).toBe(1);
  });

  it('does not retry a failing source on every scrape', async () => {
    let reads = 0;
    const metrics = new ProcessMetrics('test', { now: () => 0 });
    metrics.gauge('peduli_test_down', 'down', [], async () => {
      reads += 1;
      throw new Error('database down');
    });
    await metrics.render();
    await metrics.render();
    expect(reads).toBe(1);
  });

  it('reads on every scrape when the cache is off', async () => {
    let reads = 0;
    const metrics = new ProcessMetrics('test', { gaugeCacheMs: 0 });
    metrics.gauge('peduli_test_live', 'live', [], async (gauge) => void gauge.set(++reads));
    await metrics.render();
    await metrics.render();
    expect(reads).toBe(2);
  });
});

describe('startMetricsServer', () => {
  it('serves GET /metrics only', async () => {
    const metrics = new ProcessMetrics('api');
    const server = await startMetricsServer({ port: 0, host: '127.0.0.1', metrics });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toContain('peduli_process_resident_memory_bytes{service="api"}');
      expect((await fetch(`${base}/health`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
