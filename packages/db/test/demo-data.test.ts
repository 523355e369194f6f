import { verify } from '@node-rs/argon2';
import { Role, ROLE_SCOPE } from '@peduli/domain';
import { createDatabaseFromTemplate, TestDatabase } from '@peduli/devservices';
import { DataSource } from 'typeorm';
import { createDataSource, DemoUser, seedDemoData } from '../src';
import { seededTemplate } from './seeded-template';

const PASSWORD = 'demo-password-for-tests';
const DOMAIN = 'demo.peduli.local';

interface OrganisationRow {
  id: string;
  kind: string;
  name: string;
  province_code: string | null;
  region_code: string | null;
}

describe('demo data for development', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let firstRun: DemoUser[];

  const countRows = async () => {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM organisation) AS organisations,
              (SELECT count(*)::int FROM user_account) AS users,
              (SELECT count(*)::int FROM role_assignment) AS assignments,
              (SELECT count(*)::int FROM reporting_cycle) AS cycles`,
    );
    return row as { organisations: number; users: number; assignments: number; cycles: number };
  };

  beforeAll(async () => {
    database = await createDatabaseFromTemplate('db_seeded', seededTemplate);
    dataSource = await createDataSource({ url: database.url }).initialize();
    firstRun = await seedDemoData(dataSource, { password: PASSWORD });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('creates the organisations of Kota Balikpapan, Kalimantan Timur, Kota Jayapura and Kementerian Kesehatan at the right level, units under their reporter', async () => {
    const rows: (OrganisationRow & { parent: string | null })[] = await dataSource.query(
      `SELECT o.id, o.kind, o.name, o.province_code, o.region_code, p.name AS parent FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id`,
    );
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const parents = Object.fromEntries(rows.filter((row) => row.parent).map((row) => [row.name, row.parent]));
    expect(parents).toEqual({
      'Dinas Kesehatan Provinsi Kalimantan Timur': 'Biro Hukum Setda Provinsi Kalimantan Timur',
      'Dinas Sosial Provinsi Kalimantan Timur': 'Biro Hukum Setda Provinsi Kalimantan Timur',
      'Direktorat Jenderal Kesehatan Primer dan Komunitas': 'Kementerian Kesehatan',
      'Direktorat Jenderal Kesehatan Lanjutan': 'Kementerian Kesehatan',
    });
    const summary = rows.map(({ kind, name, province_code, region_code }) => ({ kind, name, province_code, region_code }));
    expect(summary.sort(byName)).toEqual(
      [
        { kind: 'KANWIL', name: 'Kanwil Kementerian HAM Kalimantan Timur', province_code: '64', region_code: null },
        { kind: 'BIRO_HUKUM', name: 'Biro Hukum Setda Provinsi Kalimantan Timur', province_code: '64', region_code: null },
        { kind: 'BAGIAN_HUKUM', name: 'Bagian Hukum Setda Kota Balikpapan', province_code: '64', region_code: '64.71' },
        { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', province_code: '64', region_code: '64.71' },
        { kind: 'OPD', name: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan', province_code: '64', region_code: '64.71' },
        { kind: 'OPD', name: 'Dinas Tenaga Kerja Kota Balikpapan', province_code: '64', region_code: '64.71' },
        { kind: 'COMPANY', name: 'PT Contoh Energi Balikpapan', province_code: '64', region_code: '64.71' },
        { kind: 'UNIVERSITY', name: 'Universitas Contoh Balikpapan', province_code: '64', region_code: '64.71' },
        { kind: 'BAGIAN_HUKUM', name: 'Bagian Hukum Setda Kota Jayapura', province_code: '91', region_code: '91.71' },
        { kind: 'OPD', name: 'Dinas Sosial Kota Jayapura', province_code: '91', region_code: '91.71' },
        { kind: 'OPD', name: 'Dinas Kesehatan Provinsi Kalimantan Timur', province_code: '64', region_code: null },
        { kind: 'OPD', name: 'Dinas Sosial Provinsi Kalimantan Timur', province_code: '64', region_code: null },
        { kind: 'MINISTRY', name: 'Kementerian Kesehatan', province_code: null, region_code: null },
        { kind: 'DIRECTORATE', name: 'Direktorat Jenderal Kesehatan Primer dan Komunitas', province_code: null, region_code: null },
        { kind: 'DIRECTORATE', name: 'Direktorat Jenderal Kesehatan Lanjutan', province_code: null, region_code: null },
      ].sort(byName),
    );
    // Two time zones are represented: WITA (Balikpapan) and WIT (Jayapura).
    const zones: { time_zone: string }[] = await dataSource.query(
      `SELECT DISTINCT r.time_zone FROM organisation o JOIN region r ON r.code = o.region_code ORDER BY 1`,
    );
    expect(zones.map((z) => z.time_zone)).toEqual(['WIT', 'WITA']);
  });

  it('creates each demo user in its organisation, with exactly one role over exactly the scope its role requires', async () => {
    const organisations: OrganisationRow[] = await dataSource.query(`SELECT id, name FROM organisation`);
    const orgId = (name: string) => {
      const found = organisations.find((o) => o.name === name);
      if (!found) throw new Error(`no organisation ${name}`);
      return found.id;
    };
    const dinkes = orgId('Dinas Kesehatan Kota Balikpapan');
    const disdikbud = orgId('Dinas Pendidikan dan Kebudayaan Kota Balikpapan');
    const dinsos = orgId('Dinas Sosial Kota Jayapura');
    const biroHukum = orgId('Biro Hukum Setda Provinsi Kalimantan Timur');
    const dinkesKaltim = orgId('Dinas Kesehatan Provinsi Kalimantan Timur');
    const dinsosKaltim = orgId('Dinas Sosial Provinsi Kalimantan Timur');
    const kemenkes = orgId('Kementerian Kesehatan');
    const kesPrimer = orgId('Direktorat Jenderal Kesehatan Primer dan Komunitas');
    const kesLanjutan = orgId('Direktorat Jenderal Kesehatan Lanjutan');
    const expected = [
      ['verifikator.pusat', null, Role.CENTRAL_VERIFIER, null, null, null],
      ['kanwil.kaltim', 'Kanwil Kementerian HAM Kalimantan Timur', Role.KANWIL_VERIFIER, '64', null, null],
      ['koordinator.balikpapan', 'Bagian Hukum Setda Kota Balikpapan', Role.COORDINATOR, null, '64.71', null],
      ['kepala.dinkes.balikpapan', 'Dinas Kesehatan Kota Balikpapan', Role.UNIT_HEAD, null, null, dinkes],
      ['operator.dinkes.balikpapan', 'Dinas Kesehatan Kota Balikpapan', Role.UNIT_OPERATOR, null, null, dinkes],
      ['kepala.disdikbud.balikpapan', 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan', Role.UNIT_HEAD, null, null, disdikbud],
      ['operator.disdikbud.balikpapan', 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan', Role.UNIT_OPERATOR, null, null, disdikbud],
      ['viewer.balikpapan', 'Bagian Hukum Setda Kota Balikpapan', Role.VIEWER, null, '64.71', null],
      ['koordinator.jayapura', 'Bagian Hukum Setda Kota Jayapura', Role.COORDINATOR, null, '91.71', null],
      ['operator.dinsos.jayapura', 'Dinas Sosial Kota Jayapura', Role.UNIT_OPERATOR, null, null, dinsos],
      ['koordinator.kaltim', 'Biro Hukum Setda Provinsi Kalimantan Timur', Role.COORDINATOR, null, null, biroHukum],
      ['kepala.dinkes.kaltim', 'Dinas Kesehatan Provinsi Kalimantan Timur', Role.UNIT_HEAD, null, null, dinkesKaltim],
      ['operator.dinkes.kaltim', 'Dinas Kesehatan Provinsi Kalimantan Timur', Role.UNIT_OPERATOR, null, null, dinkesKaltim],
      ['kepala.dinsos.kaltim', 'Dinas Sosial Provinsi Kalimantan Timur', Role.UNIT_HEAD, null, null, dinsosKaltim],
      ['operator.dinsos.kaltim', 'Dinas Sosial Provinsi Kalimantan Timur', Role.UNIT_OPERATOR, null, null, dinsosKaltim],
      ['koordinator.kemenkes', 'Kementerian Kesehatan', Role.COORDINATOR, null, null, kemenkes],
      ['kepala.kesprimer.kemenkes', 'Direktorat Jenderal Kesehatan Primer dan Komunitas', Role.UNIT_HEAD, null, null, kesPrimer],
      ['operator.kesprimer.kemenkes', 'Direktorat Jenderal Kesehatan Primer dan Komunitas', Role.UNIT_OPERATOR, null, null, kesPrimer],
      ['kepala.keslanjutan.kemenkes', 'Direktorat Jenderal Kesehatan Lanjutan', Role.UNIT_HEAD, null, null, kesLanjutan],
      ['operator.keslanjutan.kemenkes', 'Direktorat Jenderal Kesehatan Lanjutan', Role.UNIT_OPERATOR, null, null, kesLanjutan],
    ] as const;

    const rows: {
      email: string;
      organisation: string;
      locale: string;
      role: Role;
      province_code: string | null;
      region_code: string | null;
      organisation_id: string | null;
    }[] = await dataSource.query(
      `SELECT u.email, o.name AS organisation, u.locale, a.role, a.province_code, a.region_code, a.organisation_id
       FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id JOIN role_assignment a ON a.user_id = u.id
       ORDER BY u.email`,
    );
    expect(rows).toHaveLength(expected.length);
    for (const [local, organisation, role, provinceCode, regionCode, organisationId] of expected) {
      const email = `${local}@${DOMAIN}`;
      const row = rows.find((r) => r.email === email);
      expect({ email, ...row }).toEqual({
        email,
        organisation,
        locale: 'id',
        role,
        province_code: provinceCode,
        region_code: regionCode,
        organisation_id: organisationId,
      });
      // The scope field filled in is the one ROLE_SCOPE asks for (VIEWER may take any; the demo viewer is regional);
      // the central verifier's is national: none.
      const filled = [provinceCode && 'PROVINCE', regionCode && 'REGION', organisationId && 'ORGANISATION'].filter(Boolean);
      expect(filled).toHaveLength(ROLE_SCOPE[role] === 'NATIONAL' ? 0 : 1);
      // A coordinator's REPORTER scope is a regency/city or a reporting organisation.
      if (ROLE_SCOPE[role] === 'REPORTER') expect(['REGION', 'ORGANISATION']).toContain(filled[0]);
      else if (ROLE_SCOPE[role] === 'NATIONAL') expect(filled).toEqual([]);
      else if (ROLE_SCOPE[role] !== 'ANY') expect(filled).toEqual([ROLE_SCOPE[role]]);
    }
  });

  it('opens a KKP HAM 2026 and a RANHAM 2025 cycle, each pinned to its latest seeded version', async () => {
    const cycles = await dataSource.query(
      `SELECT c.programme, c.year, v.framework_code, v.version FROM reporting_cycle c JOIN framework_version v ON v.id = c.framework_version_id ORDER BY c.programme`,
    );
    expect(cycles).toEqual([
      { programme: 'KKP_HAM', year: 2026, framework_code: 'KKP_HAM_PERMENKUMHAM_22_2021', version: 1 },
      { programme: 'RANHAM', year: 2025, framework_code: 'RANHAM_PERPRES_53_2021', version: 2 },
    ]);
  });

  it('returns every demo user with its role and a readable scope', () => {
    expect(firstRun).toEqual([
      { email: `verifikator.pusat@${DOMAIN}`, role: Role.CENTRAL_VERIFIER, scope: 'Nasional' },
      { email: `kanwil.kaltim@${DOMAIN}`, role: Role.KANWIL_VERIFIER, scope: 'Provinsi Kalimantan Timur' },
      { email: `koordinator.balikpapan@${DOMAIN}`, role: Role.COORDINATOR, scope: 'Kota Balikpapan' },
      { email: `kepala.dinkes.balikpapan@${DOMAIN}`, role: Role.UNIT_HEAD, scope: 'Dinas Kesehatan Kota Balikpapan' },
      { email: `operator.dinkes.balikpapan@${DOMAIN}`, role: Role.UNIT_OPERATOR, scope: 'Dinas Kesehatan Kota Balikpapan' },
      { email: `kepala.disdikbud.balikpapan@${DOMAIN}`, role: Role.UNIT_HEAD, scope: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan' },
      {
        email: `operator.disdikbud.balikpapan@${DOMAIN}`,
        role: Role.UNIT_OPERATOR,
        scope: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan',
      },
      { email: `viewer.balikpapan@${DOMAIN}`, role: Role.VIEWER, scope: 'Kota Balikpapan' },
      { email: `koordinator.jayapura@${DOMAIN}`, role: Role.COORDINATOR, scope: 'Kota Jayapura' },
      { email: `operator.dinsos.jayapura@${DOMAIN}`, role: Role.UNIT_OPERATOR, scope: 'Dinas Sosial Kota Jayapura' },
      { email: `koordinator.kaltim@${DOMAIN}`, role: Role.COORDINATOR, scope: 'Biro Hukum Setda Provinsi Kalimantan Timur' },
      { email: `kepala.dinkes.kaltim@${DOMAIN}`, role: Role.UNIT_HEAD, scope: 'Dinas Kesehatan Provinsi Kalimantan Timur' },
      { email: `operator.dinkes.kaltim@${DOMAIN}`, role: Role.UNIT_OPERATOR, scope: 'Dinas Kesehatan Provinsi Kalimantan Timur' },
      { email: `kepala.dinsos.kaltim@${DOMAIN}`, role: Role.UNIT_HEAD, scope: 'Dinas Sosial Provinsi Kalimantan Timur' },
      { email: `operator.dinsos.kaltim@${DOMAIN}`, role: Role.UNIT_OPERATOR, scope: 'Dinas Sosial Provinsi Kalimantan Timur' },
      { email: `koordinator.kemenkes@${DOMAIN}`, role: Role.COORDINATOR, scope: 'Kementerian Kesehatan' },
      { email: `kepala.kesprimer.kemenkes@${DOMAIN}`, role: Role.UNIT_HEAD, scope: 'Direktorat Jenderal Kesehatan Primer dan Komunitas' },
      { email: `operator.kesprimer.kemenkes@${DOMAIN}`, role: Role.UNIT_OPERATOR, scope: 'Direktorat Jenderal Kesehatan Primer dan Komunitas' },
      { email: `kepala.keslanjutan.kemenkes@${DOMAIN}`, role: Role.UNIT_HEAD, scope: 'Direktorat Jenderal Kesehatan Lanjutan' },
      { email: `operator.keslanjutan.kemenkes@${DOMAIN}`, role: Role.UNIT_OPERATOR, scope: 'Direktorat Jenderal Kesehatan Lanjutan' },
    ]);
  });

  it('gives every demo user an argon2id hash of the shared password', async () => {
    const rows: { email: string; password_hash: string }[] = await dataSource.query(
      `SELECT email, password_hash FROM user_account WHERE email LIKE '%@${DOMAIN}'`,
    );
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verify(row.password_hash, PASSWORD)).toBe(true);
      expect(await verify(row.password_hash, 'not-the-password')).toBe(false);
    }
  });

  it('is idempotent: a second run creates no row and changes no password, even given another password', async () => {
    const snapshot = () =>
      dataSource.query(
        `SELECT (SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM organisation o) AS organisations,
                (SELECT md5(string_agg(u::text, ',' ORDER BY id)) FROM user_account u) AS users,
                (SELECT md5(string_agg(a::text, ',' ORDER BY id)) FROM role_assignment a) AS assignments`,
      );
    const countsBefore = await countRows();
    expect(countsBefore).toEqual({ organisations: 15, users: 20, assignments: 20, cycles: 2 });
    const before = await snapshot();
    const secondRun = await seedDemoData(dataSource, { password: 'a-different-password' });
    expect(secondRun).toEqual(firstRun);
    expect(await countRows()).toEqual(countsBefore);
    expect(await snapshot()).toEqual(before);
  });

  it('with resetPasswords, makes existing demo users accept a new password without adding rows', async () => {
    const countsBefore = await countRows();
    await seedDemoData(dataSource, { password: 'a-replacement-password', resetPasswords: true });
    expect(await countRows()).toEqual(countsBefore);
    const [row] = await dataSource.query(`SELECT password_hash FROM user_account WHERE email = $1`, [`viewer.balikpapan@${DOMAIN}`]);
    expect(await verify(row.password_hash, 'a-replacement-password')).toBe(true);
  });
});
