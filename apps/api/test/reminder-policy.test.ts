import { rowCounts } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

describe('a cycle’s reminder policy', () => {
  let api: TestApi;
  let cycleId: string;
  beforeAll(async () => {
    api = await startTestApi();
    const [v1] = await api.database.dataSource.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const created = await api.post('/api/v1/cycles', { programme: 'RANHAM', year: 2026, label: 'RANHAM 2026', frameworkVersionId: v1.id });
    cycleId = ((await created.json()) as { cycle: { id: string } }).cycle.id;
  });
  afterAll(async () => {
    await api?.close();
  });
  const put = (body: unknown) =>
    fetch(`${api.baseUrl}/api/v1/cycles/${cycleId}/reminder-policy`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify(body),
    });

  it('starts from the defaults: at the window’s opening, then 3 and 1 days before the close, at 09:00 local time', async () => {
    const view = await (await api.get(`/api/v1/cycles/${cycleId}/reminder-policy`)).json();
    expect(view).toMatchObject({ isDefault: true, policy: { offsetsDays: [3, 1], atOpening: true, sendAt: '09:00', overdueAfterDays: 1, graceHours: 24 } });
  });

  it('refuses negative or absurd offsets and bad times, naming each, and changes nothing', async () => {
    const before = await rowCounts(api.database.dataSource, ['reminder_policy', 'audit_entry']);
    const response = await put({ offsetsDays: [7, -2, 500], sendAt: '9 pagi' });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.problems?.map((p) => p.field)).toEqual(['offsetsDays[1]', 'offsetsDays[2]', 'sendAt']);
    expect(body.problems?.[0].problem).toBe('A reminder offset must be a whole number of 1-90 days before the deadline.');
    expect((await put({ offsetsDays: [7], unknownField: 1 })).status).toBe(400);
    const notBoolean = await put({ atOpening: 'ya' });
    expect(notBoolean.status).toBe(400);
    expect((await json(notBoolean)).problems?.map((p) => p.field)).toEqual(['atOpening']);
    expect(await rowCounts(api.database.dataSource, ['reminder_policy', 'audit_entry'])).toEqual(before);
  });

  it('keeps fields left out, and audits the change', async () => {
    const response = await put({ offsetsDays: [10, 2], sendAt: '08:30' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ isDefault: false, policy: { offsetsDays: [10, 2], sendAt: '08:30', overdueAfterDays: 1, graceHours: 24 } });
    expect((await put({ graceHours: 12 })).status).toBe(200);
    const view = (await (await api.get(`/api/v1/cycles/${cycleId}/reminder-policy`)).json()) as { policy: Record<string, unknown> };
    expect(view.policy).toMatchObject({ offsetsDays: [10, 2], sendAt: '08:30', graceHours: 12 });
    const audits = await api.database.dataSource.query(`SELECT action FROM audit_entry WHERE action = 'reminder_policy.set'`);
    expect(audits).toHaveLength(2);
  });

  it('documents the policy with the types it is sent in: integer lists, a nullable integer, a nullable digest', async () => {
    type Schema = { type?: string; nullable?: boolean; items?: Schema; $ref?: string; properties?: Record<string, Schema>; allOf?: Schema[] };
    const spec = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (schema: Schema): Schema => (schema.$ref ? spec.components.schemas[schema.$ref.split('/').pop()!] : schema);
    const operations = spec.paths['/api/v1/cycles/{cycleId}/reminder-policy'];
    const body = resolve(operations.put.requestBody!.content['application/json'].schema).properties!;
    const view = resolve(resolve(operations.get.responses['200'].content!['application/json'].schema).properties!.policy).properties!;
    for (const properties of [body, view]) {
      expect(properties.offsetsDays).toMatchObject({ type: 'array', items: { type: 'integer' } });
      expect(properties.offsetsMinutes).toMatchObject({ type: 'array', items: { type: 'integer' } });
      expect(properties.overdueAfterDays).toMatchObject({ type: 'integer', nullable: true });
      expect(properties.overdueAfterMinutes).toMatchObject({ type: 'integer', nullable: true });
      expect(properties.graceHours).toMatchObject({ type: 'integer' });
      expect(properties.escalateOverdue).toMatchObject({ type: 'boolean' });
      expect(properties.weeklyDigest.nullable).toBe(true);
    }
    expect(Object.keys(operations.put.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404']));
  });

  it('counts in minutes when asked, validating the minute offsets, and switches back to days keeping them', async () => {
    const refused = await put({ unit: 'MINUTES' });
    expect(refused.status).toBe(400);
    expect((await json(refused)).problems).toEqual([{ field: 'offsetsMinutes', problem: 'offsetsMinutes is required when the unit is MINUTES.' }]);
    const wrong = await json(await put({ unit: 'WEEKS', offsetsMinutes: [0, 3000], overdueAfterMinutes: -1 }));
    expect(wrong.problems?.map((p) => p.field)).toEqual(['unit', 'offsetsMinutes[0]', 'offsetsMinutes[1]', 'overdueAfterMinutes']);

    const response = await put({ unit: 'MINUTES', offsetsMinutes: [2, 1], overdueAfterMinutes: 1, weeklyDigest: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ policy: { unit: 'MINUTES', offsetsMinutes: [2, 1], overdueAfterMinutes: 1, offsetsDays: [10, 2], weeklyDigest: null } });
    const back = await put({ unit: 'DAYS' });
    expect(await back.json()).toMatchObject({ policy: { unit: 'DAYS', offsetsDays: [10, 2], offsetsMinutes: [2, 1] } });
  });
});
