import { startEmbeddedPostgres } from './postgres';
import { startPrivateRedis } from './redis';

/**
 * Points the test-database helpers (PEDULI_TEST_PG_URL, PEDULI_TEST_REDIS_URL) at real servers: DATABASE_URL and
 * REDIS_URL win when set; otherwise an embedded PostgreSQL and a private redis-server are started. Returns what stops
 * the servers it started. Used by the Jest global setup and by the benchmarks.
 */
export async function startTestServices(adminDatabase = 'peduli_test_admin'): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  if (!process.env.PEDULI_TEST_PG_URL) {
    if (process.env.DATABASE_URL) {
      process.env.PEDULI_TEST_PG_URL = process.env.DATABASE_URL;
    } else {
      const postgres = await startEmbeddedPostgres({ database: adminDatabase });
      stops.push(() => postgres.stop());
      process.env.PEDULI_TEST_PG_URL = postgres.url;
    }
  }
  if (!process.env.PEDULI_TEST_REDIS_URL) {
    if (process.env.REDIS_URL) {
      process.env.PEDULI_TEST_REDIS_URL = process.env.REDIS_URL;
    } else {
      const redis = await startPrivateRedis();
      stops.push(() => redis.stop());
      process.env.PEDULI_TEST_REDIS_URL = redis.url;
    }
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
