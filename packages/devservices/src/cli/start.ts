/**
 * `npm start`: the whole system on one machine. Uses DATABASE_URL, REDIS_URL and SMTP_URL when they are set;
 * otherwise starts an embedded PostgreSQL (data kept in .peduli/dev/postgres), a private redis-server and an SMTP sink
 * that keeps every mail as an .eml file in .peduli/dev/mailbox. Then migrates, seeds, starts the API and the three
 * workers, waits until all are ready and prints where to go. A process that dies is started again after a growing
 * pause (the rest keep running); one that keeps crashing (PEDULI_MAX_CRASHES, 5, within PEDULI_CRASH_WINDOW_MS, 60 s)
 * stops everything. Ctrl-C (or SIGTERM) stops everything it started.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, isPortFree } from '../free-port';
import { nodeFlagsOf } from '../node-flags';
import { startEmbeddedPostgres } from '../postgres';
import { ManagedProcess, runToCompletion, startProcess, waitForHttpOk } from '../processes';
import { RedisNotInstalledError, startPrivateRedis } from '../redis';
import { startSmtpSink } from '../smtp-sink';
import { BannerInput, bannerLines } from './banner';
import { supervise, Supervised } from './supervisor';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const DEV_DIR = resolve(process.env.PEDULI_DEV_DIR ?? join(ROOT, '.peduli', 'dev'));
// The API listens on PORT (3000); the workers' health servers on the next four ports (3001-3004 by default).
const API_PORT = Number(process.env.PORT ?? 3000);
const APPS = [
  { name: 'api', entry: 'apps/api/dist/main.js', healthPort: API_PORT },
  { name: 'document-worker', entry: 'apps/document-worker/dist/main.js', healthPort: API_PORT + 1 },
  { name: 'scoring-worker', entry: 'apps/scoring-worker/dist/main.js', healthPort: API_PORT + 2 },
  { name: 'reminder-worker', entry: 'apps/reminder-worker/dist/main.js', healthPort: API_PORT + 3 },
  { name: 'report-worker', entry: 'apps/report-worker/dist/main.js', healthPort: API_PORT + 4 },
] as const;

const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m'];
const RESET = '\x1b[0m';
const useColour = process.stdout.isTTY;
const say = (text: string) => process.stdout.write(`${text}\n`);

function prefixer(name: string, index: number) {
  const label = useColour ? `${COLOURS[index % COLOURS.length]}${name.padEnd(16)}${RESET}` : name.padEnd(16);
  return (line: string) => {
    if (line.trim()) process.stdout.write(`${label}| ${line}\n`);
  };
}

/** The usual port when it is free, so URLs stay the same across runs; any free port otherwise. */
async function portOr(preferred: number): Promise<number> {
  return (await isPortFree(preferred)) ? preferred : freePort();
}

