import { randomBytes } from 'node:crypto';
import { claimTestRun, dropAbandonedTemplates, dropTemplateDatabases, TEST_RUN_ENV, testServiceUrls } from './test-databases';
import { startTestServices } from './test-services';

/**
 * Starts a test run: its PostgreSQL and Redis (DATABASE_URL and REDIS_URL win when set; otherwise an embedded
 * PostgreSQL and a private redis-server), and its name, under which its files' template databases are built once and
 * copied. Returns what ends the run: its templates dropped, its services stopped.
 *
 * A run begun inside another (a Jest run under `with-test-services`, or a test that runs Jest) joins the outer one:
 * same servers, same templates, which the outer run drops.
 */
export async function beginTestRun(): Promise<() => Promise<void>> {
  const stopServices = await startTestServices();
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
  return async () => {
    try {
      if (ownRun) await dropTemplateDatabases(serverUrl, run);
    } finally {
      await releaseRun?.();
      if (ownRun) delete process.env[TEST_RUN_ENV];
      await stopServices();
    }
  };
}
