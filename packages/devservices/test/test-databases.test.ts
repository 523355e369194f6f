import { Client } from 'pg';
import { claimTestRun, createDatabaseFromTemplate, dropAbandonedTemplates, dropTemplateDatabases, TEST_RUN_ENV, TestDatabase, testServiceUrls } from '../src';
import globalSetup from '../src/jest/global-setup';
import globalTeardown from '../src/jest/global-teardown';

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const templatesOf = async (run: string) =>
  (await query<{ datname: string }>(testServiceUrls().postgres, 'SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1', [`peduli_tpl_${run}_%`])).map(
    (row) => row.datname,
  );

/** A build that makes one table with one row and counts how often it ran. */
function countingBuild() {
  const build = async (url: string) => {
    build.runs += 1;
    await query(url, `CREATE TABLE marker (value text); INSERT INTO marker VALUES ('built')`);
  };
  build.runs = 0;
  return build;
}

describe('test databases copied from a template built once per run', () => {
  const created: TestDatabase[] = [];
  const previousRun = process.env[TEST_RUN_ENV];
  let run: string;
  let releaseRun: () => Promise<void>;

  // Each test is a run of its own, claimed like the global setup claims one, so no other run takes it for abandoned.
  beforeEach(async () => {
    run = `t${Math.random().toString(16).slice(2, 9)}`;
    process.env[TEST_RUN_ENV] = run;
    releaseRun = await claimTestRun(testServiceUrls().postgres, run);
  });
  afterEach(async () => {
    await Promise.all(created.splice(0).map((database) => database.drop()));
    await dropTemplateDatabases(testServiceUrls().postgres, run);
    await releaseRun();
  });
  afterAll(() => {
    if (previousRun === undefined) delete process.env[TEST_RUN_ENV];
    else process.env[TEST_RUN_ENV] = previousRun;
  });

  it('builds the template once and gives each caller an independent copy of it', async () => {
    const build = countingBuild();
    const [first, second, third] = await Promise.all([1, 2, 3].map(() => createDatabaseFromTemplate('demo', build)));
    created.push(first, second, third);

    expect(build.runs).toBe(1);
    expect(new Set([first.name, second.name, third.name]).size).toBe(3);
    await query(first.url, `INSERT INTO marker VALUES ('only in the first')`);
    expect(await query(first.url, 'SELECT value FROM marker ORDER BY value')).toEqual([{ value: 'built' }, { value: 'only in the first' }]);
    expect(await query(second.url, 'SELECT value FROM marker')).toEqual([{ value: 'built' }]);
    expect(await templatesOf(run)).toEqual([`peduli_tpl_${run}_demo`]);
  });

  it('keeps the template closed to connections, so nobody connected to it can make a copy fail', async () => {
    created.push(await createDatabaseFromTemplate('demo', countingBuild()));
    const templateUrl = new URL(testServiceUrls().postgres);
    templateUrl.pathname = `/peduli_tpl_${run}_demo`;

    await expect(query(templateUrl.toString(), 'SELECT 1')).rejects.toThrow(/not currently accepting connections/);
  });

  it('builds one template per key', async () => {
    const plain = countingBuild();
    const seeded = countingBuild();
    created.push(await createDatabaseFromTemplate('plain', plain), await createDatabaseFromTemplate('seeded', seeded), await createDatabaseFromTemplate('plain', plain));

    expect([plain.runs, seeded.runs]).toEqual([1, 1]);
    expect(await templatesOf(run)).toEqual([`peduli_tpl_${run}_plain`, `peduli_tpl_${run}_seeded`]);
  });

  it('leaves no half-built template behind when the build fails, and builds it again on the next call', async () => {
    await expect(
      createDatabaseFromTemplate('broken', async (url) => {
        await query(url, 'CREATE TABLE half (id int)');
        throw new Error('migration 7 failed');
      }),
    ).rejects.toThrow('migration 7 failed');
    expect(await templatesOf(run)).toEqual([]);

    const build = countingBuild();
    created.push(await createDatabaseFromTemplate('broken', build));
    expect(build.runs).toBe(1);
  });

  it('builds each database directly when no test run is set (a caller outside Jest)', async () => {
    delete process.env[TEST_RUN_ENV];
    const build = countingBuild();
    created.push(await createDatabaseFromTemplate('demo', build), await createDatabaseFromTemplate('demo', build));

    expect(build.runs).toBe(2);
    expect(await templatesOf(run)).toEqual([]);
  });

  it('drops the templates of a run that ended without its teardown, and leaves those of a live run alone', async () => {
    const dead = `t${Math.random().toString(16).slice(2, 9)}`;
    const releaseDead = await claimTestRun(testServiceUrls().postgres, dead);
    process.env[TEST_RUN_ENV] = dead;
    await (await createDatabaseFromTemplate('demo', countingBuild())).drop();
    // Killed: its claim ends with its connection, its template stays.
    await releaseDead();
    process.env[TEST_RUN_ENV] = run;
    created.push(await createDatabaseFromTemplate('demo', countingBuild()));

    expect(await dropAbandonedTemplates(testServiceUrls().postgres)).toContain(dead);

    expect(await templatesOf(dead)).toEqual([]);
    expect(await templatesOf(run)).toEqual([`peduli_tpl_${run}_demo`]);
  });

  it('names the run in the Jest global setup and drops its templates in the teardown', async () => {
    delete process.env[TEST_RUN_ENV];
    await globalSetup();
    run = process.env[TEST_RUN_ENV] as string;
    expect(run).toMatch(/^[0-9a-f]{8}$/);
    created.push(await createDatabaseFromTemplate('demo', countingBuild()));
    await Promise.all(created.splice(0).map((database) => database.drop()));
    expect(await templatesOf(run)).toEqual([`peduli_tpl_${run}_demo`]);

    await globalTeardown();

    expect(await templatesOf(run)).toEqual([]);
    expect(process.env[TEST_RUN_ENV]).toBeUndefined();
  });
});
