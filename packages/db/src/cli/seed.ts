import { loadConfigOrExit, seedConfigSchema } from '@peduli/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDataSource } from '../data-source';
import { ensureNationalAdmin } from '../seed/national-admin';
import { seedReferenceData } from '../seed/reference-data';

/**
 * Idempotent seed: reference regions and the national admin. In development a generated admin password is written
 * once to PEDULI_DEV_CREDENTIALS_FILE (when set) so the dev launcher can print it on every start.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('seed', seedConfigSchema);
  if (config.NODE_ENV === 'production' && !config.ADMIN_PASSWORD) {
    console.error('ADMIN_PASSWORD is required in production (at least 12 characters).');
    process.exit(78);
  }
  const dataSource = await createDataSource({ url: config.DATABASE_URL, applicationName: 'peduli-seed' }).initialize();
  try {
    const counts = await seedReferenceData(dataSource);
    const admin = await ensureNationalAdmin(dataSource, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    const credentialsFile = process.env.PEDULI_DEV_CREDENTIALS_FILE;
    if (admin.generatedPassword && credentialsFile) {
      mkdirSync(dirname(credentialsFile), { recursive: true });
      writeFileSync(credentialsFile, JSON.stringify({ email: admin.email, password: admin.generatedPassword }, null, 2), {
        mode: 0o600,
      });
    }
    console.log(JSON.stringify({ level: 'info', msg: 'seed complete', ...counts, admin: { email: admin.email, created: admin.created } }));
    if (admin.generatedPassword && !credentialsFile) {
      console.log(`National admin created: ${admin.email} / ${admin.generatedPassword} (shown once)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', msg: 'seed failed', error: String(error?.stack ?? error) }));
  process.exit(1);
});
