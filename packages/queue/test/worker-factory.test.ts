import { testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import { Job, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createQueueWorker, createRedisConnection, JobName, QueueName, QueueRegistry, RetryLaterError } from '../src';

describe('createQueueWorker against a real Redis', () => {
  let producer: Redis;
  let consumer: Redis;
  let queues: QueueRegistry;
  let prefix: string;
  let worker: Worker | undefined;

  beforeEach(() => {
    prefix = uniqueQueuePrefix('worker');
    producer = createRedisConnection(testServiceUrls().redis, 'producer');
    consumer = createRedisConnection(testServiceUrls().redis, 'worker');
    queues = new QueueRegistry(producer, prefix);
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await queues.close();
    producer.disconnect();
    consumer.disconnect();
  });

  it('puts off a job whose handler throws RetryLaterError until the given time, without using up an attempt', async () => {
    const runs: { at: number; attemptsMade: number }[] = [];
    let notBefore = 0;
    worker = createQueueWorker(
      QueueName.Reminders,
      {
        [JobName.SubmissionScored]: async (_payload, job: Job) => {
          runs.push({ at: Date.now(), attemptsMade: job.attemptsMade });
          if (runs.length === 1) {
            notBefore = Date.now() + 1500;
            throw new RetryLaterError(new Date(notBefore), 'held by another sender');
          }
          return 'sent';
        },
      },
      { connection: consumer, prefix, concurrency: 1 },
    );
    const eventsConnection = createRedisConnection(testServiceUrls().redis, 'worker');
    const events = new QueueEvents(QueueName.Reminders, { connection: eventsConnection, prefix });
    try {
      await events.waitUntilReady();
      const failures: string[] = [];
      worker.on('failed', (_job, error) => failures.push(error.message));
      void worker.run();
      const job = await queues.queue(QueueName.Reminders).add(JobName.SubmissionScored, { submissionId: 's', snapshotId: 'n' }, { attempts: 3 });

      const delayed = await new Promise<string>((resolve) => events.on('delayed', ({ jobId }) => jobId === job.id && resolve(jobId)));
      expect(delayed).toBe(job.id);
      expect(await job.getState()).toBe('delayed');

      expect(await job.waitUntilFinished(events, 20_000)).toBe('sent');
      expect(runs).toHaveLength(2);
      // Not run again before the time it was given, and not counted as a failed attempt.
      expect(runs[1].at).toBeGreaterThanOrEqual(notBefore);
      expect(runs[1].attemptsMade).toBe(0);
      expect(failures).toEqual([]);
    } finally {
      await events.close();
      eventsConnection.disconnect();
    }
  });

  it('lets any other error fail the attempt as usual', async () => {
    worker = createQueueWorker(
      QueueName.Reminders,
      {
        [JobName.SubmissionScored]: async () => {
          throw new Error('SMTP 451: try again later');
        },
      },
      { connection: consumer, prefix, concurrency: 1 },
    );
    const failed = new Promise<{ message: string; attemptsMade: number }>((resolve) =>
      worker!.on('failed', (job, error) => resolve({ message: error.message, attemptsMade: job?.attemptsMade ?? -1 })),
    );
    void worker.run();
    await queues.queue(QueueName.Reminders).add(JobName.SubmissionScored, { submissionId: 's', snapshotId: 'n' }, { attempts: 1 });
    expect(await failed).toEqual({ message: 'SMTP 451: try again later', attemptsMade: 1 });
  });
});
