/**
 * Jest global setup for suites that need real services. DATABASE_URL and REDIS_URL win when set (CI may point at
 * servers of its own); otherwise an embedded PostgreSQL and a private redis-server are started for the run, unless
 * the run is part of a larger one (`npm test` runs every workspace under `with-test-services`). Test files never use
 * the given database directly: each creates its own database on that server (see test-databases.ts), copied from a
 * template the run migrates once; the teardown drops the run's templates.
 */
import { beginTestRun } from '../test-run';

const STOP_KEY = '__PEDULI_TEST_SERVICE_STOP__';

export default async function globalSetup(): Promise<void> {
  (globalThis as Record<string, unknown>)[STOP_KEY] = await beginTestRun();
}

export async function stopTestServices(): Promise<void> {
  const stop = (globalThis as Record<string, unknown>)[STOP_KEY] as (() => Promise<void>) | undefined;
  await stop?.();
}
