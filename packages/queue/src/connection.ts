import IORedis, { Redis, RedisOptions } from 'ioredis';

export type ConnectionRole = 'worker' | 'producer';

/**
 * Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null). Producers must fail
 * fast instead, so that a Redis outage never stalls an HTTP request or an outbox transaction: the outbox keeps the
 * event and the relay publishes it once Redis is back.
 */
export function createRedisConnection(url: string, role: ConnectionRole, name = 'peduli'): Redis {
  const common: RedisOptions = {
    connectionName: `${name}-${role}`,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
  const options: RedisOptions =
    role === 'worker'
      ? { ...common, maxRetriesPerRequest: null, enableReadyCheck: true }
      : { ...common, maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5000 };
  const connection = new IORedis(url, options);
  // Without a listener ioredis prints every failed reconnect; health checks report the state instead.
  connection.on('error', () => undefined);
  return connection;
}
