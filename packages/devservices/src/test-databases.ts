import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function testServiceUrls(): { postgres: string; redis: string } {
  const postgres = process.env.PEDULI_TEST_PG_URL;
  const redis = process.env.PEDULI_TEST_REDIS_URL;
  if (!postgres || !redis) {
    throw new Error('Test services are not set up: run the suite through Jest with the devservices global setup');
  }
  return { postgres, redis };
}

/** A fresh, empty database on the test server, so test files never see each other's rows. */
export async function createEmptyDatabase(prefix = 'peduli_t'): Promise<TestDatabase> {
  const serverUrl = testServiceUrls().postgres;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Names this test run's template databases (set by startTestServices), so two runs sharing one server (DATABASE_URL)
 * never clone each other's half-built template, and the run can drop its own at the end.
 */
export const TEST_RUN_ENV = 'PEDULI_TEST_RUN';

const TEMPLATE_PREFIX = 'peduli_tpl_';

function templateName(run: string, key: string): string {
  if (!/^[a-z0-9_]+$/.test(key)) throw new Error(`A template key must be lower-case letters, digits and _: ${key}`);
  return `${TEMPLATE_PREFIX}${run}_${key}`;
}

function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes sure this run's template `key` exists, built by `build` (which must close its connections before it returns).
 * The first test file of the run builds it under an advisory lock; the others wait for that lock and find it done.
 * A template is finished once it is marked IS_TEMPLATE; it then refuses connections, because CREATE DATABASE … TEMPLATE
 * fails while anyone is connected to the template.
 */
async function ensureTemplate(serverUrl: string, template: string, build: (url: string) => Promise<void>): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const [row] = (await admin.query('SELECT datistemplate FROM pg_database WHERE datname = $1', [template])).rows as { datistemplate: boolean }[];
    if (row?.datistemplate) return;
    // Left half-built by a file that failed while building it: start again.
    if (row) await admin.query(`DROP DATABASE "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
    try {
      await build(urlOf(serverUrl, template));
      await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
      throw error;
    }
    // The session's advisory lock goes with the connection.
  });
}

/**
 * A fresh database for one test file, copied from this run's template `key`: the template is built once per run by
 * `build` (migrations and seeds), so each file copies it in a fraction of the time running them again takes. Without
 * a test run (no startTestServices), it builds the new database directly.
 */
export async function createDatabaseFromTemplate(key: string, build: (url: string) => Promise<void>, prefix = 'peduli_t'): Promise<TestDatabase> {
  const run = process.env[TEST_RUN_ENV];
  if (!run) {
    const database = await createEmptyDatabase(prefix);
    try {
      await build(database.url);
    } catch (error) {
      await database.drop().catch(() => undefined);
      throw error;
    }
    return database;
  }
  const serverUrl = testServiceUrls().postgres;
  const template = templateName(run, key);
  await ensureTemplate(serverUrl, template, build);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: urlOf(serverUrl, name),
    drop: () => withAdmin(serverUrl, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

/** Drops the template databases of one test run (the run's own server may outlive it: DATABASE_URL). */
export async function dropTemplateDatabases(serverUrl: string, run: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    const { rows } = await admin.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${TEMPLATE_PREFIX}${run}_`]);
    for (const { datname } of rows as { datname: string }[]) {
      // A template cannot be dropped until it is an ordinary database again.
      await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

const runLock = (run: string) => `peduli_run_${run}`;

/**
 * Holds a lock named after the run for as long as the run lasts (until the returned release is called or the
 * process dies), so other runs can tell its templates from those of a run that was killed before its teardown.
 */
export async function claimTestRun(serverUrl: string, run: string): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: serverUrl });
  // A server that goes away ends the claim; it must not take the test run down with an unhandled error.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [runLock(run)]);
  return async () => {
    await client.end().catch(() => undefined);
  };
}

/** Drops the templates of runs that no longer hold their claim (killed or interrupted before their teardown). */
export async function dropAbandonedTemplates(serverUrl: string): Promise<string[]> {
  const dropped: string[] = [];
  await withAdmin(serverUrl, async (admin) => {
    const { rows } = await admin.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [TEMPLATE_PREFIX]);
    const runs = new Set((rows as { datname: string }[]).map(({ datname }) => datname.slice(TEMPLATE_PREFIX.length).split('_')[0]));
    for (const run of runs) {
      const [{ free }] = (await admin.query('SELECT pg_try_advisory_lock(hashtext($1)) AS free', [runLock(run)])).rows as { free: boolean }[];
      if (!free) continue;
      try {
        await dropTemplateDatabases(serverUrl, run);
        dropped.push(run);
      } finally {
        await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [runLock(run)]);
      }
    }
  });
  return dropped;
}

/** A unique BullMQ key prefix, so test files can share one Redis without seeing each other's jobs. */
export function uniqueQueuePrefix(label = 'test'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}
