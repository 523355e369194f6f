/**
 * Jest global setup for suites that need real services. DATABASE_URL and REDIS_URL win when set (CI may point at
 * servers of its own); otherwise an embedded PostgreSQL and a private redis-server are started for the run. Test files
 * never use the given database directly: each creates its own database on that server (see test-databases.ts), copied
 * from a template this run migrates once; the teardown drops the run's templates.
 */
import { randomBytes } from 'node:crypto';
import { claimTestRun, dropAbandonedTemplates, dropTemplateDatabases, TEST_RUN_ENV, testServiceUrls } from '../test-databases';
import { startTestServices } from '../test-services';

const STOP_KEY = '__PEDULI_TEST_SERVICE_STOP__';

export default async function globalSetup(): Promise<void> {
  const stopServices = await startTestServices();
  // An outer run (a test that runs Jest) keeps its own templates; a nested one must not drop them.
  const ownRun = !process.env[TEST_RUN_ENV];
  if (ownRun) process.env[TEST_RUN_ENV] = randomBytes(4).toString('hex');
  const run = process.env[TEST_RUN_ENV] as string;
  const serverUrl = testServiceUrls().postgres;
  let releaseRun: (() => Promise<void>) | undefined;
  if (ownRun) {
    releaseRun = await claimTestRun(serverUrl, run);
    // A shared server (DATABASE_URL) keeps what an interrupted run left; its templates would pile up.
    await dropAbandonedTemplates(serverUrl);
  }
  (globalThis as Record<string, unknown>)[STOP_KEY] = async () => {
    try {
      if (ownRun) await dropTemplateDatabases(serverUrl, run);
    } finally {
      await releaseRun?.();
      if (ownRun) delete process.env[TEST_RUN_ENV];
      await stopServices();
    }
  };
}

export async function stopTestServices(): Promise<void> {
  const stop = (globalThis as Record<string, unknown>)[STOP_KEY] as (() => Promise<void>) | undefined;
  await stop?.();
}
