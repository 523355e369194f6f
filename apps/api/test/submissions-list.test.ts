import { createTestOrganisation, createTestUser, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface Summary {
  id: string;
  regionCode: string;
  organisationId: string | null;
  programme: string;
  periodKey: string;
  status: string;
  createdAt: string;
}
interface Page {
  items: Summary[];
  pageSize: number;
  nextCursor: string | null;
}

describe('GET /submissions and the operator who forgets organisationId', () => {
  let api: TestApi;
  let unitA: string; // an OPD of Kota Balikpapan (64.71)
  let unitB: string; // another OPD of Kota Balikpapan
  let kanwilToken: string;
  let operatorToken: string;
  /** Every seeded submission by a label, to compare listings by id. */
  const ids: Record<string, string> = {};

  const list = async (query: string, token = api.adminToken): Promise<Page> => {
    const response = await api.get(`/api/v1/submissions${query}`, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };
  const labels = (page: Page) => page.items.map((item) => Object.keys(ids).find((label) => ids[label] === item.id) ?? item.id);

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    unitA = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    unitB = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Pendidikan Kota Balikpapan', regionCode: '64.71' });
    // Seeded with explicit creation instants so "newest first" has one right answer; two share an instant so the
    // id has to break the tie.
    const seeds: [string, string, string | null, string, string, string, string][] = [
      ['a-ranham-b04', '64.71', unitA, 'RANHAM', '2026-B04', 'SCORED', '2026-01-10T00:00:00.000001Z'],
      ['a-ranham-b08', '64.71', unitA, 'RANHAM', '2026-B08', 'DRAFT', '2026-05-10T00:00:00Z'],
      ['b-ranham-b08', '64.71', unitB, 'RANHAM', '2026-B08', 'SUBMITTED', '2026-05-10T00:00:00Z'],
      ['balikpapan-kkp', '64.71', null, 'KKP_HAM', '2026-TAHUNAN', 'IN_REVIEW', '2026-06-01T00:00:00Z'],
      ['samarinda-kkp', '64.72', null, 'KKP_HAM', '2026-TAHUNAN', 'DRAFT', '2026-06-02T00:00:00Z'],
      ['jayapura-kkp', '91.71', null, 'KKP_HAM', '2026-TAHUNAN', 'DRAFT', '2026-06-03T00:00:00Z'],
    ];
    for (const [label, region, organisation, programme, periodKey, status, createdAt] of seeds) {
      const [row] = await db.query(
        `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, created_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
        [region, organisation, programme, periodKey, status, createdAt],
      );
      ids[label] = row.id;
    }
    await createTestUser(db, { email: 'kanwil@kaltim.test', roles: [{ role: 'KANWIL_VERIFIER', provinceCode: '64' }] });
    await createTestUser(db, { email: 'operator@dinkes.test', organisationId: unitA, roles: [{ role: 'UNIT_OPERATOR', organisationId: unitA }] });
    kanwilToken = await signIn(api.baseUrl, 'kanwil@kaltim.test');
    operatorToken = await signIn(api.baseUrl, 'operator@dinkes.test');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists every submission newest first for a national admin, the id breaking ties between equal instants', async () => {
    const page = await list('');
    const tied = [ids['a-ranham-b08'], ids['b-ranham-b08']].sort().reverse();
    expect(page.items.map((item) => item.id)).toEqual([
      ids['jayapura-kkp'],
      ids['samarinda-kkp'],
      ids['balikpapan-kkp'],
      ...tied,
      ids['a-ranham-b04'],
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({ regionCode: '91.71', organisationId: null, programme: 'KKP_HAM', status: 'DRAFT', createdAt: '2026-06-03T00:00:00.000Z' });
  });

  it.each([
    ['?programme=RANHAM', ['a-ranham-b08', 'b-ranham-b08', 'a-ranham-b04']],
    ['?periodKey=2026-B08', ['a-ranham-b08', 'b-ranham-b08']],
    ['?status=DRAFT', ['jayapura-kkp', 'samarinda-kkp', 'a-ranham-b08']],
    ['?regionCode=64.71&programme=KKP_HAM', ['balikpapan-kkp']],
    ['?provinceCode=64&status=DRAFT', ['samarinda-kkp', 'a-ranham-b08']],
  ])('filters with %s', async (query, expected) => {
    expect(labels(await list(query)).sort()).toEqual([...expected].sort());
  });

  it('filters by reporting unit', async () => {
    expect(labels(await list(`?organisationId=${unitA}`))).toEqual(['a-ranham-b08', 'a-ranham-b04']);
  });

  it('shows a Kanwil its province only, whatever it filters by', async () => {
    expect(labels(await list('', kanwilToken)).sort()).toEqual(['a-ranham-b04', 'a-ranham-b08', 'b-ranham-b08', 'balikpapan-kkp', 'samarinda-kkp'].sort());
    expect((await list('?provinceCode=91', kanwilToken)).items).toEqual([]);
  });

  it('shows a unit operator its own unit’s submissions only', async () => {
    expect(labels(await list('', operatorToken))).toEqual(['a-ranham-b08', 'a-ranham-b04']);
    expect((await list(`?organisationId=${unitB}`, operatorToken)).items).toEqual([]);
  });

  it('pages with nextCursor through every row once, in order, with no total', async () => {
    const everything = (await list('')).items.map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`?pageSize=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page).not.toHaveProperty('total');
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(everything);
    expect(pages).toBe(3);
  });

  it('refuses a page size over 100 and a cursor it did not hand out, naming the field', async () => {
    for (const query of ['?pageSize=101', '?cursor=yesterday', '?status=LOST', '?provinceCode=6']) {
      const response = await api.get(`/api/v1/submissions${query}`, { 'accept-language': 'en' });
      expect(response.status).toBe(400);
      const field = query.slice(1, query.indexOf('='));
      expect((await json(response)).problems!.map((problem) => problem.field)).toEqual([field]);
    }
  });

  describe('create without organisationId', () => {
    const body = { regionCode: '64.71', programme: 'RANHAM', periodKey: '2026-B12' };

    it('tells an operator that organisationId is missing and which unit they may report for, in either language', async () => {
      const before = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM submission`);
      const english = await api.post('/api/v1/submissions', body, { authorization: `Bearer ${operatorToken}`, 'accept-language': 'en' });
      expect(english.status).toBe(400);
      const answer = await json(english);
      expect(answer.message).toBe(`organisationId is missing: you may only report for your unit. Set organisationId to one of: Dinas Kesehatan Kota Balikpapan (${unitA}).`);
      expect(answer.problems).toEqual([{ field: 'organisationId', problem: answer.message }]);

      const indonesian = await api.post('/api/v1/submissions', body, { authorization: `Bearer ${operatorToken}` });
      expect(indonesian.status).toBe(400);
      expect((await json(indonesian)).message).toBe(
        `organisationId belum diisi: Anda hanya dapat melapor untuk unit Anda. Isi organisationId dengan salah satu dari: Dinas Kesehatan Kota Balikpapan (${unitA}).`,
      );
      expect(await api.database.dataSource.query(`SELECT count(*)::int AS n FROM submission`)).toEqual(before);
    });

    it('still creates the report once the operator names the unit', async () => {
      const response = await api.post('/api/v1/submissions', { ...body, organisationId: unitA }, { authorization: `Bearer ${operatorToken}` });
      expect(response.status).toBe(201);
      expect((await json(response)).organisationId).toBe(unitA);
    });

    it('keeps the plain 403 for a caller with no unit to point at', async () => {
      const response = await api.post('/api/v1/submissions', body, { authorization: `Bearer ${kanwilToken}` });
      expect(response.status).toBe(403);
    });
  });
});
