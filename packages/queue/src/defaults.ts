import type { JobsOptions, WorkerOptions } from 'bullmq';

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** A job whose worker died is picked up again after lockDuration; maxStalledCount lets it retry instead of failing. */
export const DEFAULT_WORKER_OPTIONS: Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> = {
  lockDuration: 30_000,
  stalledInterval: 15_000,
  maxStalledCount: 3,
};
