import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

describe('deadlines in the unit’s zone, extensions, late submissions, and the completeness view', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let dinkes: string;
  let cycleId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    tokens.admin = api.adminToken;
    dinkes = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    const people: [string, Record<string, string>][] = [
      ['operator', { role: 'UNIT_OPERATOR', organisationId: dinkes }],
      ['coordinator', { role: 'COORDINATOR', regionCode: '64.71' }],
      ['jayapura', { role: 'COORDINATOR', regionCode: '91.71' }],
      ['kanwil', { role: 'KANWIL_VERIFIER', provinceCode: '64' }],
      ['papuaKanwil', { role: 'KANWIL_VERIFIER', provinceCode: '91' }],
    ];
    for (const [name, role] of people) {
      const user = await createTestUser(db, { email: `${name.toLowerCase()}@deadline.test`, roles: [role as never] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
    const [ranham] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const created = await send('admin', 'POST', '/cycles', { programme: 'RANHAM', year: 2025, label: 'RANHAM 2025', frameworkVersionId: ranham.id });
    cycleId = ((await created.json()) as { cycle: { id: string } }).cycle.id;
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
  const draft = async (periodKey: string) =>
    ((await (await send('operator', 'POST', '/submissions', { regionCode: '64.71', organisationId: dinkes, programme: 'RANHAM', periodKey, answers: { 'AKSI-2025-01': true } })).json()) as { id: string }).id;

  it('sets period deadlines as local dates, shown as an instant per zone; refuses bad periods and dates', async () => {
    const b04 = await send('admin', 'PUT', `/cycles/${cycleId}/periods/B04`, { opensOn: '2025-04-23', deadlineDate: '2025-04-30' });
    expect(b04.status).toBe(200);
    expect(((await b04.json()) as { deadlineByZone: Record<string, string> }).deadlineByZone).toEqual({
      WIB: '2025-04-30T16:59:59.999Z',
      WITA: '2025-04-30T15:59:59.999Z',
      WIT: '2025-04-30T14:59:59.999Z',
    });
    expect((await send('admin', 'PUT', `/cycles/${cycleId}/periods/B08`, { deadlineDate: '2099-09-06', deadlineTime: '16:00' })).status).toBe(200);
    expect((await send('admin', 'PUT', `/cycles/${cycleId}/periods/B05`, { deadlineDate: '2025-05-30' })).status).toBe(400);
    expect((await send('admin', 'PUT', `/cycles/${cycleId}/periods/B12`, { deadlineDate: '2025-02-30' })).status).toBe(400);
    expect((await send('coordinator', 'PUT', `/cycles/${cycleId}/periods/B12`, { deadlineDate: '2025-12-05' })).status).toBe(403);
    const periods = (await (await send('operator', 'GET', `/cycles/${cycleId}/periods`)).json()) as { code: string }[];
    expect(periods.map((p) => p.code)).toEqual(['B04', 'B08']);
  });

  it('refuses a submission after the deadline in the unit’s zone, saying when it was, and changes nothing', async () => {
    const id = await draft('2025-B04');
    const before = await rowCounts(api.database.dataSource, ['audit_entry', 'outbox_event']);
    const refused = await send('operator', 'POST', `/submissions/${id}/submit`);
    expect(refused.status).toBe(409);
    expect((await json(refused)).message).toBe('The deadline of period 2025-B04 has passed (30 April 2025, 23:59 WITA). Ask the Kanwil for an extension.');
    const inIndonesian = await fetch(`${api.baseUrl}/api/v1/submissions/${id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${tokens.operator}` } });
    expect((await json(inIndonesian)).message).toContain('30 April 2025 pukul 23.59 WITA');
    expect(await rowCounts(api.database.dataSource, ['audit_entry', 'outbox_event'])).toEqual(before);
    const [row] = await api.database.dataSource.query(`SELECT status, late FROM submission WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'DRAFT', late: false });
  });

  it('an extension from the province’s Kanwil lets the unit submit, flagged late; another province’s Kanwil cannot grant it', async () => {
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const foreign = await send('papuaKanwil', 'POST', `/cycles/${cycleId}/periods/B04/extensions`, { regionCode: '64.71', organisationId: dinkes, until, reason: 'Banjir di kantor' });
    expect(foreign.status).toBe(403);
    expect((await send('coordinator', 'POST', `/cycles/${cycleId}/periods/B04/extensions`, { regionCode: '64.71', until, reason: 'Banjir di kantor' })).status).toBe(403);
    // An instant without its offset would be read in some guessed zone: refused.
    const noOffset = await send('kanwil', 'POST', `/cycles/${cycleId}/periods/B04/extensions`, { regionCode: '64.71', until: '2026-09-13T23:59:00', reason: 'Banjir di kantor' });
    expect(noOffset.status).toBe(400);
    const granted = await send('kanwil', 'POST', `/cycles/${cycleId}/periods/B04/extensions`, { regionCode: '64.71', organisationId: dinkes, until, reason: 'Banjir di kantor Dinkes' });
    expect(granted.status).toBe(201);
    const [audit] = await api.database.dataSource.query(`SELECT reason FROM audit_entry WHERE action = 'deadline.extended'`);
    expect(audit.reason).toBe('Banjir di kantor Dinkes');

    const id = (await api.database.dataSource.query(`SELECT id FROM submission WHERE period_key = '2025-B04'`))[0].id;
    const submitted = await send('operator', 'POST', `/submissions/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ status: 'SUBMITTED', late: true });

    const onTime = await send('operator', 'POST', `/submissions/${await draft('2025-B08')}/submit`);
    expect(await onTime.json()).toMatchObject({ status: 'SUBMITTED', late: false });
  });

  it('shows units by status for a period, within the caller’s scope', async () => {
    const matrix = (await (await send('coordinator', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B04`)).json()) as {
      totals: Record<string, number>;
      units: { regionCode: string; organisationId: string | null; status: string; late: boolean }[];
    };
    expect(matrix.units).toEqual([
      expect.objectContaining({ regionCode: '64.71', organisationId: null, status: 'LATE', late: false }),
      expect.objectContaining({ regionCode: '64.71', organisationId: dinkes, status: 'SUBMITTED', late: true }),
    ]);
    expect(matrix.totals).toMatchObject({ LATE: 1, SUBMITTED: 1, NOT_STARTED: 0 });

    const b08 = (await (await send('coordinator', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B08`)).json()) as { units: { status: string }[] };
    expect(b08.units.map((u) => u.status)).toEqual(['NOT_STARTED', 'SUBMITTED']);

    const province = (await (await send('kanwil', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B04&provinceCode=64`)).json()) as { units: { regionCode: string }[] };
    expect(province.units.length).toBeGreaterThan(10);
    expect(province.units.every((u) => u.regionCode.startsWith('64.'))).toBe(true);

    const outside = (await (await send('jayapura', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B04&regionCode=64.71`)).json()) as { units: unknown[] };
    expect(outside.units).toEqual([]);
    expect((await send('coordinator', 'GET', `/completeness?cycleId=${cycleId}&periodCode=b04`)).status).toBe(400);
  });

  it('shows a unit LATE once the coordinator’s internal deadline has passed, as its "Terlambat" mail says; the regency/city’s own report keeps the official one', async () => {
    const db = api.database.dataSource;
    const dinsos = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Balikpapan', regionCode: '64.71' });
    await db.query(`INSERT INTO submission (region_code, organisation_id, programme, period_key, status, submit_count, version) VALUES ('64.71', $1, 'RANHAM', '2025-B08', 'DRAFT', 0, 1)`, [dinsos]);
    const statusOf = async () => {
      const matrix = (await (await send('coordinator', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B08&regionCode=64.71`)).json()) as {
        units: { organisationId: string | null; status: string }[];
      };
      return Object.fromEntries(matrix.units.map((unit) => [unit.organisationId ?? 'city', unit.status]));
    };
    expect(await statusOf()).toEqual({ city: 'NOT_STARTED', [dinkes]: 'SUBMITTED', [dinsos]: 'DRAFT' });
    // The official B08 deadline is in 2099; the city's internal deadline for its units has already passed.
    await db.query(
      `INSERT INTO internal_deadline (period_id, region_code, deadline_date) SELECT id, '64.71', '2025-08-01' FROM reporting_period WHERE cycle_id = $1 AND code = 'B08'`,
      [cycleId],
    );
    expect(await statusOf()).toEqual({ city: 'NOT_STARTED', [dinkes]: 'SUBMITTED', [dinsos]: 'LATE' });
    // An extension past today gives the unit its time back.
    await db.query(
      `INSERT INTO deadline_extension (period_id, region_code, organisation_id, until, reason, granted_by)
       SELECT p.id, '64.71', $2, now() + interval '3 days', 'test', NULL FROM reporting_period p WHERE p.cycle_id = $1 AND p.code = 'B08'`,
      [cycleId, dinsos],
    );
    expect(await statusOf()).toEqual({ city: 'NOT_STARTED', [dinkes]: 'SUBMITTED', [dinsos]: 'DRAFT' });
  });

  it('counts where the reports in review wait, the centre’s verification included, and names each one’s stage', async () => {
    const db = api.database.dataSource;
    const opd = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Bontang', regionCode: '64.74' });
    // The city's report waits for the centre; the unit's input has just been checked (its first stage, not yet written).
    await db.query(
      `INSERT INTO submission (region_code, province_code, organisation_id, programme, period_key, status, review_stage, submit_count, version, own_report)
       VALUES ('64.74', '64', NULL, 'RANHAM', '2025-B12', 'IN_REVIEW', 'CENTRAL', 1, 1, true),
              ('64.74', '64', $1, 'RANHAM', '2025-B12', 'IN_REVIEW', NULL, 1, 1, false)`,
      [opd],
    );
    const matrix = (await (await send('kanwil', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B12&regionCode=64.74`)).json()) as {
      totals: Record<string, number>;
      awaitingReview: Record<string, number>;
      units: { organisationId: string | null; status: string; reviewStage: string | null }[];
    };
    expect(matrix.awaitingReview).toEqual({ UNIT_HEAD: 1, COORDINATOR: 0, KANWIL: 0, CENTRAL: 1 });
    expect(matrix.units.map((unit) => [unit.organisationId ?? 'city', unit.status, unit.reviewStage])).toEqual([
      ['city', 'SUBMITTED', 'CENTRAL'],
      [opd, 'SUBMITTED', 'UNIT_HEAD'],
    ]);
  });
});
