import { loadConfigOrExit, seedConfigSchema } from '@peduli/config';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { DemoUser, seedDemoData } from '../seed/demo-data';
import { ensureNationalAdmin, generatePassword } from '../seed/national-admin';
import { seedFrameworks } from '../seed/frameworks';
import { seedReferenceData } from '../seed/reference-data';

/** What PEDULI_DEV_CREDENTIALS_FILE holds; other keys found in it are kept. */
interface DevCredentials {
  email?: string;
  password?: string;
  demo?: { password: string; users: DemoUser[] };
  [key: string]: unknown;
}

function readCredentials(file: string): DevCredentials {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as DevCredentials;
  } catch {
    // fall through
  }
  console.log(JSON.stringify({ level: 'warn', msg: 'dev credentials file is not a JSON object; rewriting it', file }));
  return {};
}

/** Written whole and then renamed over the old file, so a crash never leaves half a file (and a lost password). */
function writeCredentials(file: string, credentials: DevCredentials): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}

async function countUsers(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM user_account`);
  return row.n;
}

/**
 * Idempotent seed: reference regions and the national admin, and in development the demo organisations and users
 * (unless PEDULI_DEMO_DATA=off). Generated dev passwords are written to PEDULI_DEV_CREDENTIALS_FILE (when set) so the
 * dev launcher can print them on every start: the admin's once, when it is created; the demo users' shared password
 * (DEMO_PASSWORD, or generated once and then reused from the file) under the "demo" key.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('seed', seedConfigSchema);
  if (config.NODE_ENV === 'production' && !config.ADMIN_PASSWORD) {
    console.error('ADMIN_PASSWORD is required in production (at least 12 characters).');
    process.exit(78);
  }
  // Development-only switches, read directly rather than through the config schema.
  const withDemoData = config.NODE_ENV === 'development' && process.env.PEDULI_DEMO_DATA !== 'off';
  const demoPasswordFromEnv = process.env.DEMO_PASSWORD || undefined;
  if (withDemoData && demoPasswordFromEnv && demoPasswordFromEnv.length < 12) {
    console.error('DEMO_PASSWORD must be at least 12 characters.');
    process.exit(78);
  }
  const dataSource = await createDataSource({ url: config.DATABASE_URL, applicationName: 'peduli-seed' }).initialize();
  try {
    const counts = await seedReferenceData(dataSource);
    const frameworks = await seedFrameworks(dataSource);
    const admin = await ensureNationalAdmin(dataSource, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    const credentialsFile = process.env.PEDULI_DEV_CREDENTIALS_FILE;
    const stored = credentialsFile ? readCredentials(credentialsFile) : {};
    const next: DevCredentials = { ...stored };
    if (admin.generatedPassword) Object.assign(next, { email: admin.email, password: admin.generatedPassword });

    let demoUsers: DemoUser[] | undefined;
    let demoPassword: string | undefined;
    let demoUsersCreated = 0;
    if (withDemoData) {
      const storedPassword = typeof stored.demo?.password === 'string' ? stored.demo.password : undefined;
      demoPassword = demoPasswordFromEnv ?? storedPassword ?? generatePassword();
      // Existing demo accounts are made to accept the password only when it was chosen (DEMO_PASSWORD) or will be
      // remembered (the credentials file). A password that is generated and merely printed must not overwrite them:
      // that would make every plain `npm run db:seed` change the accounts and void the password printed before.
      const remembered = credentialsFile !== undefined || demoPasswordFromEnv !== undefined;
      const usersBefore = await countUsers(dataSource);
      demoUsers = await seedDemoData(dataSource, { password: demoPassword, resetPasswords: remembered && demoPassword !== storedPassword });
      demoUsersCreated = (await countUsers(dataSource)) - usersBefore;
      next.demo = { password: demoPassword, users: demoUsers };
    }
    if (credentialsFile && JSON.stringify(next) !== JSON.stringify(stored)) writeCredentials(credentialsFile, next);

    console.log(
      JSON.stringify({
        level: 'info',
        msg: 'seed complete',
        sampleFrameworkCreated: frameworks.created,
        ...counts,
        admin: { email: admin.email, created: admin.created, ...(admin.skipped ? { skipped: admin.skipped } : {}) },
        ...(demoUsers ? { demoUsers: demoUsers.length } : {}),
      }),
    );
    if (admin.generatedPassword && !credentialsFile) {
      console.log(`National admin created: ${admin.email} / ${admin.generatedPassword} (shown once)`);
    }
    // Like the admin's, a generated demo password is shown once: when the accounts it belongs to are created.
    if (demoUsers && !credentialsFile && !demoPasswordFromEnv && demoUsersCreated > 0) {
      console.log(`Demo users (${demoUsers.map((user) => user.email).join(', ')}) sign in with: ${demoPassword} (shown once)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', msg: 'seed failed', error: String(error?.stack ?? error) }));
  process.exit(1);
});
