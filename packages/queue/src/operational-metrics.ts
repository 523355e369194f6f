import { OutboxEvent, RecalculationItemStatus, RecalculationStatus } from '@peduli/db';
import type { ProcessMetrics } from '@peduli/runtime';
import type { DataSource } from 'typeorm';
import { QueueName } from './names';
import { QueueRegistry } from './queue-registry';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/**
 * The gauges of the system's asynchronous side, read on each scrape: jobs per queue and state (Redis), the age of the
 * oldest unpublished outbox event, reminders by status, and the progress of running recalculations (Postgres). Each
 * process reports the queues it works on; the API reports them all.
 */
export function registerOperationalMetrics(metrics: ProcessMetrics, sources: { dataSource: DataSource; queues: QueueRegistry; queueNames: QueueName[] }): void {
  const { dataSource, queues, queueNames } = sources;
  metrics.gauge('peduli_queue_jobs', 'Jobs per queue and state (waiting, active, delayed, failed, …)', ['queue', 'state'], async (gauge) => {
    for (const name of queueNames) {
      const counts = await queues.queue(name).getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES) gauge.set({ queue: name, state }, counts[state] ?? 0);
    }
  });
  metrics.gauge('peduli_outbox_lag_seconds', 'Age of the oldest outbox event not yet published to its queue (0 when none)', [], async (gauge) => {
    const table = dataSource.getRepository(OutboxEvent).metadata.tableName;
    const [row] = await dataSource.query(`SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS lag FROM ${table} WHERE published_at IS NULL`);
    gauge.set(Number(row.lag));
  });
  metrics.gauge('peduli_reminders', 'Reminders in the ledger by status', ['status'], async (gauge) => {
    const rows: { status: string; n: number }[] = await dataSource.query(`SELECT status, count(*)::int AS n FROM reminder GROUP BY status`);
    for (const row of rows) gauge.set({ status: row.status }, row.n);
  });
  metrics.gauge('peduli_recalculation_items', 'Items of unfinished recalculation runs by state (PENDING, DONE, FAILED)', ['run', 'state'], async (gauge) => {
    const rows: { run_id: string; status: string; n: number }[] = await dataSource.query(
      `SELECT i.run_id, i.status, count(*)::int AS n FROM recalculation_item i JOIN recalculation_run r ON r.id = i.run_id
        WHERE r.status <> $1 GROUP BY i.run_id, i.status`,
      [RecalculationStatus.FINISHED],
    );
    for (const row of rows) gauge.set({ run: row.run_id, state: row.status as RecalculationItemStatus }, row.n);
  });
}
