import { DelayedError, Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { cappedBackoff, DEFAULT_RETRY_POLICY, DEFAULT_WORKER_OPTIONS, RetryPolicy } from './defaults';
import { JobName, JobPayloads, QueueName } from './names';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], job: Job<JobPayloads[N]>) => Promise<unknown>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

export interface WorkerSettings {
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** The cap of the backoff between attempts; the same policy as the producers'. */
  retry?: RetryPolicy;
}

export class UnknownJobError extends Error {}

/**
 * Thrown by a handler that cannot do its work yet, but knows when it can: something it needs is held until `at` (a
 * lease of a sender that may have died). The job waits in the delayed set until then, without using up an attempt,
 * since nothing failed.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly at: Date,
    message: string,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** A BullMQ worker that dispatches each job by name to its typed handler. */
export function createQueueWorker(queue: QueueName, handlers: JobHandlers, settings: WorkerSettings): Worker {
  return new Worker(
    queue,
    async (job: Job, token?: string) => {
      const handler = handlers[job.name as JobName] as JobHandler<JobName> | undefined;
      if (!handler) throw new UnknownJobError(`queue ${queue} has no handler for job "${job.name}"`);
      try {
        return await handler(job.data, job);
      } catch (error) {
        if (!(error instanceof RetryLaterError)) throw error;
        await job.moveToDelayed(Math.max(error.at.getTime(), Date.now()), token);
        throw new DelayedError(error.message);
      }
    },
    {
      connection: settings.connection,
      prefix: settings.prefix,
      concurrency: settings.concurrency,
      autorun: false,
      ...DEFAULT_WORKER_OPTIONS,
      settings: { backoffStrategy: cappedBackoff(settings.retry ?? DEFAULT_RETRY_POLICY) },
    },
  );
}
