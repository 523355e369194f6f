import { createDataSource, runMigrations, seedFrameworks, seedReferenceData } from '@peduli/db';
import { createDatabaseFromTemplate } from '@peduli/devservices';
import type { DataSource } from 'typeorm';

export { testServiceUrls, uniqueQueuePrefix } from '@peduli/devservices';

export interface MigratedDatabase {
  url: string;
  dataSource: DataSource;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: migrated with the checked-in migrations and seeded with the regions and
 * frameworks. Copied from a template the test run builds once (see createDatabaseFromTemplate).
 */
export async function createMigratedDatabase(options: { seedRegions?: boolean } = {}): Promise<MigratedDatabase> {
  const seeded = options.seedRegions ?? true;
  const database = await createDatabaseFromTemplate(seeded ? 'seeded' : 'migrated', async (url) => {
    const builder = await createDataSource({ url, poolSize: 5, applicationName: 'peduli-test-template' }).initialize();
    try {
      await runMigrations(builder);
      if (seeded) {
        await seedReferenceData(builder);
        await seedFrameworks(builder);
      }
    } finally {
      await builder.destroy();
    }
  });
  const dataSource = await createDataSource({ url: database.url, poolSize: 5, applicationName: 'peduli-test' }).initialize();
  return {
    url: database.url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}

/** Counts the rows of each table, to show that a rejected request wrote nothing. */
export async function rowCounts(dataSource: DataSource, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = row.n;
  }
  return counts;
}

/** Polls until the check returns a value other than undefined, or fails with the description. */
export async function eventually<T>(
  description: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for: ${description}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}
export * from './people';
export * from './answers';
export * from './system';
export * from './live-memory';
export * from './pdf-text';
