import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { RunningRedis, startPrivateRedis } from '@peduli/devservices';
import { createMigratedDatabase, MigratedDatabase, uniqueQueuePrefix } from '@peduli/testkit';
import { createRedisConnection, JobName, OutboxRelay, QueueName, QueueRegistry, recordEvent } from '../src';

const quietLogger = { info: () => undefined, warn: () => undefined };

async function pendingCount(database: MigratedDatabase): Promise<number> {
  const [row] = await database.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
  return row.n;
}

async function recordSubmitted(database: MigratedDatabase, count: number): Promise<string[]> {
  const ids: string[] = [];
  await database.dataSource.transaction(async (manager) => {
    for (let i = 0; i < count; i++) {
      ids.push(await recordEvent(manager, JobName.SubmissionSubmitted, { submissionId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, submitCount: 1 }));
    }
  });
  return ids;
}

describe('transactional outbox relay against real PostgreSQL and Redis', () => {
  let database: MigratedDatabase;
  let redis: RunningRedis;
  let connection: Redis;
  let queues: QueueRegistry;
  let prefix: string;

  beforeAll(async () => {
    database = await createMigratedDatabase({ seedRegions: false });
    // A private Redis of this file's own, because these tests stop and restart it.
    redis = await startPrivateRedis();
  });

  beforeEach(async () => {
    prefix = uniqueQueuePrefix('relay');
    connection = createRedisConnection(redis.url, 'producer');
    queues = new QueueRegistry(connection, prefix);
    // The relay skips a pass while its producer is not connected yet (by design); tests start from a connected one.
    if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
    await database.dataSource.query('TRUNCATE outbox_event');
  });

  afterEach(async () => {
    await queues.close();
    connection.disconnect();
  });

  afterAll(async () => {
    await redis?.stop();
    await database?.drop();
  });

  it('publishes each row to its routed queue with jobId = outbox id, and marks it published', async () => {
    const ids = await recordSubmitted(database, 3);
    const relay = new OutboxRelay(database.dataSource, queues, quietLogger, { batchSize: 2 });
    expect(await relay.drain()).toBe(3);
    expect(await pendingCount(database)).toBe(0);

    const jobs = await queues.queue(QueueName.Documents).getJobs(['waiting']);
    expect(jobs.map((job) => job.id).sort()).toEqual([...ids].sort());
    expect(jobs.every((job) => job.name === JobName.SubmissionSubmitted)).toBe(true);
    expect(await queues.queue(QueueName.Scoring).count()).toBe(0);
  });

  it('does not duplicate a job when a row is published again (as after a crash before marking it)', async () => {
    const [id] = await recordSubmitted(database, 1);
    const relay = new OutboxRelay(database.dataSource, queues, quietLogger);
    await relay.drain();
    // Simulate the crash window: the job was added but the row was never marked.
    await database.dataSource.query(`UPDATE outbox_event SET published_at = NULL WHERE id = $1`, [id]);
    expect(await relay.drain()).toBe(1);
    expect(await queues.queue(QueueName.Documents).count()).toBe(1);
    expect(await pendingCount(database)).toBe(0);
  });

  it('never rolls back the writer: events recorded in a rolled-back transaction are never published', async () => {
    await expect(
      database.dataSource.transaction(async (manager) => {
        await recordEvent(manager, JobName.SubmissionChecked, { submissionId: '00000000-0000-4000-8000-000000000001', submitCount: 1 });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await new OutboxRelay(database.dataSource, queues, quietLogger).drain()).toBe(0);
    expect(await queues.queue(QueueName.Scoring).count()).toBe(0);
  });

  it('shares the work between concurrent relays without publishing anything twice', async () => {
    await recordSubmitted(database, 120);
    const otherConnection = createRedisConnection(redis.url, 'producer');
    const other = new QueueRegistry(otherConnection, prefix);
    const relays = [
      new OutboxRelay(database.dataSource, queues, quietLogger, { batchSize: 10 }),
      new OutboxRelay(database.dataSource, other, quietLogger, { batchSize: 10 }),
    ];
    const published = await Promise.all(relays.map((relay) => relay.drain()));
    await other.close();
    otherConnection.disconnect();
    expect(published[0] + published[1]).toBe(120);
    expect(await queues.queue(QueueName.Documents).count()).toBe(120);
  });

  it('keeps events while Redis is down and publishes them when it returns', async () => {
    const relay = new OutboxRelay(database.dataSource, queues, quietLogger);
    await redis.stop();
    try {
      const ids = await recordSubmitted(database, 5);
      const started = Date.now();
      expect(await relay.drain()).toBe(0);
      // The producer connection fails fast instead of hanging the transaction.
      expect(Date.now() - started).toBeLessThan(6000);
      expect(await pendingCount(database)).toBe(5);
      const [row] = await database.dataSource.query(`SELECT publish_attempts, last_error FROM outbox_event WHERE id = $1`, [ids[0]]);
      expect(row.publish_attempts).toBeGreaterThanOrEqual(1);
      expect(row.last_error).toBeTruthy();
    } finally {
      redis = await startPrivateRedis({ port: redis.port });
    }
    // Give ioredis a moment to reconnect (it retries every 200-2000 ms).
    const reconnectDeadline = Date.now() + 10_000;
    while (connection.status !== 'ready' && Date.now() < reconnectDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(await relay.drain()).toBe(5);
    expect(await pendingCount(database)).toBe(0);
    const checkConnection = new Redis(redis.url);
    const check = new Queue(QueueName.Documents, { connection: checkConnection, prefix });
    expect(await check.count()).toBe(5);
    await check.close();
    checkConnection.disconnect();
  });

  it('reports its lag as the age of the oldest unpublished row', async () => {
    const relay = new OutboxRelay(database.dataSource, queues, quietLogger);
    expect(await relay.lagSeconds()).toBe(0);
    await recordSubmitted(database, 1);
    await database.dataSource.query(`UPDATE outbox_event SET created_at = now() - interval '90 seconds'`);
    expect(await relay.lagSeconds()).toBeGreaterThanOrEqual(89);
  });
});
