import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface Item {
  code: string;
  kind: string;
  unitIds: string[];
  leadUnitId: string | null;
}
interface AssignmentsAnswer {
  assigning: boolean;
  units: { id: string; name: string; kind: string; active: boolean }[];
  items: Item[];
  unassignedCodes: string[];
  copiedFromCycleId?: string;
  dropped?: { code: string; unitId: string | null; reason: string }[];
}

/**
 * Who answers what in Kota Balikpapan's KKP HAM cycle: the coordinator assigns indicators to OPD (a bad set is refused
 * item by item, writing nothing), a unit's input then answers only its own indicators, compilation lets the lead's
 * answer stand, and the next year's cycle copies the set forward without the indicator its version dropped.
 */
describe('assignments: who answers what', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let dinkes: string;
  let disdik: string;
  let dinsos: string;
  let samarindaOpd: string;
  let cycle2026: string;
  let cycle2027: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    dinkes = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    disdik = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Pendidikan Kota Balikpapan', regionCode: '64.71' });
    dinsos = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Balikpapan', regionCode: '64.71' });
    samarindaOpd = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Samarinda', regionCode: '64.72' });
    for (const [name, role] of [
      ['coordinator', { role: 'COORDINATOR', regionCode: '64.71' }],
      ['dinkes', { role: 'UNIT_OPERATOR', organisationId: dinkes }],
      ['dinsos', { role: 'UNIT_OPERATOR', organisationId: dinsos }],
      ['samarinda', { role: 'COORDINATOR', regionCode: '64.72' }],
    ] as const) {
      const user = await createTestUser(db, { email: `${name}@assignments.test`, roles: [role] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
    const [kkp] = await db.query(`SELECT id FROM framework_version WHERE programme = 'KKP_HAM' AND status = 'PUBLISHED' ORDER BY version LIMIT 1`);
    // The next year's version no longer has indicator K2.S1.
    const [next] = await db.query(
      `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
       SELECT programme, framework_code, 99, status, label || ' (tanpa K2.S1)',
              jsonb_set(content, '{indicators}', (SELECT jsonb_agg(i) FROM jsonb_array_elements(content->'indicators') i WHERE i->>'code' <> 'K2.S1')),
              now()
         FROM framework_version WHERE id = $1 RETURNING id`,
      [kkp.id],
    );
    const created = async (year: number, frameworkVersionId: string) => {
      const response = await api.post('/api/v1/cycles', { programme: 'KKP_HAM', year, label: `KKP HAM ${year}`, frameworkVersionId });
      expect(response.status).toBe(201);
      return ((await response.json()) as { cycle: { id: string } }).cycle.id;
    };
    cycle2026 = await created(2026, kkp.id);
    cycle2027 = await created(2027, next.id);
  });
  afterAll(async () => {
    await api?.close();
  });

  const call = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who] ?? api.adminToken}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const put = (who: string, items: unknown[], cycleId = cycle2026) => call(who, 'PUT', '/assignments', { cycleId, regionCode: '64.71', items });
  const written = () => rowCounts(api.database.dataSource, ['assignment', 'audit_entry', 'submission']);

  it('lists the units and every indicator, all unassigned, while the regency/city assigns nothing', async () => {
    const response = await call('coordinator', 'GET', `/assignments?cycleId=${cycle2026}&regionCode=64.71`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as AssignmentsAnswer;
    expect(body.assigning).toBe(false);
    expect(body.units.map((unit) => unit.id)).toEqual([dinkes, disdik, dinsos]);
    expect(body.items.find((item) => item.code === 'K1.S1')).toMatchObject({ kind: 'INDICATOR', unitIds: [], leadUnitId: null });
    expect(body.unassignedCodes).toEqual(body.items.map((item) => item.code));
  });

  it('refuses a bad set with 400 naming each item, and writes nothing', async () => {
    const before = await written();
    const refused = await put('coordinator', [
      { code: 'K9.X9', unitIds: [dinkes] },
      { code: 'K1.S1', unitIds: [dinkes, samarindaOpd], leadUnitId: dinkes },
      { code: 'K1.P1', unitIds: [dinkes, disdik] },
      { code: 'K1.H1', unitIds: [dinkes], leadUnitId: disdik },
      { code: 'K1.S1', unitIds: [disdik] },
    ]);
    expect(refused.status).toBe(400);
    const body = await json(refused);
    expect(body.problems?.map((problem) => problem.field)).toEqual(['items[0].code', 'items[1].unitIds[1]', 'items[2].leadUnitId', 'items[3].leadUnitId', 'items[4].code']);
    expect(body.problems?.[0].problem).toBe('Item K9.X9 is not in this cycle\'s framework version');
    expect(await written()).toEqual(before);
  });

  it('lets neither a unit’s user nor another regency/city’s coordinator change the set, while the unit may read it', async () => {
    const before = await written();
    expect((await put('dinkes', [{ code: 'K1.S1', unitIds: [dinkes] }])).status).toBe(403);
    expect((await put('samarinda', [{ code: 'K1.S1', unitIds: [dinkes] }])).status).toBe(403);
    expect((await call('dinkes', 'GET', `/assignments?cycleId=${cycle2026}&regionCode=64.71`)).status).toBe(200);
    expect((await call('samarinda', 'GET', `/assignments?cycleId=${cycle2026}&regionCode=64.71`)).status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it('replaces the set in one go, defaulting a single unit’s lead, and audits before and after', async () => {
    const response = await put('coordinator', [
      { code: 'K1.S1', unitIds: [dinkes] },
      { code: 'K1.P1', unitIds: [dinkes, disdik], leadUnitId: disdik },
      { code: 'K2.S1', unitIds: [disdik] },
    ]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as AssignmentsAnswer;
    expect(body.assigning).toBe(true);
    const byCode = new Map(body.items.map((item) => [item.code, item]));
    expect(byCode.get('K1.S1')).toMatchObject({ unitIds: [dinkes], leadUnitId: dinkes });
    expect(byCode.get('K1.P1')).toMatchObject({ unitIds: [dinkes, disdik].sort(), leadUnitId: disdik });
    expect(body.unassignedCodes).not.toEqual(expect.arrayContaining(['K1.S1']));
    expect(body.unassignedCodes).toContain('K1.H1');
    expect(body.unassignedCodes.length).toBe(body.items.length - 3);
    const [audit] = await api.database.dataSource.query(`SELECT before, after FROM audit_entry WHERE action = 'assignment.replaced' AND entity_id = $1`, [cycle2026]);
    expect(audit.before.items).toEqual([]);
    expect(audit.after.items.map((item: { code: string }) => item.code)).toEqual(['K1.S1', 'K1.P1', 'K2.S1']);
  });

  it('gives each reporter row of completeness its count of unassigned indicators, null where nothing is assigned', async () => {
    const response = await call('coordinator', 'GET', `/completeness?cycleId=${cycle2026}&periodCode=TAHUNAN&regionCode=64.71`);
    expect(response.status).toBe(200);
    const rows = ((await response.json()) as { units: { organisationId: string | null; unassignedItems: number | null }[] }).units;
    const [{ count }] = await api.database.dataSource.query(
      `SELECT jsonb_array_length(v.content->'indicators')::int AS count FROM framework_version v JOIN reporting_cycle c ON c.framework_version_id = v.id WHERE c.id = $1`,
      [cycle2026],
    );
    expect(rows.find((row) => row.organisationId === null)?.unassignedItems).toBe(count - 3);
    expect(rows.filter((row) => row.organisationId !== null).map((row) => row.unassignedItems)).toEqual([null, null, null]);
    const samarinda = await call('samarinda', 'GET', `/completeness?cycleId=${cycle2026}&periodCode=TAHUNAN&regionCode=64.72`);
    const samarindaRows = ((await samarinda.json()) as { units: { organisationId: string | null; unassignedItems: number | null }[] }).units;
    expect(samarindaRows.find((row) => row.organisationId === null)?.unassignedItems).toBeNull();
  });

  it('limits a unit’s input to its assigned indicators: 400 naming the code, nothing written; a unit assigned nothing answers nothing', async () => {
    const created = await call('dinkes', 'POST', '/submissions', { regionCode: '64.71', organisationId: dinkes, programme: 'KKP_HAM', periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true } });
    expect(created.status).toBe(201);
    const input = (await created.json()) as { id: string; version: number; assignedCodes: string[] | null };
    expect(input.assignedCodes).toEqual(['K1.P1', 'K1.S1']);

    const before = await written();
    const refused = await call('dinkes', 'PATCH', `/submissions/${input.id}`, { answers: { 'K1.S1': true, 'K2.S1': true } });
    expect(refused.status).toBe(400);
    expect((await json(refused)).problems).toEqual([{ field: 'answers.K2.S1', problem: 'Item K2.S1 is not assigned to this unit' }]);
    expect(await written()).toEqual(before);
    const [stored] = await api.database.dataSource.query(`SELECT answers, version FROM submission WHERE id = $1`, [input.id]);
    expect(stored).toEqual({ answers: { 'K1.S1': true }, version: input.version });

    const fits = await call('dinkes', 'PATCH', `/submissions/${input.id}`, { answers: { 'K1.S1': true, 'K1.P1': 40, 'K2.S1': null } });
    expect(fits.status).toBe(200);
    expect(((await fits.json()) as { assignedCodes: string[] }).assignedCodes).toEqual(['K1.P1', 'K1.S1']);

    const nothing = await call('dinsos', 'POST', '/submissions', { regionCode: '64.71', organisationId: dinsos, programme: 'KKP_HAM', periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true } });
    expect(nothing.status).toBe(400);
    expect((await json(nothing)).problems?.map((problem) => problem.field)).toEqual(['answers.K1.S1']);
  });

  it('compiles with the lead’s answer settling a disagreement, and leaves out what a unit was not assigned', async () => {
    const db = api.database.dataSource;
    for (const [unit, answers] of [
      [dinkes, { 'K1.S1': true, 'K1.P1': 70, 'K2.S1': true }],
      [disdik, { 'K1.P1': 60, 'K2.S1': false }],
    ] as const) {
      await db.query(
        `INSERT INTO submission (region_code, province_code, organisation_id, programme, period_key, status, answers, submit_count, version)
         VALUES ('64.71', '64', $1, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', $2, 1, 1)`,
        [unit, JSON.stringify(answers)],
      );
    }
    const compiled = await call('coordinator', 'POST', '/submissions/compile', { regionCode: '64.71', periodKey: '2026-TAHUNAN' });
    expect(compiled.status).toBe(200);
    const report = (await compiled.json()) as { answers: Record<string, unknown>; assignedCodes: string[] | null };
    expect(report.answers).toEqual({ 'K1.S1': true, 'K1.P1': 60, 'K2.S1': false });
    expect(report.assignedCodes).toBeNull();
  });

  it('copies the set forward into the next cycle, dropping the indicator its version lacks, once', async () => {
    const intoSame = await call('coordinator', 'POST', '/assignments/copy-forward', { cycleId: cycle2026, regionCode: '64.71' });
    expect(intoSame.status).toBe(409);
    const copied = await call('coordinator', 'POST', '/assignments/copy-forward', { cycleId: cycle2027, regionCode: '64.71' });
    expect(copied.status).toBe(200);
    const body = (await copied.json()) as AssignmentsAnswer;
    expect(body.copiedFromCycleId).toBe(cycle2026);
    expect(body.dropped).toEqual([{ code: 'K2.S1', unitId: null, reason: 'ITEM_NOT_IN_VERSION' }]);
    expect(body.items.filter((item) => item.unitIds.length > 0).map((item) => [item.code, item.leadUnitId])).toEqual([
      ['K1.S1', dinkes],
      ['K1.P1', disdik],
    ]);
    const [audit] = await api.database.dataSource.query(`SELECT after FROM audit_entry WHERE action = 'assignment.copied_forward' AND entity_id = $1`, [cycle2027]);
    expect(audit.after).toMatchObject({ fromCycleId: cycle2026, dropped: [{ code: 'K2.S1', reason: 'ITEM_NOT_IN_VERSION' }] });
    const again = await call('coordinator', 'POST', '/assignments/copy-forward', { cycleId: cycle2027, regionCode: '64.71' });
    expect(again.status).toBe(409);
    expect((await json(again)).message).toContain('already has assignments');
  });
});
