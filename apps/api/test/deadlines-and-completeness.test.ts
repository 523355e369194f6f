import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

describe('deadlines in the unit’s zone, extensions, late submissions, and the completeness view', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let dinkes: string;
  let cycleId: string;
  // A ministry with two directorates, and East Kalimantan's Biro Hukum with one province OPD.
  let ministry: string;
  let directorates: string[];
  let biroHukum: string;
  let provinceOpd: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    tokens.admin = api.adminToken;
    dinkes = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    ministry = await createTestOrganisation(db, { kind: 'MINISTRY', name: 'Kementerian Sosial' });
    biroHukum = await createTestOrganisation(db, { kind: 'BIRO_HUKUM', name: 'Biro Hukum Setda Provinsi Kalimantan Timur', provinceCode: '64' });
    const unitUnder = async (kind: string, name: string, parent: string, provinceCode: string | null): Promise<string> =>
      (await db.query(`INSERT INTO organisation (kind, name, province_code, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`, [kind, name, provinceCode, parent]))[0].id;
    directorates = [
      await unitUnder('DIRECTORATE', 'Direktorat Rehabilitasi Sosial', ministry, null),
      await unitUnder('DIRECTORATE', 'Direktorat Perlindungan Sosial', ministry, null),
    ];
    provinceOpd = await unitUnder('OPD', 'Dinas Sosial Provinsi Kalimantan Timur', biroHukum, '64');
    const people: [string, Record<string, string>][] = [
      ['ministryCoordinator', { role: 'COORDINATOR', organisationId: ministry }],
      ['dirOperator', { role: 'UNIT_OPERATOR', organisationId: directorates[0] }],
      ['provinceCoordinator', { role: 'COORDINATOR', organisationId: biroHukum }],
      ['central', { role: 'CENTRAL_VERIFIER' }],
      ['operator', { role: 'UNIT_OPERATOR', organisationId: dinkes }],
      ['coordinator', { role: 'COORDINATOR', regionCode: '64.71' }],
      ['jayapura', { role: 'COORDINATOR', regionCode: '91.71' }],
      ['kanwil', { role: 'KANWIL_VERIFIER', provinceCode: '64' }],
      ['papuaKanwil', { role: 'KANWIL_VERIFIER', provinceCode: '91' }],
    ];
    for (const [name, role] of people) {
      const user = await createTestUser(db, { email: `${name.toLowerCase()}@deadline.test`, roles: [role as never], organisationId: role.organisationId ?? null });
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
  type Unit = { regionCode: string | null; organisationId: string | null; status: string; late: boolean; ownReport: boolean; deadlineAt: string | null; deadline: { en: string } | null };
  const reporterMatrix = async (who: string, organisationId: string, periodCode = 'B04') => {
    const response = await send(who, 'GET', `/completeness?cycleId=${cycleId}&periodCode=${periodCode}&organisationId=${organisationId}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { units: Unit[] }).units;
  };

  it('lists a ministry’s report and both its directorates with WIB deadlines, and a province’s report and OPD in its zone, to whoever oversees them', async () => {
    const ministryUnits = await reporterMatrix('ministryCoordinator', ministry);
    expect(ministryUnits.map((unit) => [unit.organisationId, unit.ownReport, unit.status, unit.regionCode])).toEqual([
      [ministry, true, 'LATE', null],
      [directorates[1], false, 'LATE', null],
      [directorates[0], false, 'LATE', null],
    ]);
    expect(ministryUnits.map((unit) => [unit.deadlineAt, unit.deadline?.en])).toEqual(Array(3).fill(['2025-04-30T16:59:59.999Z', '30 April 2025, 23:59 WIB']));
    expect(await reporterMatrix('central', ministry)).toEqual(ministryUnits);
    expect(await reporterMatrix('admin', ministry)).toEqual(ministryUnits);
    // A ministry has no province: no Kanwil oversees it, and another reporter's coordinator sees nothing of it.
    expect(await reporterMatrix('kanwil', ministry)).toEqual([]);
    expect(await reporterMatrix('provinceCoordinator', ministry)).toEqual([]);

    const provinceUnits = await reporterMatrix('provinceCoordinator', biroHukum);
    expect(provinceUnits.map((unit) => [unit.organisationId, unit.ownReport, unit.deadline?.en])).toEqual([
      [biroHukum, true, '30 April 2025, 23:59 WITA'],
      [provinceOpd, false, '30 April 2025, 23:59 WITA'],
    ]);
    expect(await reporterMatrix('kanwil', biroHukum)).toEqual(provinceUnits);
    expect(await reporterMatrix('papuaKanwil', biroHukum)).toEqual([]);
    expect(await reporterMatrix('central', biroHukum)).toEqual(provinceUnits);

    // A unit is no reporter to list, and an unknown id is not found.
    const unit = await send('admin', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B04&organisationId=${directorates[0]}`);
    expect(unit.status).toBe(404);
    expect((await json(unit)).message).toContain('is no reporter');
    expect((await send('admin', 'GET', `/completeness?cycleId=${cycleId}&periodCode=B04&organisationId=not-a-uuid`)).status).toBe(400);
  });

  it('an extension from the centre lets a directorate submit after the deadline, flagged late; the Kanwil extends a province’s units but never a ministry’s', async () => {
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const extend = (who: string, body: Record<string, unknown>) => send(who, 'POST', `/cycles/${cycleId}/periods/B04/extensions`, { until, reason: 'Gangguan jaringan kementerian', ...body });
    const fromKanwil = await extend('kanwil', { organisationId: directorates[0] });
    expect(fromKanwil.status).toBe(403);
    expect((await json(fromKanwil)).message).toContain('the central verifier grants a ministry’s');
    const nobody = await extend('central', {});
    expect(nobody.status).toBe(400);
    expect((await json(nobody)).message).toContain('Give the regionCode of a regency/city, or the organisationId');
    const kanwilOffice = await createTestOrganisation(api.database.dataSource, { kind: 'KANWIL', name: 'Kanwil Kementerian HAM Kalimantan Timur', provinceCode: '64' });
    expect((await extend('admin', { organisationId: kanwilOffice })).status).toBe(400);

    const drafted = await send('dirOperator', 'POST', '/submissions', { organisationId: directorates[0], programme: 'RANHAM', periodKey: '2025-B04', answers: { 'AKSI-2025-09': true } });
    expect(drafted.status === 201 ? 201 : await drafted.text()).toBe(201);
    const draftId = ((await drafted.json()) as { id: string }).id;
    const refused = await send('dirOperator', 'POST', `/submissions/${draftId}/submit`);
    expect(refused.status).toBe(409);
    expect((await json(refused)).message).toBe('The deadline of period 2025-B04 has passed (30 April 2025, 23:59 WIB). Ask the central verifier for an extension.');

    const granted = await extend('central', { organisationId: directorates[0] });
    expect(granted.status).toBe(201);
    expect(await granted.json()).toMatchObject({ regionCode: null, reporterOrganisationId: ministry, organisationId: directorates[0] });
    const [audit] = await api.database.dataSource.query(`SELECT after FROM audit_entry WHERE action = 'deadline.extended' AND after->>'organisationId' = $1`, [directorates[0]]);
    expect(audit.after).toMatchObject({ regionCode: null, reporterOrganisationId: ministry, organisationId: directorates[0] });
    // The Kanwil of the province extends the whole province reporter.
    expect(await (await extend('kanwil', { organisationId: biroHukum })).json()).toMatchObject({ reporterOrganisationId: biroHukum, organisationId: null });

    const submitted = await send('dirOperator', 'POST', `/submissions/${draftId}/submit`);
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ status: 'SUBMITTED', late: true });

    const ministryUnits = await reporterMatrix('ministryCoordinator', ministry);
    expect(ministryUnits.map((unit) => [unit.organisationId, unit.status, unit.late])).toEqual([
      [ministry, 'LATE', false],
      [directorates[1], 'LATE', false],
      [directorates[0], 'SUBMITTED', true],
    ]);
    expect(ministryUnits[2].deadline?.en).toMatch(/WIB$/);
    expect((await reporterMatrix('kanwil', biroHukum)).map((unit) => unit.status)).toEqual(['NOT_STARTED', 'NOT_STARTED']);
  });

  it('lets a ministry’s coordinator set an internal deadline for its directorates in WIB, which its own report does not follow', async () => {
    const path = (reporter: string) => `/cycles/${cycleId}/periods/B08/internal-deadlines/${reporter}`;
    expect((await send('provinceCoordinator', 'PUT', path(ministry), { deadlineDate: '2099-09-01' })).status).toBe(403);
    expect((await send('ministryCoordinator', 'PUT', path(directorates[0]), { deadlineDate: '2099-09-01' })).status).toBe(404);
    const set = await send('ministryCoordinator', 'PUT', path(ministry), { deadlineDate: '2099-09-01' });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ regionCode: null, reporterOrganisationId: ministry, deadline: { en: '1 September 2099, 23:59 WIB' } });
    const listed = (await (await send('dirOperator', 'GET', `/cycles/${cycleId}/periods/B08/internal-deadlines`)).json()) as { reporterOrganisationId: string | null }[];
    expect(listed.map((row) => row.reporterOrganisationId)).toContain(ministry);

    const units = await reporterMatrix('ministryCoordinator', ministry, 'B08');
    expect(units.map((unit) => [unit.organisationId, unit.deadline?.en])).toEqual([
      [ministry, '6 September 2099, 16:00 WIB'],
      [directorates[1], '1 September 2099, 23:59 WIB'],
      [directorates[0], '1 September 2099, 23:59 WIB'],
    ]);
    expect((await send('ministryCoordinator', 'DELETE', path(ministry))).status).toBe(204);
    expect((await reporterMatrix('ministryCoordinator', ministry, 'B08'))[1].deadline?.en).toBe('6 September 2099, 16:00 WIB');
    const [removed] = await api.database.dataSource.query(`SELECT before FROM audit_entry WHERE action = 'internal_deadline.removed'`);
    expect(removed.before).toMatchObject({ reporterOrganisationId: ministry, deadlineDate: '2099-09-01' });
  });
});
