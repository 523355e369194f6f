import type { DataSource } from 'typeorm';
import { EVENT_ROUTES, isJobName, JobName, QueueName } from './names';
import { QueueRegistry } from './queue-registry';

export interface RelayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  sweepIntervalMs?: number;
  /** Longest wait for Redis to take a batch; the row locks are held meanwhile. */
  publishTimeoutMs?: number;
}

export class RedisUnavailableError extends Error {}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new RedisUnavailableError(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]);
}

interface PendingRow {
  id: string;
  event: string;
  payload: Record<string, unknown>;
}

/**
 * Publishes outbox rows to BullMQ with jobId = outbox id, then marks them published. Rows are claimed with
 * FOR UPDATE SKIP LOCKED so several relays (the API and every worker run one) share the work; if a process dies
 * after adding a job but before marking the row, the next sweep adds it again and BullMQ ignores the duplicate id.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private rerun = false;
  private readonly batchSize: number;
  private readonly sweepIntervalMs: number;
  private readonly publishTimeoutMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly logger: RelayLogger,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 5000;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5000;
  }

  /** Starts the periodic sweep that republishes whatever a crash or an outage left behind. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.sweepIntervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Asks for a publish pass soon; passes never overlap, and a request during a pass causes one more pass. */
  kick(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => {
        this.logger.warn({ err: String(error) }, 'outbox relay pass failed; the sweep will retry');
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.rerun) {
          this.rerun = false;
          this.kick();
        }
      });
  }

  /** Publishes until nothing is pending; returns how many rows were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, event, payload FROM outbox_event
          WHERE published_at IS NULL
          ORDER BY created_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;

      const byQueue = new Map<QueueName, PendingRow[]>();
      for (const row of rows) {
        if (!isJobName(row.event)) throw new Error(`outbox row ${row.id} has unknown event "${row.event}"`);
        const queue = EVENT_ROUTES[row.event as JobName];
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
      }
      try {
        // BullMQ would wait for a lost connection indefinitely while this transaction holds its row locks, so a pass
        // is skipped when Redis is not connected and bounded when it is. A batch that lands after the timeout is
        // harmless: the rows stay pending and the next pass adds the same job ids, which BullMQ ignores.
        if (!this.queues.isReady()) throw new RedisUnavailableError('Redis is not connected');
        for (const [queue, queueRows] of byQueue) {
          await within(
            this.queues
              .queue(queue)
              .addBulk(queueRows.map((row) => ({ name: row.event, data: row.payload, opts: { jobId: row.id } }))),
            this.publishTimeoutMs,
            `publishing ${queueRows.length} jobs to ${queue}`,
          );
        }
      } catch (error) {
        await manager.query(
          `UPDATE outbox_event SET publish_attempts = publish_attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
          [rows.map((row) => row.id), String(error).slice(0, 2000)],
        );
        this.logger.warn({ pending: rows.length, err: String(error) }, 'outbox publish failed; rows stay pending');
        return 0;
      }
      await manager.query(`UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /** Age in seconds of the oldest unpublished row (0 when none): the relay's lag. */
  async lagSeconds(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS lag FROM outbox_event WHERE published_at IS NULL`,
    );
    return Number(row.lag);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.rerun = false;
    await this.running;
  }
}
