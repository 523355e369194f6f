import { createTestOrganisation, createTestUser, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

/**
 * The completeness page's needs of the API: which units an extension moved (so the page can say "extended until"), and
 * an export narrowed like the page (one status, or only the late units), so the file holds what the person sees.
 */
describe('completeness: extended deadlines, and exports of one status or of the late units only', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let cycleId: string;
  const units: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    tokens.admin = api.adminToken;
    for (const [key, name] of [
      ['onTime', 'Dinas Kesehatan Kota Balikpapan'],
      ['late', 'Dinas Sosial Kota Balikpapan'],
      ['extended', 'Dinas Tenaga Kerja Kota Balikpapan'],
      ['submittedLate', 'Dinas Perhubungan Kota Balikpapan'],
    ]) {
      units[key] = await createTestOrganisation(db, { kind: 'OPD', name, regionCode: '64.71' });
    }
    const coordinator = await createTestUser(db, { email: 'koordinator@kelengkapan.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] });
    tokens.coordinator = await signIn(api.baseUrl, coordinator.email);
    const [ranham] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const created = await send('admin', 'POST', '/cycles', { programme: 'RANHAM', year: 2025, label: 'RANHAM 2025', frameworkVersionId: ranham.id });
    cycleId = ((await created.json()) as { cycle: { id: string } }).cycle.id;
    // The official deadline is far away; the city's internal deadline for its units has passed.
    expect((await send('admin', 'PUT', `/cycles/${cycleId}/periods/B08`, { deadlineDate: '2099-09-06', deadlineTime: '16:00' })).status).toBe(200);
    await db.query(`INSERT INTO internal_deadline (period_id, region_code, deadline_date) SELECT id, '64.71', '2025-08-01' FROM reporting_period WHERE cycle_id = $1`, [cycleId]);
    await db.query(
      `INSERT INTO deadline_extension (period_id, region_code, organisation_id, until, reason, granted_by)
       SELECT p.id, '64.71', $2, now() + interval '3 days', 'Banjir', NULL FROM reporting_period p WHERE p.cycle_id = $1`,
      [cycleId, units.extended],
    );
    await db.query(
      `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, late, submit_count, version)
       VALUES ('64.71', $1, 'RANHAM', '2025-B08', 'SUBMITTED', false, 1, 1), ('64.71', $2, 'RANHAM', '2025-B08', 'SUBMITTED', true, 1, 1)`,
      [units.onTime, units.submittedLate],
    );
  });
  afterAll(async () => {
    await api?.close();
  });

  function send(who: string, method: string, path: string, body?: unknown) {
    return fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  /** The organisation ids (or "city") of a CSV export's rows, in order. */
  const exported = async (query: string): Promise<string[]> => {
    const response = await send('coordinator', 'GET', `/exports/completeness?cycleId=${cycleId}&periodCode=B08&format=csv${query}`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    return lines.map((line) => line.split(',')[2] || 'city');
  };

  it('marks the unit whose deadline an extension moved, with the extended deadline, and no other', async () => {
    const response = await send('coordinator', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B08&regionCode=64.71`);
    const view = (await response.json()) as { units: { organisationId: string | null; status: string; extended: boolean; deadline: { en: string } | null }[] };
    const byUnit = Object.fromEntries(view.units.map((unit) => [unit.organisationId ?? 'city', unit]));
    expect(byUnit[units.extended]).toMatchObject({ status: 'NOT_STARTED', extended: true });
    expect(byUnit[units.late]).toMatchObject({ status: 'LATE', extended: false, deadline: { en: '1 August 2025, 23:59 WITA' } });
    expect(byUnit.city).toMatchObject({ status: 'NOT_STARTED', extended: false });
    expect(view.units.filter((unit) => unit.extended).map((unit) => unit.organisationId)).toEqual([units.extended]);
  });

  it('exports only the late units (still late, or submitted late), or only one status; refuses an unknown status or flag', async () => {
    expect(new Set(await exported('&lateOnly=true'))).toEqual(new Set([units.late, units.submittedLate]));
    expect(await exported('&status=LATE')).toEqual([units.late]);
    expect(new Set(await exported('&status=SUBMITTED'))).toEqual(new Set([units.onTime, units.submittedLate]));
    expect(await exported('&status=SUBMITTED&lateOnly=true')).toEqual([units.submittedLate]);
    expect(await exported('&lateOnly=false')).toHaveLength(5);

    const bad = await send('coordinator', 'GET', `/exports/completeness?cycleId=${cycleId}&periodCode=B08&format=csv&status=TARDY&lateOnly=maybe`);
    expect(bad.status).toBe(400);
    expect((await json(bad)).problems?.map((problem) => problem.field).sort()).toEqual(['lateOnly', 'status']);
  });
});
