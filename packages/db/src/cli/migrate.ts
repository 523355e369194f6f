import { loadConfigOrExit, seedConfigSchema } from '@peduli/config';
import { createDataSource } from '../data-source';
import { runMigrations } from '../migrate';

async function main(): Promise<void> {
  const config = loadConfigOrExit('migrate', seedConfigSchema.pick({ DATABASE_URL: true }));
  const dataSource = await createDataSource({ url: config.DATABASE_URL, applicationName: 'peduli-migrate' }).initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(JSON.stringify({ level: 'info', msg: 'migrations applied', applied }));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', msg: 'migration failed', error: String(error?.stack ?? error) }));
  process.exit(1);
});
