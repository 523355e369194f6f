import { createDataSource, runMigrations, seedFrameworks, seedReferenceData } from '../src';

/** Builds the migrated database with its regions and frameworks that this package's test files copy (one build a run). */
export async function seededTemplate(url: string): Promise<void> {
  const dataSource = await createDataSource({ url }).initialize();
  try {
    await runMigrations(dataSource);
    await seedReferenceData(dataSource);
    await seedFrameworks(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
