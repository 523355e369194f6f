import { rowCounts } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

describe('answers are checked against the framework of their period', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = (method: string, path: string, body: unknown) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify(body),
    });
  // A regency/city has one KKP HAM report a year: each test that creates one uses its own regency/city.
  const kkp = (answers: unknown, regionCode = '64.71') => send('POST', '/submissions', { regionCode, programme: 'KKP_HAM', periodKey: '2026-TAHUNAN', answers });
  const tables = ['submission', 'audit_entry', 'outbox_event'];

  it('answers "nihil" where a number is required with a clear 400 naming the indicator, and stores nothing', async () => {
    const before = await rowCounts(api.database.dataSource, tables);
    const response = await kkp({ 'K1.S1': true, 'K1.P1': 'nihil', 'K1.H1': '12', 'K2.P1': 'SEMUA', 'K9.X9': 1, 'K2.S1': 'ya' });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.message).toBe('Some answers do not fit their indicators. Fix the entries below.');
    const problems = (body.problems ?? []) as unknown as { field: string; problem: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual(['answers.K1.H1', 'answers.K1.P1', 'answers.K2.P1', 'answers.K2.S1', 'answers.K9.X9']);
    expect(problems.find((p) => p.field === 'answers.K1.P1')?.problem).toBe('Indicator K1.P1 needs a number; enter 0, not "nihil".');
    expect(problems.find((p) => p.field === 'answers.K9.X9')?.problem).toBe('Indicator K9.X9 is not part of framework KKP_HAM_PERMENKUMHAM_22_2021 version 1.');
    expect(await rowCounts(api.database.dataSource, tables)).toEqual(before);
  });

  it('accepts answers that fit, and blanks (not answered yet)', async () => {
    const response = await kkp({ 'K1.S1': true, 'K1.P1': 0, 'K1.H1': null, 'K2.P1': 'SEBAGIAN_OPD', 'K3.S1': '' });
    expect(response.status).toBe(201);
  });

  it('checks RANHAM answers against the year’s actions for the reporter’s level (a regency/city here: a K/L action is not its own)', async () => {
    const asCity = await send('POST', '/submissions', { regionCode: '64.71', programme: 'RANHAM', periodKey: '2025-B04', answers: { 'AKSI-2025-09': true, 'AKSI-2025-01': 'nihil' } });
    expect(asCity.status).toBe(400);
    expect(((await json(asCity)).problems ?? []).map((p) => `${p.field}`).sort()).toEqual(['answers.AKSI-2025-01', 'answers.AKSI-2025-09']);
    const fits = await send('POST', '/submissions', { regionCode: '64.71', programme: 'RANHAM', periodKey: '2025-B04', answers: { 'AKSI-2025-01': 75, 'AKSI-2025-02': false } });
    expect(fits.status).toBe(201);
  });

  it('checks RANHAM answers by numbered measure under a version that has them, naming the action and the measure', async () => {
    await api.database.dataSource.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2024, 'RANHAM 2024', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2`,
    );
    const refused = await send('POST', '/submissions', { regionCode: '64.74', programme: 'RANHAM', periodKey: '2024-B08', answers: { 'AKSI-2024-01': true, 'AKSI-2024-02.B08.1': 60 } });
    expect(refused.status).toBe(400);
    const problems = ((await json(refused)).problems ?? []) as unknown as { field: string; problem: string }[];
    expect(problems).toEqual([
      { field: 'answers.AKSI-2024-01', problem: 'AKSI-2024-01 is not a success measure of an action of 2024 for reporter level KABKOTA.' },
      { field: 'answers.AKSI-2024-02.B08.1', problem: 'Action AKSI-2024-02, measure B08.1: the achievement is a yes/no.' },
    ]);
    const fits = await send('POST', '/submissions', { regionCode: '64.74', programme: 'RANHAM', periodKey: '2024-B08', answers: { 'AKSI-2024-01.B08.1': true, 'AKSI-2024-02.B08.1': false } });
    expect(fits.status).toBe(201);
  });

  it('PATCH replaces a draft’s answers with the same checks, and is refused once submitted', async () => {
    const created = (await (await kkp({ 'K1.S1': true }, '64.72')).json()) as { id: string };
    const bad = await send('PATCH', `/submissions/${created.id}`, { answers: { 'K1.P1': 101 } });
    expect(bad.status).toBe(400);
    expect(((await json(bad)).problems ?? []).map((p) => p.field)).toEqual(['answers.K1.P1']);
    const good = await send('PATCH', `/submissions/${created.id}`, { answers: { 'K1.P1': 55.5 }, contactEmail: 'Hukum@Balikpapan.go.id' });
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ answers: { 'K1.P1': 55.5 }, contactEmail: 'hukum@balikpapan.go.id' });
    const [audit] = await api.database.dataSource.query(`SELECT before, after FROM audit_entry WHERE action = 'submission.updated' AND entity_id = $1`, [created.id]);
    expect(audit).toMatchObject({ before: { answers: { 'K1.S1': true } }, after: { answers: { 'K1.P1': 55.5 } } });
    const cleared = await send('PATCH', `/submissions/${created.id}`, { contactEmail: null });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({ contactEmail: null, answers: { 'K1.P1': 55.5 } });
    expect((await send('POST', `/submissions/${created.id}/submit`, {})).status).toBe(200);
    const locked = await send('PATCH', `/submissions/${created.id}`, { answers: {} });
    expect(locked.status).toBe(409);
    expect((await json(locked)).message).toContain('cannot be changed');
  });

  it('PATCH with the version it edited is refused, writing nothing, when someone changed the report meanwhile', async () => {
    const response = await kkp({ 'K1.S1': true }, '64.01');
    expect([response.status, response.status === 201 ? null : await response.text()]).toEqual([201, null]);
    const created = (await response.json()) as { id: string; version: number };
    const mine = await send('PATCH', `/submissions/${created.id}`, { answers: { 'K1.P1': 40 }, version: created.version });
    expect([mine.status, mine.status === 200 ? null : await mine.text()]).toEqual([200, null]);
    const saved = (await mine.json()) as { version: number };
    expect(saved.version).toBe(created.version + 1);
    // A second tab still holding the first version: refused with both versions named, and the answers stay mine.
    const stale = await send('PATCH', `/submissions/${created.id}`, { answers: { 'K1.P1': 90 }, version: created.version });
    expect(stale.status).toBe(409);
    expect((await json(stale)).message).toContain(`version ${saved.version}, not ${created.version}`);
    const now = (await (await send('GET', `/submissions/${created.id}`, undefined)).json()) as { answers: Record<string, unknown>; version: number };
    expect(now).toMatchObject({ answers: { 'K1.P1': 40 }, version: saved.version });
    const audits = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'submission.updated' AND entity_id = $1`, [created.id]);
    expect(audits[0].n).toBe(1);
    // Without a version, the last write wins as before.
    expect((await send('PATCH', `/submissions/${created.id}`, { answers: { 'K1.P1': 90 } })).status).toBe(200);
  });
});
