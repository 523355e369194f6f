import { rowCounts } from '@peduli/testkit';
import { startTestApi, TestApi } from './support';

describe('API tokens: created by signed-in national admins only', () => {
  let api: TestApi;
  let apiToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    const created = await api.post('/api/v1/api-tokens', { name: 'Sinkronisasi data nasional', role: 'NATIONAL_ADMIN' });
    expect(created.status).toBe(201);
    apiToken = ((await created.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  const withToken = (path: string, body: unknown, language: string) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(body),
    });

  it('refuses a token minting a token with 403 and a message saying who can, in both languages, writing nothing', async () => {
    const before = await rowCounts(api.database.dataSource, ['api_token', 'audit_entry']);
    const english = await withToken('/api/v1/api-tokens', { name: 'Token dari token', role: 'VIEWER', regionCode: '64.71' }, 'en');
    expect(english.status).toBe(403);
    expect(await english.json()).toMatchObject({
      statusCode: 403,
      error: 'FORBIDDEN',
      message: 'An API token cannot create API tokens. Sign in as a national admin to create a new token.',
    });
    const indonesian = await withToken('/api/v1/api-tokens', { name: 'Token dari token', role: 'NATIONAL_ADMIN' }, 'id');
    expect(indonesian.status).toBe(403);
    expect(((await indonesian.json()) as { message: string }).message).toBe(
      'Token API tidak dapat membuat token API. Masuk sebagai admin nasional untuk membuat token baru.',
    );
    expect(await rowCounts(api.database.dataSource, ['api_token', 'audit_entry'])).toEqual(before);
  });

  it('still lets the token do what its role allows, and a signed-in admin create tokens', async () => {
    const listed = await fetch(`${api.baseUrl}/api/v1/api-tokens`, { headers: { authorization: `Bearer ${apiToken}` } });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as unknown[]).length).toBe(1);
    const byAdmin = await api.post('/api/v1/api-tokens', { name: 'Integrasi Dinkes', role: 'VIEWER', regionCode: '64.71' });
    expect(byAdmin.status).toBe(201);
  });
});
