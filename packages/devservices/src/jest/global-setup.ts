/**
 * Jest global setup for suites that need real services. DATABASE_URL and REDIS_URL win when set (CI may point at
 * servers of its own); otherwise an embedded PostgreSQL and a private redis-server are started for the run. Test files
 * never use the given database directly: each creates its own database on that server (see test-databases.ts).
 */
import { startEmbeddedPostgres } from '../postgres';
import { startPrivateRedis } from '../redis';

type Stop = () => Promise<void>;
const STOPS_KEY = '__PEDULI_TEST_SERVICE_STOPS__';

export default async function globalSetup(): Promise<void> {
  const stops: Stop[] = [];
  (globalThis as Record<string, unknown>)[STOPS_KEY] = stops;

  if (!process.env.PEDULI_TEST_PG_URL) {
    if (process.env.DATABASE_URL) {
      process.env.PEDULI_TEST_PG_URL = process.env.DATABASE_URL;
    } else {
      const postgres = await startEmbeddedPostgres({ database: 'peduli_test_admin' });
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
}

export async function stopTestServices(): Promise<void> {
  const stops = ((globalThis as Record<string, unknown>)[STOPS_KEY] as Stop[] | undefined) ?? [];
  await Promise.all(stops.map((stop) => stop()));
}
