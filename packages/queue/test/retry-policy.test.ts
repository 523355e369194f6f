import { testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import { Job, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  createQueueWorker,
  createRedisConnection,
  DEFAULT_JOB_OPTIONS,
  DEFAULT_RETRY_POLICY,
  JobName,
  QueueName,
  QueueRegistry,
  retryAttempts,
  retryDelayMs,
  RetryPolicy,
} from '../src';

/** The total of the waits between a job's attempts: how long an outage it outlasts. */
function retryWindowMs(policy: RetryPolicy, attempts: number): number {
  let total = 0;
  for (let attempt = 1; attempt < attempts; attempt++) total += retryDelayMs(policy, attempt);
  return total;
}

describe('job retries cover long outages with a capped backoff', () => {
  it('by default retries for at least 30 minutes, never waiting more than a minute between attempts', () => {
    const attempts = DEFAULT_JOB_OPTIONS.attempts!;
    expect(attempts).toBe(retryAttempts(DEFAULT_RETRY_POLICY));
    expect(retryWindowMs(DEFAULT_RETRY_POLICY, attempts)).toBeGreaterThanOrEqual(30 * 60_000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1)).toBe(1000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 7)).toBe(60_000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, attempts - 1)).toBe(60_000);
    // The former options (8 attempts, doubling from 1 s) gave up after about two minutes.
    expect(retryWindowMs({ baseMs: 1000, maxDelayMs: Number.MAX_SAFE_INTEGER, windowMs: 0 }, 8)).toBe(127_000);
  });

  describe('against a real Redis, time scaled down 50 times', () => {
    // 1/50 of the defaults: first wait 20 ms, cap 1.2 s (1 min), window 54 s (45 min). The outage lasts through the
    // first 9 attempts (counted rather than timed, so a slow machine cannot shorten it): about 3.7 s here, 3 minutes
    // unscaled, longer than the former budget of 8 attempts (127 s, 2.54 s at this scale).
    const SCALED: RetryPolicy = { baseMs: 20, maxDelayMs: 1200, windowMs: 54_000 };
    const FAILING_ATTEMPTS = 9;
    let producer: Redis;
    let consumer: Redis;
    let eventsConnection: Redis;
    let events: QueueEvents;
    let queues: QueueRegistry;
    let worker: Worker | undefined;

    beforeEach(async () => {
      const prefix = uniqueQueuePrefix('retry');
      producer = createRedisConnection(testServiceUrls().redis, 'producer');
      consumer = createRedisConnection(testServiceUrls().redis, 'worker');
      eventsConnection = createRedisConnection(testServiceUrls().redis, 'worker');
      queues = new QueueRegistry(producer, prefix, SCALED);
      events = new QueueEvents(QueueName.Scoring, { connection: eventsConnection, prefix });
      await events.waitUntilReady();
      worker = createQueueWorker(
        QueueName.Scoring,
        {
          [JobName.SubmissionChecked]: async (_payload, job: Job) => {
            if (job.attemptsMade < FAILING_ATTEMPTS) throw new Error(`connect ECONNREFUSED (attempt ${job.attemptsMade + 1})`);
            return 'scored';
          },
        },
        { connection: consumer, prefix, concurrency: 1, retry: SCALED },
      );
      void worker.run();
    });
    afterEach(async () => {
      await worker?.close();
      await events.close();
      await queues.close();
      for (const connection of [producer, consumer, eventsConnection]) connection.disconnect();
    });

    it('a job failing through the whole outage succeeds once it is over', async () => {
      const job = await queues.add(QueueName.Scoring, JobName.SubmissionChecked, { submissionId: 's', submitCount: 1 }, { jobId: 'outlasts' });
      expect(await job.waitUntilFinished(events, 30_000)).toBe('scored');
      const finished = await queues.queue(QueueName.Scoring).getJob('outlasts');
      expect(finished!.attemptsMade).toBe(FAILING_ATTEMPTS + 1);
    });

    it('the former options, scaled the same way, lose the job to the same outage', async () => {
      const job = await queues.add(QueueName.Scoring, JobName.SubmissionChecked, { submissionId: 's', submitCount: 1 }, {
        jobId: 'gives-up',
        attempts: 8,
        backoff: { type: 'exponential', delay: SCALED.baseMs },
      });
      await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/ECONNREFUSED \(attempt 8\)/);
    });
  });
});
