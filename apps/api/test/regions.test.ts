import { json, startTestApi, TestApi } from './support';

describe('GET /api/v1/regions (public reference data)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.baseUrl}/api/v1${path}`, { headers });

  it('lists the 514 regencies and cities, 50 per page by default, ordered by code', async () => {
    const response = await get('/regions');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.total).toBe(514);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(50);
    const items = body.items as { code: string }[];
    expect(items).toHaveLength(50);
    expect(items[0].code).toBe('11.01');
    expect(items.map((i) => i.code)).toEqual([...items.map((i) => i.code)].sort());
  });

  it('filters by province, kind and time zone, and pages through the rest', async () => {
    const kaltim = await json(await get('/regions?province=64'));
    expect(kaltim.total).toBe(10);
    expect((kaltim.items as { timeZone: string; provinceCode: string }[]).every((r) => r.timeZone === 'WITA' && r.provinceCode === '64')).toBe(true);
    expect((await json(await get('/regions?kind=KOTA'))).total).toBe(98);
    expect((await json(await get('/regions?kind=KABUPATEN'))).total).toBe(416);
    expect((await json(await get('/regions?timeZone=WIT'))).total).toBe(63);
    const combined = await json(await get('/regions?timeZone=WITA&kind=KOTA&province=64'));
    expect((combined.items as { code: string }[]).map((r) => r.code)).toEqual(['64.71', '64.72', '64.74']);
    const lastPage = await json(await get('/regions?page=11&pageSize=50'));
    expect((lastPage.items as unknown[]).length).toBe(14);
    const beyond = await json(await get('/regions?page=12&pageSize=50'));
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(514);
  });

  it('answers one region by code: 64.71 is Kota Balikpapan in WITA', async () => {
    const response = await get('/regions/64.71');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      code: '64.71',
      name: 'Kota Balikpapan',
      kind: 'KOTA',
      provinceCode: '64',
      provinceName: 'Kalimantan Timur',
      timeZone: 'WITA',
      ianaZone: 'Asia/Makassar',
    });
  });

  it('answers 404 for an unknown code, in Indonesian by default and English on request', async () => {
    const id = await get('/regions/99.99');
    expect(id.status).toBe(404);
    expect((await json(id)).message).toBe('Kabupaten/kota dengan kode 99.99 tidak ditemukan.');
    const en = await get('/regions/99.99', { 'accept-language': 'en-US,en;q=0.9' });
    expect((await json(en)).message).toBe('No regency or city has code 99.99.');
  });

  it('answers 400 naming each bad query parameter', async () => {
    const response = await get('/regions?province=6&kind=DESA&timeZone=UTC&pageSize=500&page=0&sort=name', { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    const body = await json(response);
    const fields = body.problems!.map((p) => p.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['kind', 'page', 'pageSize', 'province', 'sort', 'timeZone']));
    expect(body.problems!.find((p) => p.field === 'kind')!.problem).toBe('must be one of: KABUPATEN, KOTA');
    expect(body.problems!.find((p) => p.field === 'sort')!.problem).toBe('unknown field; remove it');
    expect(typeof body.requestId).toBe('string');
  });

  it('answers 400 for a malformed code rather than pretending it might exist', async () => {
    const response = await get('/regions/6471');
    expect(response.status).toBe(400);
    expect((await json(response)).problems![0].field).toBe('code');
  });

  it('answers 404 with the error shape for an unknown route', async () => {
    const response = await get('/nothing-here');
    expect(response.status).toBe(404);
    expect((await json(response)).message).toContain('/api/v1/nothing-here');
  });
});

describe('health and API docs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('serves liveness and readiness (database and Redis up)', async () => {
    expect(await (await fetch(`${api.baseUrl}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI UI and its JSON with every route', async () => {
    const ui = await fetch(`${api.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const spec = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/health/ready',
        '/api/v1/regions',
        '/api/v1/regions/{code}',
        '/api/v1/submissions',
        '/api/v1/submissions/{id}',
        '/api/v1/submissions/{id}/submit',
        '/api/v1/submissions/{id}/evidence',
      ]),
    );
  });

  it('keeps a sane caller request id and replaces an unsafe one', async () => {
    const kept = await fetch(`${api.baseUrl}/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const replaced = await fetch(`${api.baseUrl}/health`, { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