async function main(): Promise<void> {
  mkdirSync(DEV_DIR, { recursive: true });
  const stops: [string, () => Promise<unknown>][] = [];
  const children: Supervised[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping Peduli…');
    await Promise.all(children.map((child) => child.stop(15_000)));
    for (const [name, stop] of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        say(`  could not stop ${name}: ${String(error)}`);
      }
    }
    say('Stopped.');
    process.exit(code);
  };
  // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal, and forwarded by npm), and a signal that
  // finds no listener kills the process outright, skipping the shutdown and leaving its children running.
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // Last resort if this process dies abruptly: leave no orphaned children behind.
  process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      say('Starting embedded PostgreSQL (data in .peduli/dev/postgres)…');
      const postgres = await startEmbeddedPostgres({ dataDir: join(DEV_DIR, 'postgres'), port: await portOr(54329) });
      stops.push(['postgres', () => postgres.stop()]);
      databaseUrl = postgres.url;
    }
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      say('Starting a private redis-server…');
      const redis = await startPrivateRedis({ port: await portOr(56379) });
      stops.push(['redis', () => redis.stop()]);
      process.once('exit', () => redis.process.kill('SIGKILL'));
      redisUrl = redis.url;
    }
    let smtpUrl = process.env.SMTP_URL;
    const mailboxDir = join(DEV_DIR, 'mailbox');
    if (!smtpUrl) {
      const sink = await startSmtpSink({
        port: await portOr(1025),
        mailboxDir,
        log: prefixer('mailbox', 4),
      });
      stops.push(['smtp sink', () => sink.stop()]);
      smtpUrl = sink.url;
    }

    const credentialsFile = join(DEV_DIR, 'admin-credentials.json');
    // A signing secret made once per dev folder, so sign-ins survive restarts.
    const secretFile = join(DEV_DIR, 'jwt-secret');
    if (!process.env.JWT_SECRET && !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
    const jwtSecret = process.env.JWT_SECRET ?? readFileSync(secretFile, 'utf8').trim();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SMTP_URL: smtpUrl,
      STORAGE_DIR: process.env.STORAGE_DIR ?? join(DEV_DIR, 'storage'),
      PEDULI_DEV_CREDENTIALS_FILE: credentialsFile,
      JWT_SECRET: jwtSecret,
      // Mails link to the web app where this start serves it, also when PORT moves it off 3000.
      APP_URL: process.env.APP_URL ?? `http://localhost:${API_PORT}`,
      // Reminders go out on their own timers; the sweep is the catch-up. On one machine it can run often, so a reminder
      // policy counted in minutes (`npm run demo` uses one) never waits long for a missed timer.
      REMINDER_SWEEP_INTERVAL_MS: process.env.REMINDER_SWEEP_INTERVAL_MS ?? '15000',
    };

    say('Migrating and seeding the database…');
    await runToCompletion('migrate', process.execPath, [join(ROOT, 'packages/db/dist/cli/migrate.js')], { env });
    await runToCompletion('seed', process.execPath, [join(ROOT, 'packages/db/dist/cli/seed.js')], { env });

    // A crashed worker (or API) is started again rather than taking the rest down with it; only one that keeps
    // crashing, which a restart will not cure, stops everything.
    const supervision = {
      maxCrashes: Number(process.env.PEDULI_MAX_CRASHES ?? 5),
      windowMs: Number(process.env.PEDULI_CRASH_WINDOW_MS ?? 60_000),
      log: say,
      onGiveUp: (name: string) => {
        if (stopping) return;
        say(`${name} keeps crashing; stopping everything.`);
        void shutdown(1);
      },
    };
    APPS.forEach((app, index) => {
      // The API's metrics listener takes the port after the workers' (3005 by default).
      const appEnv =
        app.name === 'api' ? { ...env, METRICS_PORT: process.env.METRICS_PORT ?? String(API_PORT + 5) } : { ...env, HEALTH_PORT: String(app.healthPort) };
      const launch = (): ManagedProcess =>
        startProcess(app.name, process.execPath, [...nodeFlagsOf(app.name), join(ROOT, app.entry)], { env: appEnv, cwd: ROOT, onLine: prefixer(app.name, index) });
      children.push(supervise(app.name, launch, supervision));
    });
    await Promise.all(
      APPS.map((app, index) =>
        waitForHttpOk(`http://127.0.0.1:${app.healthPort}/health/ready`, { timeoutMs: 60_000, process: children[index].current() }),
      ),
    );

    const credentials = existsSync(credentialsFile) ? (JSON.parse(readFileSync(credentialsFile, 'utf8')) as BannerInput['credentials']) : null;
    say(
      bannerLines({
        apiPort: APPS[0].healthPort,
        metricsPort: process.env.METRICS_PORT ?? API_PORT + 5,
        mailboxDir: process.env.SMTP_URL ? null : mailboxDir,
        smtpUrl,
        credentials,
      }).join('\n'),
    );
  } catch (error) {
    if (error instanceof RedisNotInstalledError) say(error.message);
    else say(`Peduli could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
