import type { BackoffStrategy, JobsOptions, WorkerOptions } from 'bullmq';

/**
 * How long and how often a failed job is tried again. The waits double from `baseMs` up to `maxDelayMs` and stay
 * there, and there are as many attempts as it takes for the waits to add up to `windowMs`: an outage of S3,
 * PostgreSQL or SMTP shorter than the window costs a delay, not a job. Tests scale all three down together.
 */
export interface RetryPolicy {
  baseMs: number;
  maxDelayMs: number;
  windowMs: number;
}

/** At least 30 minutes of outage, with a try every minute once the waits have grown (45 minutes, 51 attempts). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1000, maxDelayMs: 60_000, windowMs: 45 * 60_000 };

/** The name of the capped exponential backoff; workers made by createQueueWorker know it. */
export const CAPPED_BACKOFF = 'capped-exponential';

/** The wait after the `attemptsMade`-th failed attempt (1 for the first). */
export function retryDelayMs(policy: Pick<RetryPolicy, 'baseMs' | 'maxDelayMs'>, attemptsMade: number): number {
  return Math.min(policy.maxDelayMs, Math.round(policy.baseMs * 2 ** Math.max(0, attemptsMade - 1)));
}

/** Attempts whose waits in between add up to at least the policy's window. */
export function retryAttempts(policy: RetryPolicy): number {
  let attempts = 1;
  for (let waited = 0; waited < policy.windowMs; attempts++) waited += retryDelayMs(policy, attempts);
  return attempts;
}

/** The retry policy from a process's configuration (the JOB_RETRY_* variables every role reads). */
export function retryPolicyFrom(config: { JOB_RETRY_BASE_MS: number; JOB_RETRY_MAX_DELAY_MS: number; JOB_RETRY_WINDOW_MS: number }): RetryPolicy {
  return { baseMs: config.JOB_RETRY_BASE_MS, maxDelayMs: config.JOB_RETRY_MAX_DELAY_MS, windowMs: config.JOB_RETRY_WINDOW_MS };
}

export function jobOptions(policy: RetryPolicy = DEFAULT_RETRY_POLICY): JobsOptions {
  return {
    attempts: retryAttempts(policy),
    backoff: { type: CAPPED_BACKOFF, delay: policy.baseMs },
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = jobOptions();

/**
 * The worker's side of CAPPED_BACKOFF: the job carries its first wait (backoff.delay), the worker caps the doubling.
 * Unknown types fall through to BullMQ's built-in ones (a strategy is only asked for types it does not know).
 */
export function cappedBackoff(policy: Pick<RetryPolicy, 'baseMs' | 'maxDelayMs'> = DEFAULT_RETRY_POLICY): BackoffStrategy {
  return (attemptsMade, type, _error, job) => {
    if (type !== CAPPED_BACKOFF) throw new Error(`unknown backoff strategy "${type}"`);
    const configured = job?.opts.backoff;
    const baseMs = typeof configured === 'object' && configured.delay !== undefined ? configured.delay : policy.baseMs;
    return retryDelayMs({ baseMs, maxDelayMs: policy.maxDelayMs }, attemptsMade);
  };
}

export type StalledJobOptions = Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;

/** A job whose worker died is picked up again after lockDuration; maxStalledCount lets it retry instead of failing. */
export const PRODUCTION_WORKER_OPTIONS: StalledJobOptions = { lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3 };

/**
 * The stalled-job timings a process runs with. Tests that kill a worker mid-job would wait 30-45 s for BullMQ to take
 * the job back, so with NODE_ENV=test (and only then) QUEUE_LOCK_DURATION_MS and QUEUE_STALLED_INTERVAL_MS shorten
 * them; anywhere else the production values hold whatever the environment says.
 */
export function workerOptionsFrom(env: NodeJS.ProcessEnv): StalledJobOptions {
  if (env.NODE_ENV !== 'test') return PRODUCTION_WORKER_OPTIONS;
  const ms = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1000) throw new Error(`${name} must be a whole number of milliseconds, at least 1000 (got "${raw}")`);
    return value;
  };
  const lockDuration = ms('QUEUE_LOCK_DURATION_MS', PRODUCTION_WORKER_OPTIONS.lockDuration!);
  const stalledInterval = ms('QUEUE_STALLED_INTERVAL_MS', PRODUCTION_WORKER_OPTIONS.stalledInterval!);
  return { ...PRODUCTION_WORKER_OPTIONS, lockDuration, stalledInterval };
}

export const DEFAULT_WORKER_OPTIONS: StalledJobOptions = workerOptionsFrom(process.env);
