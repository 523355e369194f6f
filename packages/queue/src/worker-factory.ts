import { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_WORKER_OPTIONS } from './defaults';
import { JobName, JobPayloads, QueueName } from './names';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], job: Job<JobPayloads[N]>) => Promise<unknown>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

export interface WorkerSettings {
  connection: Redis;
  prefix: string;
  concurrency: number;
}

export class UnknownJobError extends Error {}

/** A BullMQ worker that dispatches each job by name to its typed handler. */
export function createQueueWorker(queue: QueueName, handlers: JobHandlers, settings: WorkerSettings): Worker {
  return new Worker(
    queue,
    async (job: Job) => {
      const handler = handlers[job.name as JobName] as JobHandler<JobName> | undefined;
      if (!handler) throw new UnknownJobError(`queue ${queue} has no handler for job "${job.name}"`);
      return handler(job.data, job);
    },
    {
      connection: settings.connection,
      prefix: settings.prefix,
      concurrency: settings.concurrency,
      autorun: false,
      ...DEFAULT_WORKER_OPTIONS,
    },
  );
}
