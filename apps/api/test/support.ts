import type { INestApplication } from '@nestjs/common';
import { apiConfigSchema, loadConfig } from '@peduli/config';
import { createMigratedDatabase, createTestUser, MigratedDatabase, signIn, testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDocumentOf, createApp } from '../src/app.factory';
import { ContractRecorder } from './contract-recorder';

export interface TestApi {
  baseUrl: string;
  app: INestApplication;
  database: MigratedDatabase;
  storageDir: string;
  queuePrefix: string;
  /** Every JSON answer is checked against the OpenAPI document; close() fails the test file on a mismatch. */
  contract: ContractRecorder;
  /** A national admin's access token, used by the helpers below unless a test passes its own. */
  adminToken: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** The real application on a loopback port, with a database, a queue prefix and a storage folder of its own. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createMigratedDatabase();
  const storageDir = mkdtempSync(join(tmpdir(), 'peduli-storage-'));
  const queuePrefix = uniqueQueuePrefix('api');
  const config = loadConfig('api', apiConfigSchema, {
    DATABASE_URL: database.url,
    REDIS_URL: testServiceUrls().redis,
    QUEUE_PREFIX: queuePrefix,
    STORAGE_DIR: storageDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  });
  const app = await createApp(config);
  const contract = new ContractRecorder(apiDocumentOf(app));
  contract.install(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = await createTestUser(database.dataSource, { email: 'admin@peduli.test', roles: [{ role: 'NATIONAL_ADMIN' }] });
  const adminToken = await signIn(baseUrl, admin.email);
  const auth = (headers: Record<string, string> = {}) => ({ authorization: `Bearer ${adminToken}`, ...headers });
  return {
    baseUrl,
    adminToken,
    get: (path, headers) => fetch(`${baseUrl}${path}`, { headers: auth(headers) }),
    post: (path, body, headers) => post(baseUrl, path, body, auth(headers)),
    app,
    database,
    storageDir,
    queuePrefix,
    contract,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(storageDir, { recursive: true, force: true });
      const report = contract.failureReport();
      if (report) throw new Error(report);
    },
  };
}

/** Every file below a folder (recursively), to prove that nothing was left in storage. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export async function json(response: Response): Promise<Record<string, unknown> & { problems?: { field: string; problem: string }[] }> {
  return (await response.json()) as Record<string, unknown> & { problems?: { field: string; problem: string }[] };
}

export function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
