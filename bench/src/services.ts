import { startEmbeddedPostgres, startPrivateRedis } from '@peduli/devservices';

/**
 * Where the benchmark runs: DATABASE_URL and REDIS_URL when set, otherwise an embedded PostgreSQL and a private
 * redis-server started for this run (so the figures never depend on a developer's own servers being up).
 * The test-database helpers read the PEDULI_TEST_* variables set here.
 */
export async function startBenchServices(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  if (process.env.DATABASE_URL) {
    process.env.PEDULI_TEST_PG_URL = process.env.DATABASE_URL;
  } else {
    const postgres = await startEmbeddedPostgres({ database: 'peduli_bench_admin' });
    stops.push(() => postgres.stop());
    process.env.PEDULI_TEST_PG_URL = postgres.url;
  }
  if (process.env.REDIS_URL) {
    process.env.PEDULI_TEST_REDIS_URL = process.env.REDIS_URL;
  } else {
    const redis = await startPrivateRedis();
    stops.push(() => redis.stop());
    process.env.PEDULI_TEST_REDIS_URL = redis.url;
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
