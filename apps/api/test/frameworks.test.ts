import { createTestUser, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface Summary {
  id: string;
  version: number;
  status: string;
  frameworkCode: string;
}

describe('framework versions: draft, publish, frozen once published', () => {
  let api: TestApi;
  let coordinatorToken: string;
  let sample: Summary;

  beforeAll(async () => {
    api = await startTestApi();
    const coordinator = await createTestUser(api.database.dataSource, { email: 'koordinator@fw.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] });
    coordinatorToken = await signIn(api.baseUrl, coordinator.email);
    const list = (await (await api.get('/api/v1/frameworks/versions?programme=KKP_HAM')).json()) as Summary[];
    sample = list.find((v) => v.frameworkCode === 'KKP_HAM_PERMENKUMHAM_22_2021' && v.version === 1)!;
  });
  afterAll(async () => {
    await api?.close();
  });

  const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api/v1/frameworks/versions/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const contentOf = async (id: string) =>
    ((await (await api.get(`/api/v1/frameworks/versions/${id}`)).json()) as { content: { criteria: unknown[]; indicators: { code: string }[]; rules: { typeWeights: Record<string, number> } }; problems: unknown[] });

  it('seeds the Permenkumham 22/2021 sample as published version 1 with 10 criteria and no problems', async () => {
    expect(sample).toMatchObject({ status: 'PUBLISHED', version: 1 });
    const version = await contentOf(sample.id);
    expect(version.content.criteria).toHaveLength(10);
    expect(version.problems).toEqual([]);
  });

  it('refuses to change a published version (409) and leaves it as it was', async () => {
    const before = await contentOf(sample.id);
    const response = await put(sample.id, { content: { ...before.content, criteria: [] } }, { 'accept-language': 'en' });
    expect(response.status).toBe(409);
    expect((await json(response)).message).toBe('A PUBLISHED version cannot be changed; start a new draft from it.');
    expect(await contentOf(sample.id)).toEqual(before);
  });

  it('starts a draft as a copy, reports problems on save, refuses to publish an invalid one, then publishes a fixed one', async () => {
    const created = await api.post(`/api/v1/frameworks/versions/${sample.id}/drafts`, {});
    expect(created.status).toBe(201);
    const draft = (await created.json()) as Summary;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 2, frameworkCode: sample.frameworkCode });

    const original = (await contentOf(draft.id)).content;
    const broken = { ...original, rules: { ...original.rules, typeWeights: { STRUKTUR: 10, PROSES: 30, HASIL: 50 } } };
    const saved = await put(draft.id, { content: broken });
    expect(saved.status).toBe(200);
    const savedBody = (await saved.json()) as { problems: { path: string; code: string }[] };
    expect(savedBody.problems.map((p) => p.path)).toContain('rules.typeWeights');

    const refused = await api.post(`/api/v1/frameworks/versions/${draft.id}/publish`, {}, { 'accept-language': 'en' });
    expect(refused.status).toBe(400);
    const refusal = await json(refused);
    expect(refusal.message).toBe('This framework is not valid yet. Fix the problems below before publishing.');
    expect(refusal.problems!.map((p) => p.field)).toContain('rules.typeWeights');
    expect(((await (await api.get(`/api/v1/frameworks/versions/${draft.id}`)).json()) as Summary).status).toBe('DRAFT');

    expect((await put(draft.id, { content: original, label: 'Versi 2: uji' })).status).toBe(200);
    const published = await api.post(`/api/v1/frameworks/versions/${draft.id}/publish`, {});
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect((await put(draft.id, { content: original })).status).toBe(409);

    const audit = await api.database.dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [draft.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'framework.draft_created',
      'framework.draft_updated',
      'framework.draft_updated',
      'framework.published',
    ]);
  });

  it('lets only national admins manage frameworks, while any signed-in user may read them', async () => {
    const auth = { authorization: `Bearer ${coordinatorToken}` };
    expect((await fetch(`${api.baseUrl}/api/v1/frameworks/versions/${sample.id}`, { headers: auth })).status).toBe(200);
    const before = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM framework_version`);
    const refused = await fetch(`${api.baseUrl}/api/v1/frameworks/versions/${sample.id}/drafts`, { method: 'POST', headers: auth });
    expect(refused.status).toBe(403);
    expect(await api.database.dataSource.query(`SELECT count(*)::int AS n FROM framework_version`)).toEqual(before);
    expect((await fetch(`${api.baseUrl}/api/v1/frameworks/versions`)).status).toBe(401);
  });

  it('answers 404 for an unknown version and 400 for a body without content', async () => {
    expect((await api.get('/api/v1/frameworks/versions/6f1c1c3e-2b1a-4c8e-9d52-2f0f4f0c2a11')).status).toBe(404);
    const created = (await (await api.post(`/api/v1/frameworks/versions/${sample.id}/drafts`, {})).json()) as Summary;
    const response = await put(created.id, { label: 'tanpa isi' });
    expect(response.status).toBe(400);
    expect((await json(response)).problems!.map((p) => p.field)).toEqual(['content']);
  });
});
