import { verify } from '@node-rs/argon2';
import { createEmptyDatabase, TestDatabase } from '@peduli/devservices';
import { DataSource } from 'typeorm';
import { createDataSource, ensureNationalAdmin, loadReferenceData, runMigrations, seedReferenceData } from '../src';
import { CriterionFiveName1795901500000 } from '../src/migrations/1795901500000-CriterionFiveName';
import { CycleDataYearDecreeAndAdjustments1795901400000 } from '../src/migrations/1795901400000-CycleDataYearDecreeAndAdjustments';
import { ExtensionsForEveryReporter1795901700000 } from '../src/migrations/1795901700000-ExtensionsForEveryReporter';
import { InternalDeadlinesForEveryReporter1795901700001 } from '../src/migrations/1795901700001-InternalDeadlinesForEveryReporter';
import { ReminderSlotsNameReporters1795901700002 } from '../src/migrations/1795901700002-ReminderSlotsNameReporters';

describe('migrations and seed on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    dataSource = await createDataSource({ url: database.url }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('applies the checked-in migrations to an empty database, and a second run applies nothing', async () => {
    const applied = await runMigrations(dataSource);
    expect(applied.length).toBeGreaterThan(0);
    expect(await runMigrations(dataSource)).toEqual([]);
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['province', 'region', 'submission', 'evidence_document', 'score_snapshot', 'outbox_event', 'email_notification', 'user_account']),
    );
  });

  it('leaves no difference between the entities and the migrated schema (migrations are complete)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('seeds the 38 provinces and 514 regencies/cities with official codes and time zones', async () => {
    const counts = await seedReferenceData(dataSource);
    expect(counts).toEqual({ provinces: 38, regions: 514 });
    const [balikpapan] = await dataSource.query(`SELECT * FROM region WHERE code = '64.71'`);
    expect(balikpapan).toMatchObject({ name: 'Kota Balikpapan', kind: 'KOTA', province_code: '64', time_zone: 'WITA', iana_zone: 'Asia/Makassar' });
    const byZone: { time_zone: string; n: number }[] = await dataSource.query(
      `SELECT time_zone, count(*)::int AS n FROM region GROUP BY 1 ORDER BY 1`,
    );
    expect(byZone.reduce((sum, row) => sum + row.n, 0)).toBe(514);
    const [jayapura] = await dataSource.query(`SELECT time_zone FROM region WHERE code = '91.71'`);
    expect(jayapura.time_zone).toBe('WIT');
    const [jakartaPusat] = await dataSource.query(`SELECT time_zone, kind FROM region WHERE code = '31.71'`);
    expect(jakartaPusat).toEqual({ time_zone: 'WIB', kind: 'KOTA' });
    const [kinds] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE kind = 'KABUPATEN')::int AS kabupaten, count(*) FILTER (WHERE kind = 'KOTA')::int AS kota FROM region`,
    );
    expect(kinds).toEqual({ kabupaten: 416, kota: 98 });
  });

  it('is idempotent: seeding again changes no row', async () => {
    const before = await dataSource.query(`SELECT md5(string_agg(r::text, ',' ORDER BY code)) AS h FROM region r`);
    await seedReferenceData(dataSource);
    const after = await dataSource.query(`SELECT md5(string_agg(r::text, ',' ORDER BY code)) AS h FROM region r`);
    expect(after).toEqual(before);
    const [count] = await dataSource.query(`SELECT count(*)::int AS n FROM region`);
    expect(count.n).toBe(514);
  });

  it('reads every region of the reference data with a province that exists', () => {
    const { provinces, regions } = loadReferenceData();
    const provinceCodes = new Set(provinces.map((p) => p.code));
    expect(regions.filter((r) => !provinceCodes.has(r.provinceCode))).toEqual([]);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('creates the national admin once with an argon2id hash and never overwrites it', async () => {
    const first = await ensureNationalAdmin(dataSource, { email: 'Admin@Peduli.Test' });
    expect(first.created).toBe(true);
    expect(first.email).toBe('admin@peduli.test');
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const [row] = await dataSource.query(`SELECT id, password_hash FROM user_account WHERE email = 'admin@peduli.test'`);
    // Rights come from role assignments: the admin must hold NATIONAL_ADMIN, with no scope.
    const roles = await dataSource.query(`SELECT role, province_code, region_code, organisation_id FROM role_assignment WHERE user_id = $1`, [row.id]);
    expect(roles).toEqual([{ role: 'NATIONAL_ADMIN', province_code: null, region_code: null, organisation_id: null }]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(row.password_hash, first.generatedPassword!)).toBe(true);

    const second = await ensureNationalAdmin(dataSource, { email: 'admin@peduli.test', password: 'another-password-123' });
    expect(second).toEqual({ email: 'admin@peduli.test', created: false, skipped: 'national admin exists' });
    const [unchanged] = await dataSource.query(`SELECT password_hash FROM user_account WHERE email = 'admin@peduli.test'`);
    expect(unchanged.password_hash).toBe(row.password_hash);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM role_assignment WHERE user_id = $1`, [row.id]);
    expect(n).toBe(1);
  });

  it('does not give the role back to ADMIN_EMAIL once another national admin exists', async () => {
    const [first] = await dataSource.query(`SELECT id FROM user_account WHERE email = 'admin@peduli.test'`);
    const [second] = await dataSource.query(
      `INSERT INTO user_account (email, display_name, password_hash) VALUES ('kedua@peduli.test', 'Kedua', 'x') RETURNING id`,
    );
    await dataSource.query(`INSERT INTO role_assignment (user_id, role) VALUES ($1, 'NATIONAL_ADMIN')`, [second.id]);
    // The second admin takes the role away from the first (e.g. someone who left the ministry).
    await dataSource.query(`DELETE FROM role_assignment WHERE user_id = $1`, [first.id]);

    expect(await ensureNationalAdmin(dataSource, { email: 'admin@peduli.test' })).toEqual({
      email: 'admin@peduli.test',
      created: false,
      skipped: 'national admin exists',
    });
    expect(await dataSource.query(`SELECT role FROM role_assignment WHERE user_id = $1`, [first.id])).toEqual([]);
    // Nor is a new admin made for another ADMIN_EMAIL.
    await ensureNationalAdmin(dataSource, { email: 'baru@peduli.test' });
    expect(await dataSource.query(`SELECT id FROM user_account WHERE email = 'baru@peduli.test'`)).toEqual([]);
  });

  it('bootstraps again only when no active national admin is left: an existing ADMIN_EMAIL account gets the role', async () => {
    await dataSource.query(`UPDATE user_account SET active = false WHERE email = 'kedua@peduli.test'`);
    const [user] = await dataSource.query(
      `INSERT INTO user_account (email, display_name, password_hash) VALUES ('lama@peduli.test', 'Lama', 'x') RETURNING id`,
    );
    expect(await ensureNationalAdmin(dataSource, { email: 'lama@peduli.test' })).toEqual({ email: 'lama@peduli.test', created: false });
    const roles = await dataSource.query(`SELECT role FROM role_assignment WHERE user_id = $1`, [user.id]);
    expect(roles).toEqual([{ role: 'NATIONAL_ADMIN' }]);
  });

  it('keeps uniqueness in the database: a second score snapshot for the same inputs is refused', async () => {
    const [submission] = await dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, version) VALUES ('64.71', 'RANHAM', '2026-B08', 1) RETURNING id`,
    );
    const insert = () =>
      dataSource.query(
        `INSERT INTO score_snapshot (submission_id, region_code, period_key, framework_version, basis, input_hash, total, band, breakdown)
         VALUES ($1, '64.71', '2026-B08', 'v1', 'SELF_ASSESSED', repeat('a', 64), 80, 'PEDULI', '{}')`,
        [submission.id],
      );
    await insert();
    await expect(insert()).rejects.toThrow(/score_snapshot_inputs_uq/);
  });

  it('names criterion K5 of a sample seeded earlier "Hak atas Kependudukan", touches no other version, and can go back', async () => {
    await runMigrations(dataSource);
    const content = (name: string) => JSON.stringify({ criteria: [{ code: 'K4', name: 'Hak atas Keberagaman dan Pluralisme' }, { code: 'K5', name, rightsGroup: 'SIPOL' }] });
    const version = (code: string, name: string) =>
      dataSource.query(
        `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
         VALUES ('KKP_HAM', $1, 1, 'PUBLISHED', 'sample', $2, now())
         ON CONFLICT (framework_code, version) DO UPDATE SET content = EXCLUDED.content`,
        [code, content(name)],
      );
    // As a database seeded before the correction holds it, and an imported version with its own text.
    await version('KKP_HAM_PERMENKUMHAM_22_2021', 'Hak atas Administrasi Kependudukan');
    await version('KKP_HAM_IMPORTED', 'Hak atas Administrasi Kependudukan');
    const names = async () =>
      Object.fromEntries(
        (await dataSource.query(`SELECT framework_code, content -> 'criteria' -> 1 ->> 'name' AS name FROM framework_version WHERE framework_code IN ('KKP_HAM_PERMENKUMHAM_22_2021', 'KKP_HAM_IMPORTED')`)).map(
          (row: { framework_code: string; name: string }) => [row.framework_code, row.name],
        ),
      );
    const migration = new CriterionFiveName1795901500000();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.up(runner);
      expect(await names()).toEqual({ KKP_HAM_PERMENKUMHAM_22_2021: 'Hak atas Kependudukan', KKP_HAM_IMPORTED: 'Hak atas Administrasi Kependudukan' });
      await migration.down(runner);
      expect(await names()).toEqual({ KKP_HAM_PERMENKUMHAM_22_2021: 'Hak atas Administrasi Kependudukan', KKP_HAM_IMPORTED: 'Hak atas Administrasi Kependudukan' });
    } finally {
      await runner.release();
    }
    await dataSource.query(`DELETE FROM framework_version WHERE framework_code IN ('KKP_HAM_PERMENKUMHAM_22_2021', 'KKP_HAM_IMPORTED')`);
  });

  it('gives existing cycles their data year and existing adjustments a history row, defaults the data year on insert, and can go back', async () => {
    await runMigrations(dataSource);
    const migration = new CycleDataYearDecreeAndAdjustments1795901400000();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const [{ id: versionId }] = await dataSource.query(
        `INSERT INTO framework_version (programme, framework_code, version, status, label, content) VALUES ('KKP_HAM', 'KKP_DATA_YEAR', 1, 'PUBLISHED', 'x', '{}') RETURNING id`,
      );
      await dataSource.query(
        `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('KKP_HAM', 2031, 'KKP', $1), ('RANHAM', 2031, 'RANHAM', $1)`,
        [versionId],
      );
      const [{ id: submissionId }] = await dataSource.query(
        `INSERT INTO submission (region_code, province_code, programme, period_key, adjustments, version)
         VALUES ('64.71', '64', 'KKP_HAM', '2031-TAHUNAN', '{"AKSI_HAM_BONUS": 3.5, "BROKEN": "x"}', 1) RETURNING id`,
      );
      await migration.up(runner);
      const years = await dataSource.query(`SELECT programme, data_year, decree_number FROM reporting_cycle WHERE year = 2031 ORDER BY programme`);
      expect(years).toEqual([
        { programme: 'KKP_HAM', data_year: 2030, decree_number: null },
        { programme: 'RANHAM', data_year: 2031, decree_number: null },
      ]);
      const history = await dataSource.query(`SELECT code, value::float AS value FROM score_adjustment WHERE submission_id = $1`, [submissionId]);
      expect(history).toEqual([{ code: 'AKSI_HAM_BONUS', value: 3.5 }]);
      await dataSource.query(`INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('KKP_HAM', 2032, 'KKP', $1)`, [versionId]);
      expect(await dataSource.query(`SELECT data_year FROM reporting_cycle WHERE year = 2032`)).toEqual([{ data_year: 2031 }]);
      await dataSource.query(`DELETE FROM score_adjustment WHERE submission_id = $1`, [submissionId]);
      await dataSource.query(`DELETE FROM submission WHERE id = $1`, [submissionId]);
      await dataSource.query(`DELETE FROM reporting_cycle WHERE framework_version_id = $1`, [versionId]);
      await dataSource.query(`DELETE FROM framework_version WHERE id = $1`, [versionId]);
    } finally {
      await runner.release();
    }
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });
  it('keeps a regency/city’s internal deadlines and extensions through the reporter migrations, takes a ministry’s, and refuses to go back over them', async () => {
    await runMigrations(dataSource);
    const migrations = [new ExtensionsForEveryReporter1795901700000(), new InternalDeadlinesForEveryReporter1795901700001(), new ReminderSlotsNameReporters1795901700002()];
    const runner = dataSource.createQueryRunner();
    try {
      for (const migration of [...migrations].reverse()) await migration.down(runner);
      const [{ id: versionId }] = await dataSource.query(
        `INSERT INTO framework_version (programme, framework_code, version, status, label, content) VALUES ('RANHAM', 'RANHAM_REPORTERS', 1, 'PUBLISHED', 'x', '{}') RETURNING id`,
      );
      const [{ id: cycleId }] = await dataSource.query(`INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', 2033, 'RANHAM', $1) RETURNING id`, [versionId]);
      const [{ id: periodId }] = await dataSource.query(`INSERT INTO reporting_period (cycle_id, code, deadline_date) VALUES ($1, 'B08', '2033-09-06') RETURNING id`, [cycleId]);
      await dataSource.query(`INSERT INTO internal_deadline (period_id, region_code, deadline_date) VALUES ($1, '64.71', '2033-09-01')`, [periodId]);
      await dataSource.query(`INSERT INTO deadline_extension (period_id, region_code, until, reason) VALUES ($1, '64.71', '2033-09-13T00:00:00Z', 'banjir')`, [periodId]);
      for (const migration of migrations) await migration.up(runner);

      expect(await dataSource.query(`SELECT region_code, reporter_organisation_id, deadline_date::text FROM internal_deadline WHERE period_id = $1 AND id IS NOT NULL`, [periodId])).toEqual([
        { region_code: '64.71', reporter_organisation_id: null, deadline_date: '2033-09-01' },
      ]);
      expect(await dataSource.query(`SELECT region_code, reporter_organisation_id FROM deadline_extension WHERE period_id = $1`, [periodId])).toEqual([{ region_code: '64.71', reporter_organisation_id: null }]);
      const [{ id: ministry }] = await dataSource.query(`INSERT INTO organisation (kind, name) VALUES ('MINISTRY', 'Kementerian Uji Migrasi') RETURNING id`);
      await dataSource.query(`INSERT INTO internal_deadline (period_id, reporter_organisation_id, deadline_date) VALUES ($1, $2, '2033-09-02')`, [periodId, ministry]);
      await dataSource.query(`INSERT INTO deadline_extension (period_id, reporter_organisation_id, until, reason) VALUES ($1, $2, '2033-09-13T00:00:00Z', 'gangguan')`, [periodId, ministry]);
      // One reporter per row, and one internal deadline per reporter and period.
      await expect(dataSource.query(`INSERT INTO internal_deadline (period_id, reporter_organisation_id, deadline_date) VALUES ($1, $2, '2033-09-03')`, [periodId, ministry])).rejects.toThrow(/internal_deadline_period_reporter_uq/);
      await expect(
        dataSource.query(`INSERT INTO deadline_extension (period_id, region_code, reporter_organisation_id, until, reason) VALUES ($1, '64.71', $2, now(), 'x')`, [periodId, ministry]),
      ).rejects.toThrow(/deadline_extension_one_reporter_chk/);
      await expect(migrations[1].down(runner)).rejects.toThrow('1 internal deadlines of province or K/L reporters exist');
      await expect(migrations[0].down(runner)).rejects.toThrow('1 extensions of province or K/L reporters exist');

      await dataSource.query(`DELETE FROM organisation WHERE id = $1`, [ministry]);
      for (const migration of [...migrations].reverse()) await migration.down(runner);
      expect(await dataSource.query(`SELECT region_code, deadline_date::text FROM internal_deadline WHERE period_id = $1`, [periodId])).toEqual([{ region_code: '64.71', deadline_date: '2033-09-01' }]);
      for (const migration of migrations) await migration.up(runner);
      await dataSource.query(`DELETE FROM reporting_cycle WHERE id = $1`, [cycleId]);
      await dataSource.query(`DELETE FROM framework_version WHERE id = $1`, [versionId]);
    } finally {
      await runner.release();
    }
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });
});
