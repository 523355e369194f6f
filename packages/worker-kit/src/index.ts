import { loadConfigOrExit } from '@peduli/config';
import { createDataSource } from '@peduli/db';
import {
  createQueueWorker,
  createRedisConnection,
  JobHandlers,
  OutboxRelay,
  QueueName,
  QueueRegistry,
  registerOperationalMetrics,
  retryPolicyFrom,
} from '@peduli/queue';
import { createLogger, databaseCheck, handleShutdown, Logger, ProcessMetrics, redisCheck, startHealthServer } from '@peduli/runtime';
import type { Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';

/** What every worker's handlers get: the database, the outbox relay to nudge after a commit, a logger. */
export interface WorkerContext<C> {
  config: C;
  dataSource: DataSource;
  relay: OutboxRelay;
  /** For handlers that add jobs themselves (e.g. a recalculation's flow) rather than through the outbox. */
  queues: QueueRegistry;
  logger: Logger;
  /** The process's Prometheus metrics, served on the health port at /metrics. */
  metrics: ProcessMetrics;
}

type WorkerBaseConfig = {
  LOG_LEVEL: string;
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  OUTBOX_SWEEP_INTERVAL_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  HEALTH_PORT: number;
  HEALTH_HOST: string;
  WORKER_CONCURRENCY: number;
  JOB_RETRY_BASE_MS: number;
  JOB_RETRY_MAX_DELAY_MS: number;
  JOB_RETRY_WINDOW_MS: number;
};

export interface WorkerDefinition<S extends z.ZodObject> {
  role: string;
  queue: QueueName;
  configSchema: S;
  handlers(context: WorkerContext<z.infer<S>>): Promise<JobHandlers> | JobHandlers;
  /** Database connections beyond one per concurrent job, e.g. for a sender that updates a row per SMTP lane. */
  extraConnections?(config: z.infer<S>): number;
  /** Extra readiness checks (e.g. the SMTP server) and extra resources to close on shutdown. */
  extraChecks?(context: WorkerContext<z.infer<S>>): Record<string, () => Promise<void>>;
  onShutdown?(context: WorkerContext<z.infer<S>>): Promise<void>;
}

export interface RunningWorker {
  worker: Worker;
  healthPort: number;
}

/**
 * One worker process: reads its configuration (or refuses to start), connects, serves probes, consumes its queue,
 * and relays the outbox events its handlers write. SIGTERM lets in-flight jobs finish (BullMQ's close waits for
 * them); a job cut off by SIGKILL is found stalled and retried by another worker.
 */
export async function runWorker<S extends z.ZodObject>(definition: WorkerDefinition<S>): Promise<RunningWorker> {
  const config = loadConfigOrExit(definition.role, definition.configSchema) as z.infer<S> & WorkerBaseConfig;
  const logger = createLogger(definition.role, config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: String(reason) }, 'unhandled rejection'));

  const dataSource = await createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.WORKER_CONCURRENCY + 2 + (definition.extraConnections?.(config) ?? 0),
    applicationName: `peduli-${definition.role}`,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  }).initialize();
  const workerConnection = createRedisConnection(config.REDIS_URL, 'worker', definition.role);
  const producerConnection = createRedisConnection(config.REDIS_URL, 'producer', definition.role);
  const retry = retryPolicyFrom(config);
  const queues = new QueueRegistry(producerConnection, config.QUEUE_PREFIX, retry);
  const relay = new OutboxRelay(dataSource, queues, logger, { sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS });
  const metrics = new ProcessMetrics(definition.role);
  registerOperationalMetrics(metrics, { dataSource, queues, queueNames: [definition.queue] });
  const context: WorkerContext<z.infer<S>> = { config, dataSource, relay, queues, logger, metrics };

  const worker = createQueueWorker(definition.queue, await definition.handlers(context), {
    connection: workerConnection,
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    retry,
  });
  worker.on('active', (job) => logger.debug({ jobId: job.id, job: job.name }, 'job started'));
  const observe = (job: { name: string; processedOn?: number } | undefined, outcome: 'completed' | 'failed') => {
    if (job?.processedOn) metrics.jobDuration.observe({ queue: definition.queue, job: job.name, outcome }, (Date.now() - job.processedOn) / 1000);
  };
  worker.on('completed', (job, result) => {
    observe(job, 'completed');
    logger.info({ jobId: job.id, job: job.name, result, ms: Date.now() - (job.processedOn ?? Date.now()) }, 'job completed');
  });
  worker.on('failed', (job, error) => {
    observe(job, 'failed');
    logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error.message }, 'job failed');
  });
  worker.on('error', (error) => logger.error({ err: error.message }, 'worker error'));

  const isShuttingDown = handleShutdown(logger, () => [
    ['worker', () => worker.close()],
    ['relay', () => relay.stop()],
    ['extra', () => definition.onShutdown?.(context) ?? Promise.resolve()],
    ['health', () => health.close()],
    ['queues', () => queues.close()],
    ['redis', async () => { workerConnection.disconnect(); producerConnection.disconnect(); }],
    ['database', () => dataSource.destroy()],
  ]);

  const health = await startHealthServer({
    port: config.HEALTH_PORT,
    host: config.HEALTH_HOST,
    isShuttingDown,
    metrics,
    checks: {
      database: databaseCheck(dataSource),
      redis: redisCheck(workerConnection),
      worker: async () => {
        if (!worker.isRunning()) throw new Error('the queue worker is not running');
      },
      ...(definition.extraChecks?.(context) ?? {}),
    },
  });

  relay.start();
  void worker.run().catch((error) => logger.fatal({ err: String(error) }, 'worker stopped unexpectedly'));
  logger.info({ queue: definition.queue, healthPort: health.port, concurrency: config.WORKER_CONCURRENCY }, 'worker ready');
  return { worker, healthPort: health.port };
}

/** Runs a worker process, or reports why it could not start and exits non-zero. */
export function startWorker<S extends z.ZodObject>(definition: WorkerDefinition<S>): void {
  runWorker(definition).catch((error: unknown) => {
    console.error(JSON.stringify({ level: 'fatal', service: definition.role, msg: 'failed to start', err: String(error) }));
    process.exit(1);
  });
}
