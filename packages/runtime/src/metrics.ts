import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * How long gauges read from Postgres or Redis keep their values. Scrapers (several Prometheus replicas, a dashboard
 * refreshing, someone hammering the endpoint) then cost at most one round of queries per window, whatever their rate.
 */
export const DEFAULT_GAUGE_CACHE_MS = 15_000;

export interface ProcessMetricsOptions {
  /** How long values read on scrape are reused; 0 reads them on every scrape. */
  gaugeCacheMs?: number;
  /** Clock in milliseconds, replaceable in tests. */
  now?: () => number;
}

/** Seconds buckets from 5 ms to 30 s: API requests sit at the low end, recalculations and SMTP at the high end. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * One Prometheus registry per process, labelled with the process's role, with Node's own metrics (memory, event-loop
 * lag, GC) and the metrics every Peduli process shares. Gauges whose value lives elsewhere (queue depth, outbox lag,
 * reminders by status) are read when scraped, through `onScrape`.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly jobDuration: Histogram<'queue' | 'job' | 'outcome'>;
  readonly remindersDelivered: Counter<'outcome'>;
  private readonly scrapeHooks: (() => Promise<void>)[] = [];
  private readonly gaugeCacheMs: number;
  private readonly now: () => number;

  constructor(
    readonly service: string,
    options: ProcessMetricsOptions = {},
  ) {
    this.gaugeCacheMs = options.gaugeCacheMs ?? DEFAULT_GAUGE_CACHE_MS;
    this.now = options.now ?? Date.now;
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'peduli_' });
    this.httpDuration = new Histogram({
      name: 'peduli_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'peduli_job_duration_seconds',
      help: 'Time a worker spent on one job, by queue, job name and outcome (completed or failed)',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.remindersDelivered = new Counter({
      name: 'peduli_reminders_delivered_total',
      help: 'Reminders this process handed to SMTP or gave up on, by outcome (sent, failed, skipped, retrying)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
  }

  /**
   * A gauge set from elsewhere (Redis, Postgres) when the metrics are scraped, at most once per cache window: scrapes
   * within it see the values of the last read, and simultaneous scrapes share one read in flight.
   */
  gauge<L extends string>(name: string, help: string, labelNames: L[], read: (gauge: Gauge<L>) => Promise<void>): Gauge<L> {
    const gauge = new Gauge<L>({ name, help, labelNames, registers: [this.registry] });
    let readAt: number | undefined;
    let reading: Promise<void> | undefined;
    this.scrapeHooks.push(() => {
      if (reading) return reading;
      if (readAt !== undefined && this.now() - readAt < this.gaugeCacheMs) return Promise.resolve();
      // A failed read counts too, so an outage is not met with a query per scrape.
      readAt = this.now();
      reading = (async () => {
        gauge.reset();
        await read(gauge);
      })().finally(() => {
        reading = undefined;
      });
      return reading;
    });
    return gauge;
  }

  /** The text exposition; a source that cannot be read leaves its gauge empty rather than failing the scrape. */
  async render(): Promise<{ contentType: string; body: string }> {
    await Promise.all(this.scrapeHooks.map((hook) => hook().catch(() => undefined)));
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
