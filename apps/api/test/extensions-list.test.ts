import { createTestOrganisation, createTestUser, signIn } from '@peduli/testkit';
import { startTestApi, TestApi } from './support';

/** GET a period's extensions: what was granted, latest deadline first, each caller seeing only its own scope's. */
describe('the extensions granted for a period', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let cycleId: string;
  let ministry: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    tokens.admin = api.adminToken;
    ministry = await createTestOrganisation(db, { kind: 'MINISTRY', name: 'Kementerian Sosial' });
    const people: [string, Record<string, string>][] = [
      ['kanwil', { role: 'KANWIL_VERIFIER', provinceCode: '64' }],
      ['papuaKanwil', { role: 'KANWIL_VERIFIER', provinceCode: '91' }],
      ['central', { role: 'CENTRAL_VERIFIER' }],
      ['coordinator', { role: 'COORDINATOR', regionCode: '64.71' }],
    ];
    for (const [name, role] of people) {
      const user = await createTestUser(db, { email: `${name.toLowerCase()}@extensions-list.test`, roles: [role as never] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
    const [ranham] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const created = await send('admin', 'POST', '/cycles', { programme: 'RANHAM', year: 2025, label: 'RANHAM 2025', frameworkVersionId: ranham.id });
    cycleId = ((await created.json()) as { cycle: { id: string } }).cycle.id;
    expect((await send('admin', 'PUT', `/cycles/${cycleId}/periods/B04`, { deadlineDate: '2025-04-30' })).status).toBe(200);
    const grant = async (who: string, body: Record<string, unknown>) => expect((await send(who, 'POST', `/cycles/${cycleId}/periods/B04/extensions`, body)).status).toBe(201);
    await grant('kanwil', { regionCode: '64.71', until: '2025-05-07T23:59:00+08:00', reason: 'Banjir di kantor Bagian Hukum' });
    await grant('papuaKanwil', { regionCode: '91.71', until: '2025-05-10T23:59:00+09:00', reason: 'Gangguan jaringan' });
    await grant('central', { organisationId: ministry, until: '2025-05-03T23:59:00+07:00', reason: 'Pergantian pejabat' });
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
  const list = async (who: string) => {
    const response = await send(who, 'GET', `/cycles/${cycleId}/periods/B04/extensions`);
    expect(response.status).toBe(200);
    return (await response.json()) as { regionCode: string | null; reporterOrganisationId: string | null; organisationId: string | null; until: string; reason: string }[];
  };

  it('gives admins and the centre every extension, latest deadline first, as granted', async () => {
    const all = await list('admin');
    expect(all.map((e) => [e.regionCode, e.reporterOrganisationId, e.until, e.reason])).toEqual([
      ['91.71', null, '2025-05-10T14:59:00.000Z', 'Gangguan jaringan'],
      ['64.71', null, '2025-05-07T15:59:00.000Z', 'Banjir di kantor Bagian Hukum'],
      [null, ministry, '2025-05-03T16:59:00.000Z', 'Pergantian pejabat'],
    ]);
    expect(await list('central')).toEqual(all);
  });

  it('gives a Kanwil only its own province’s, never a ministry’s', async () => {
    expect((await list('kanwil')).map((e) => e.regionCode)).toEqual(['64.71']);
    expect((await list('papuaKanwil')).map((e) => e.regionCode)).toEqual(['91.71']);
  });

  it('refuses those who cannot grant extensions, and names a period the cycle does not have', async () => {
    expect((await send('coordinator', 'GET', `/cycles/${cycleId}/periods/B04/extensions`)).status).toBe(403);
    const missing = await send('admin', 'GET', `/cycles/${cycleId}/periods/B08/extensions`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe('Period B08 was not found in this cycle.');
    expect((await send('admin', 'GET', `/cycles/00000000-0000-4000-8000-000000000000/periods/B04/extensions`)).status).toBe(404);
  });
});
