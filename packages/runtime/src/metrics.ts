import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

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

  constructor(readonly service: string) {
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

  /** A gauge set from elsewhere (Redis, Postgres) each time the metrics are scraped. */
  gauge<L extends string>(name: string, help: string, labelNames: L[], read: (gauge: Gauge<L>) => Promise<void>): Gauge<L> {
    const gauge = new Gauge<L>({ name, help, labelNames, registers: [this.registry] });
    this.scrapeHooks.push(async () => {
      gauge.reset();
      await read(gauge);
    });
    return gauge;
  }

  /** The text exposition; a source that cannot be read leaves its gauge empty rather than failing the scrape. */
  async render(): Promise<{ contentType: string; body: string }> {
    await Promise.all(this.scrapeHooks.map((hook) => hook().catch(() => undefined)));
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
