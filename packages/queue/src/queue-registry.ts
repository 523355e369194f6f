import { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS } from './defaults';
import { JobName, JobPayloads, QueueName } from './names';

/** The one typed place for queue access: every producer goes through here. */
export class QueueRegistry {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  /** Whether the producer connection can take commands right now (it fails fast instead of queueing them). */
  isReady(): boolean {
    return this.connection.status === 'ready';
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  add<N extends JobName>(queue: QueueName, job: N, payload: JobPayloads[N], options: JobsOptions & { jobId: string }) {
    return this.queue(queue).add(job, payload, options);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
