import { verify } from '@node-rs/argon2';
import { createEmptyDatabase, TestDatabase } from '@peduli/devservices';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const dist = join(__dirname, '..', 'dist', 'cli');

function run(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [join(dist, script)], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8' });
}

describe('db:migrate and db:seed command-line entry points', () => {
  let database: TestDatabase;
  let scratch: string;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'peduli-seed-'));
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses to start without DATABASE_URL and names it', () => {
    const result = run('migrate.js', {});
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('DATABASE_URL');
  });

  it('migrates, then seeds twice with the same result, writing generated dev credentials once', async () => {
    expect(run('migrate.js', { DATABASE_URL: database.url }).status).toBe(0);
    const credentials = join(scratch, 'admin.json');
    const env = {
      DATABASE_URL: database.url,
      NODE_ENV: 'development',
      PEDULI_DEV_CREDENTIALS_FILE: credentials,
      PEDULI_DEMO_DATA: 'off',
    };
    const first = run('seed.js', env);
    expect(first.status).toBe(0);
    const written = JSON.parse(readFileSync(credentials, 'utf8'));
    expect(written.email).toBe('admin@peduli.local');
    expect(written.password.length).toBeGreaterThanOrEqual(16);
    const second = run('seed.js', env);
    expect(second.status).toBe(0);
    expect(JSON.parse(readFileSync(credentials, 'utf8'))).toEqual(written);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM province) AS provinces, (SELECT count(*)::int FROM region) AS regions, (SELECT count(*)::int FROM user_account) AS users`,
    );
    await client.end();
    expect(rows[0]).toEqual({ provinces: 38, regions: 514, users: 1 });
  });

  it('seeds demo data in development, adding its password and users to the credentials file once', async () => {
    // Same database and file as above: the admin exists and its credentials are in the file already.
    const credentials = join(scratch, 'admin.json');
    const admin = JSON.parse(readFileSync(credentials, 'utf8'));
    const env = { DATABASE_URL: database.url, NODE_ENV: 'development', PEDULI_DEV_CREDENTIALS_FILE: credentials };
    const first = run('seed.js', env);
    expect(first.status).toBe(0);
    const written = JSON.parse(readFileSync(credentials, 'utf8'));
    expect(written).toMatchObject({ email: admin.email, password: admin.password });
    expect(written.demo.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(written.demo.password).not.toBe(admin.password);
    // Two regencies/cities, a province and a ministry with their people, a Kanwil and a central verifier.
    expect(written.demo.users).toHaveLength(20);
    expect(written.demo.users).toContainEqual({
      email: 'operator.dinkes.balikpapan@demo.peduli.local',
      role: 'UNIT_OPERATOR',
      scope: 'Dinas Kesehatan Kota Balikpapan',
    });
    expect(written.demo.users).toContainEqual(expect.objectContaining({ email: 'koordinator.kemenkes@demo.peduli.local', role: 'COORDINATOR' }));
    expect(written.demo.users).toContainEqual(expect.objectContaining({ email: 'verifikator.pusat@demo.peduli.local', role: 'CENTRAL_VERIFIER' }));
    expect(first.stdout).not.toContain(written.demo.password);

    const second = run('seed.js', env);
    expect(second.status).toBe(0);
    expect(JSON.parse(readFileSync(credentials, 'utf8'))).toEqual(written);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM user_account) AS users, (SELECT count(*)::int FROM organisation) AS organisations,
              (SELECT count(*)::int FROM role_assignment) AS assignments,
              (SELECT password_hash FROM user_account WHERE email = 'viewer.balikpapan@demo.peduli.local') AS hash`,
    );
    await client.end();
    // 20 demo people with one role each, plus the national admin; 15 demo organisations (the ministry and its two
    // directorates, the Kanwil, the Biro Hukum and two province OPD, and the two cities' Bagian Hukum and units).
    expect(rows[0]).toMatchObject({ users: 21, organisations: 15, assignments: 21 });
    expect(await verify(rows[0].hash, written.demo.password)).toBe(true);
  });

  it('is idempotent without a credentials file: a second seed changes no demo account and prints no new password', async () => {
    const plain = await createEmptyDatabase();
    try {
      expect(run('migrate.js', { DATABASE_URL: plain.url }).status).toBe(0);
      const env = { DATABASE_URL: plain.url, NODE_ENV: 'development' };
      const first = run('seed.js', env);
      expect(first.status).toBe(0);
      const printed = /sign in with: (\S+) \(shown once\)/.exec(first.stdout);
      expect(printed).not.toBeNull();

      const hashes = async () => {
        const client = new Client({ connectionString: plain.url });
        await client.connect();
        const { rows } = await client.query(`SELECT email, password_hash FROM user_account ORDER BY email`);
        await client.end();
        return rows;
      };
      const before = await hashes();
      const second = run('seed.js', env);
      expect(second.status).toBe(0);
      expect(second.stdout).not.toContain('sign in with');
      expect(await hashes()).toEqual(before);
      // The password printed the first time still opens the demo accounts.
      const demo = before.find((row: { email: string }) => row.email.endsWith('@demo.peduli.local'));
      expect(await verify(demo.password_hash, printed![1])).toBe(true);
    } finally {
      await plain.drop();
    }
  });

  it('refuses to seed production without ADMIN_PASSWORD', () => {
    const result = run('seed.js', { DATABASE_URL: database.url, NODE_ENV: 'production', ADMIN_EMAIL: 'ops@peduli.test' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('ADMIN_PASSWORD');
  });
});
