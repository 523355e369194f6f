import { createEmptyDatabase, TestDatabase } from '@peduli/devservices';
import { DataSource } from 'typeorm';
import { ActorType, createDataSource, recordAudit, runMigrations, seedReferenceData } from '../src';

describe('rules the database enforces by itself', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    dataSource = await createDataSource({ url: database.url }).initialize();
    await runMigrations(dataSource);
    await seedReferenceData(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  describe('the audit trail is append-only', () => {
    beforeAll(async () => {
      await dataSource.transaction((manager) =>
        recordAudit(manager, {
          actor: { type: ActorType.USER, id: '6f1c1c3e-2b1a-4c8e-9d52-2f0f4f0c2a11' },
          action: 'organisation.created',
          entityType: 'organisation',
          entityId: 'x',
          after: { name: 'Dinas Kesehatan' },
          regionCode: '64.71',
          requestId: 'req-1',
        }),
      );
    });

    it('records the actor, action, change, request id and derived province', async () => {
      const [row] = await dataSource.query(`SELECT * FROM audit_entry`);
      expect(row).toMatchObject({
        actor_type: 'USER',
        action: 'organisation.created',
        after: { name: 'Dinas Kesehatan' },
        request_id: 'req-1',
        province_code: '64',
        region_code: '64.71',
      });
    });

    it.each([
      ['UPDATE', `UPDATE audit_entry SET action = 'forged'`],
      ['DELETE', `DELETE FROM audit_entry`],
      ['TRUNCATE', `TRUNCATE audit_entry`],
    ])('refuses %s, even for the table owner', async (operation, sql) => {
      await expect(dataSource.query(sql)).rejects.toThrow(`audit_entry is append-only: ${operation} is not allowed`);
      const [row] = await dataSource.query(`SELECT count(*)::int AS n, min(action) AS action FROM audit_entry`);
      expect(row).toEqual({ n: 1, action: 'organisation.created' });
    });
  });

  it('places organisations where their kind belongs', async () => {
    const insert = (kind: string, province: string | null, region: string | null) =>
      dataSource.query(`INSERT INTO organisation (kind, name, province_code, region_code) VALUES ($1, 'x', $2, $3)`, [kind, province, region]);
    await insert('OPD', '64', '64.71');
    await insert('KANWIL', '64', null);
    await insert('MINISTRY', null, null);
    await expect(insert('OPD', '64', null)).rejects.toThrow(/organisation_scope_ck/);
    await expect(insert('OPD', '31', '64.71')).rejects.toThrow(/organisation_scope_ck/);
    await expect(insert('KANWIL', '64', '64.71')).rejects.toThrow(/organisation_scope_ck/);
    await expect(insert('MINISTRY', '64', null)).rejects.toThrow(/organisation_scope_ck/);
  });

  it('keeps one role assignment per user, role and scope, an absent scope equal to another', async () => {
    const [user] = await dataSource.query(
      `INSERT INTO user_account (email, display_name, password_hash) VALUES ('x@peduli.test', 'X', 'h') RETURNING id`,
    );
    const assign = (region: string | null) =>
      dataSource.query(`INSERT INTO role_assignment (user_id, role, region_code) VALUES ($1, 'VIEWER', $2)`, [user.id, region]);
    await assign(null);
    await expect(assign(null)).rejects.toThrow(/role_assignment_scope_uq/);
    await assign('64.71');
    await expect(assign('64.71')).rejects.toThrow(/role_assignment_scope_uq/);
  });
});
