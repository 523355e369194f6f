import { FlowJob, FlowProducer, JobNode, JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_RETRY_POLICY, jobOptions, RetryPolicy } from './defaults';
import { JobName, JobPayloads, QueueName } from './names';

/** The one typed place for queue access: every producer goes through here. */
export class QueueRegistry {
  private readonly queues = new Map<QueueName, Queue>();
  private flows: FlowProducer | null = null;
  private readonly defaultJobOptions: JobsOptions;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    /** Every job added through here is retried under this policy; its consumers must use the same one. */
    retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.defaultJobOptions = jobOptions(retry);
  }

  /** Whether the producer connection can take commands right now (it fails fast instead of queueing them). */
  isReady(): boolean {
    return this.connection.status === 'ready';
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: this.defaultJobOptions });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  add<N extends JobName>(queue: QueueName, job: N, payload: JobPayloads[N], options: JobsOptions & { jobId: string }) {
    return this.queue(queue).add(job, payload, options);
  }

  /**
   * Adds a parent job with its children atomically. Every job needs a deterministic id, so adding the same flow again
   * (a planner retried after a crash) adds nothing twice.
   */
  addFlow(flow: FlowJob): Promise<JobNode> {
    if (!this.flows) {
      this.flows = new FlowProducer({ connection: this.connection, prefix: this.prefix });
      this.flows.on('error', () => undefined);
    }
    return this.flows.add(flow, { queuesOptions: Object.fromEntries(Object.values(QueueName).map((name) => [name, { defaultJobOptions: this.defaultJobOptions }])) });
  }

  async close(): Promise<void> {
    await this.flows?.close();
    this.flows = null;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
