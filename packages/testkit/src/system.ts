import { freePort, ManagedProcess, SmtpSink, startProcess, startSmtpSink, testServiceUrls, uniqueQueuePrefix, waitForHttpOk } from '@peduli/devservices';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMigratedDatabase, MigratedDatabase } from './index';
import { createTestUser, signIn } from './people';

/** The repository root (this file runs from packages/testkit/dist). */
export const ROOT = join(__dirname, '..', '..', '..');

export const ROLES = {
  api: 'apps/api/dist/main.js',
  'document-worker': 'apps/document-worker/dist/main.js',
  'scoring-worker': 'apps/scoring-worker/dist/main.js',
  'reminder-worker': 'apps/reminder-worker/dist/main.js',
  'report-worker': 'apps/report-worker/dist/main.js',
} as const;
export type Role = keyof typeof ROLES;

/**
 * For tests that kill a worker mid-job: BullMQ takes a dead worker's job back within 10-15 s instead of 30-45 s (the
 * production lockDuration and stalledInterval, packages/queue/src/defaults.ts). Long enough that a worker slowed by a
 * busy 2-core machine still renews its lock (every 5 s) well in time.
 */
export const QUICK_STALLED_JOB_RECOVERY = { QUEUE_LOCK_DURATION_MS: '10000', QUEUE_STALLED_INTERVAL_MS: '5000' } as const;

export interface RunningSystem {
  apiUrl: string;
  healthUrls: Record<Role, string>;
  /** The started roles' processes (all of them unless startSystem was given `roles`). */
  processes: Record<Role, ManagedProcess>;
  sink: SmtpSink;
  database: MigratedDatabase;
  queuePrefix: string;
  env: NodeJS.ProcessEnv;
  /** A national admin's access token. */
  token: string;
  /** Starts one role again (after it was stopped or killed) with the same configuration. */
  restart(role: Role): Promise<ManagedProcess>;
  stop(): Promise<Record<Role, number | null>>;
}

/**
 * The whole system as production runs it: separate Node processes started from their built entry points, talking to
 * a real PostgreSQL, Redis and SMTP server. `roles` starts only those a test needs (the API always): each process
 * costs seconds of CPU to start, the most of a short test file's time on a busy 2-core machine.
 */
export async function startSystem(
  extraEnv: Record<string, string> = {},
  options: { nodeArgs?: string[] | ((role: Role) => readonly string[]); roles?: Exclude<Role, 'api'>[] } = {},
): Promise<RunningSystem> {
  const started: Role[] = options.roles ? ['api', ...options.roles] : (Object.keys(ROLES) as Role[]);
  const database = await createMigratedDatabase();
  const sink = await startSmtpSink();
  const storageDir = mkdtempSync(join(tmpdir(), 'peduli-e2e-storage-'));
  const queuePrefix = uniqueQueuePrefix('e2e');
  const apiPort = await freePort();
  const ports: Record<Role, number> = {
    api: apiPort,
    'document-worker': await freePort(),
    'scoring-worker': await freePort(),
    'reminder-worker': await freePort(),
    'report-worker': await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    REDIS_URL: testServiceUrls().redis,
    SMTP_URL: sink.url,
    QUEUE_PREFIX: queuePrefix,
    STORAGE_DIR: storageDir,
    HOST: '127.0.0.1',
    HEALTH_HOST: '127.0.0.1',
    OUTBOX_SWEEP_INTERVAL_MS: '500',
    APP_URL: 'https://peduli.test',
    JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-0123456789',
    ...extraEnv,
  };
  const healthUrls = Object.fromEntries(
    (Object.keys(ROLES) as Role[]).map((role) => [role, `http://127.0.0.1:${ports[role]}/health/ready`]),
  ) as Record<Role, string>;

  const launch = async (role: Role) => {
    const roleEnv = role === 'api' ? { ...env, PORT: String(apiPort) } : { ...env, HEALTH_PORT: String(ports[role]) };
    const child = startProcess(role, process.execPath, [...(typeof options.nodeArgs === 'function' ? options.nodeArgs(role) : (options.nodeArgs ?? [])), join(ROOT, ROLES[role])], { env: roleEnv, cwd: ROOT, keepLines: 2000 });
    // Generous: two browser tests may start their systems at once on a 2-core machine; a process that dies fails at once.
    await waitForHttpOk(healthUrls[role], { timeoutMs: 90_000, process: child });
    return child;
  };

  const processes = {} as Record<Role, ManagedProcess>;
  try {
    await Promise.all(started.map(async (role) => (processes[role] = await launch(role))));
  } catch (error) {
    await Promise.all(Object.values(processes).map((p) => p.stop(2000)));
    throw error;
  }

  const admin = await createTestUser(database.dataSource, { email: 'admin@peduli.test', roles: [{ role: 'NATIONAL_ADMIN' }] });
  const token = await signIn(`http://127.0.0.1:${apiPort}`, admin.email);

  return {
    token,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    healthUrls,
    processes,
    sink,
    database,
    queuePrefix,
    env,
    restart: async (role) => (processes[role] = await launch(role)),
    stop: async () => {
      const codes = {} as Record<Role, number | null>;
      await Promise.all((Object.keys(processes) as Role[]).map(async (role) => (codes[role] = await processes[role].stop(20_000))));
      await sink.stop();
      await database.drop();
      rmSync(storageDir, { recursive: true, force: true });
      return codes;
    },
  };
}

export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The first bytes of a Windows executable: what a renamed .exe looks like to a content sniffer. */
export const FAKE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0), Buffer.from('PE\0\0'), Buffer.alloc(200, 0)]);

export async function uploadEvidence(
  apiUrl: string,
  token: string,
  submissionId: string,
  file: Buffer,
  fileName: string,
  mime: string,
  documentType: string,
  indicatorCodes: string[] = [],
) {
  const form = new FormData();
  form.append('documentType', documentType);
  if (indicatorCodes.length > 0) form.append('indicatorCodes', indicatorCodes.join(','));
  form.append('file', new Blob([new Uint8Array(file)], { type: mime }), fileName);
  const response = await fetch(`${apiUrl}/api/v1/submissions/${submissionId}/evidence`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

export async function createAndSubmit(
  apiUrl: string,
  token: string,
  body: Record<string, unknown>,
  files: { data: Buffer; name: string; mime: string; type: string; indicators?: string[] }[],
): Promise<string> {
  const created = await fetch(`${apiUrl}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  for (const file of files) await uploadEvidence(apiUrl, token, id, file.data, file.name, file.mime, file.type, file.indicators);
  const submitted = await fetch(`${apiUrl}/api/v1/submissions/${id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${await submitted.text()}`);
  return id;
}
