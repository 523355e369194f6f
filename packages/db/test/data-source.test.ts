import { createEmptyDatabase, TestDatabase } from '@peduli/devservices';
import { DataSource } from 'typeorm';
import { createDataSource } from '../src';

describe('data source: a statement timeout on every pooled connection', () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];
  const open = async (statementTimeoutMs?: number) => {
    const dataSource = await createDataSource({ url: database.url, poolSize: 3, statementTimeoutMs }).initialize();
    opened.push(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(async () => {
    for (const dataSource of opened) await dataSource.destroy();
    await database?.drop();
  });

  it('sets the limit on each connection of the pool, and PostgreSQL cancels a statement that runs past it', async () => {
    const dataSource = await open(250);
    // Three at once, so each runs on its own connection of the pool.
    const shown = await Promise.all([1, 2, 3].map(() => dataSource.query(`SELECT current_setting('statement_timeout') AS value, pg_backend_pid() AS pid`)));
    expect(new Set(shown.map(([row]) => row.pid)).size).toBe(3);
    expect(shown.map(([row]) => row.value)).toEqual(['250ms', '250ms', '250ms']);
    await expect(dataSource.query(`SELECT pg_sleep(3)`)).rejects.toMatchObject({ driverError: { code: '57014' } });
    // The connection that was cut short goes on serving.
    expect(await dataSource.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it('leaves statements unlimited without a setting, as migrations and the seed run', async () => {
    const dataSource = await open();
    expect(await dataSource.query(`SELECT current_setting('statement_timeout') AS value`)).toEqual([{ value: '0' }]);
  });
});
