import { createTestOrganisation } from '@peduli/testkit';
import { bandOrder, provinceShares } from '../src/public-results/public-results.shares';
import { PUBLIC_RATE_LIMIT_PER_MINUTE } from '../src/public-results/public-results.throttler.guard';
import { json, startTestApi, TestApi } from './support';

interface Version {
  id: string;
  version: number;
  frameworkCode: string;
}

const KKP_CODE = 'KKP_HAM_PERMENKUMHAM_22_2021';
const BANDS = ['PEDULI', 'CUKUP_PEDULI', 'MULAI_PEDULI', 'KURANG_PEDULI'];

describe('public results: bands only, after the decree, cacheable and rate-limited', () => {
  let api: TestApi;
  let kkpV1: Version;
  let cycle2026: string;
  let cycle2025: string;

  /** An anonymous call, as another site or a journalist makes it. */
  const anonymous = (path: string, headers: Record<string, string> = {}) => fetch(`${api.baseUrl}/api/v1/public/kkp-ham${path}`, { headers });
  const asAdmin = (method: string, path: string, body?: unknown) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const createCycle = async (year: number) => {
    const response = await asAdmin('POST', '/cycles', { programme: 'KKP_HAM', year, label: `KKP HAM ${year} (data ${year - 1})`, frameworkVersionId: kkpV1.id });
    expect(response.status).toBe(201);
    return ((await response.json()) as { cycle: { id: string } }).cycle.id;
  };
  /** A scored submission, with the total, breakdown and answers the public must never see. */
  const scored = async (options: { region: string; periodKey: string; band: string; programme?: string; organisationId?: string; current?: boolean }) => {
    const db = api.database.dataSource;
    const programme = options.programme ?? 'KKP_HAM';
    const [{ id }] = await db.query(
      `INSERT INTO submission (region_code, province_code, organisation_id, own_report, programme, period_key, status, answers, submit_count, version, contact_email)
       VALUES ($1::varchar, left($1::varchar, 2), $2, $3, $4, $5, 'VERIFIED', '{"K1.S1": true}', 1, 1, 'rahasia@pemda.test') RETURNING id`,
      [options.region, options.organisationId ?? null, programme === 'RANHAM', programme, options.periodKey],
    );
    const [{ id: snapshot }] = await db.query(
      `INSERT INTO score_snapshot (submission_id, region_code, province_code, organisation_id, period_key, framework_version, framework_version_id, basis, input_hash, total, band, breakdown)
       VALUES ($1, $2::varchar, left($2::varchar, 2), $3, $4, $5, $6, 'VERIFIED', repeat('b', 64), 77.25, $7, '{"criteria": [{"code": "K1", "points": 88}]}') RETURNING id`,
      [id, options.region, options.organisationId ?? null, options.periodKey, `${KKP_CODE}@1`, programme === 'KKP_HAM' ? kkpV1.id : null, options.band],
    );
    if (options.current !== false) await db.query(`UPDATE submission SET current_snapshot_id = $2 WHERE id = $1`, [id, snapshot]);
  };

  beforeAll(async () => {
    api = await startTestApi();
    const versions = (await (await api.get('/api/v1/frameworks/versions')).json()) as Version[];
    kkpV1 = versions.find((v) => v.frameworkCode === KKP_CODE && v.version === 1)!;
    cycle2026 = await createCycle(2026);
    cycle2025 = await createCycle(2025);
    // Data year 2025: two cities of Kalimantan Timur and one of Papua.
    await scored({ region: '64.71', periodKey: '2026-TAHUNAN', band: 'PEDULI' });
    await scored({ region: '64.72', periodKey: '2026-TAHUNAN', band: 'CUKUP_PEDULI' });
    await scored({ region: '91.71', periodKey: '2026-TAHUNAN', band: 'KURANG_PEDULI' });
    // Not results of a regency or city: a unit's input, a RANHAM report, and a snapshot that is no longer current.
    const unit = await createTestOrganisation(api.database.dataSource, { kind: 'OPD', name: 'Dinas Kesehatan Kota Bontang', regionCode: '64.74' });
    await scored({ region: '64.74', periodKey: '2026-TAHUNAN', band: 'PEDULI', organisationId: unit });
    await scored({ region: '64.02', periodKey: '2026-B04', band: 'PEDULI', programme: 'RANHAM' });
    await scored({ region: '64.03', periodKey: '2026-TAHUNAN', band: 'PEDULI', current: false });
    // Data year 2024: Balikpapan only.
    await scored({ region: '64.71', periodKey: '2025-TAHUNAN', band: 'MULAI_PEDULI' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('before any decree: no years, and a year says in Indonesian or English that it is not yet announced', async () => {
    const years = await anonymous('/results');
    expect(years.status).toBe(200);
    expect(await years.json()).toEqual({ items: [] });

    const notYet = await anonymous('/results/2025');
    expect(notYet.status).toBe(404);
    expect(notYet.headers.get('cache-control')).toBe('no-cache');
    expect((await json(notYet)).message).toBe('Hasil KKP HAM untuk data tahun 2025 belum diumumkan.');
    const inEnglish = await anonymous('/results/2025', { 'accept-language': 'en' });
    expect((await json(inEnglish)).message).toBe('The KKP HAM results for data year 2025 have not been announced yet.');
    // A year with no cycle at all answers the same.
    expect((await anonymous('/results/2019')).status).toBe(404);
    // Nor does a region show anything before its decree.
    expect(await (await anonymous('/regions/64.71')).json()).toMatchObject({ code: '64.71', years: [] });
  });

  it('after the decree: each regency’s or city’s band by province, the provinces’ counts, and no private field', async () => {
    expect((await asAdmin('PATCH', `/cycles/${cycle2026}/decree`, { number: 'M.HH-03.HA.02.01.01/2026', date: '2026-11-15' })).status).toBe(200);

    expect(await (await anonymous('/results')).json()).toEqual({
      items: [{ dataYear: 2025, awardYear: 2026, decreeNumber: 'M.HH-03.HA.02.01.01/2026', decreeDate: '2026-11-15' }],
    });
    const response = await anonymous('/results/2025');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & { regions: Record<string, unknown>[]; provinces: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(['awardYear', 'bands', 'dataYear', 'decree', 'provinces', 'regions']);
    expect(body).toMatchObject({ dataYear: 2025, awardYear: 2026, decree: { number: 'M.HH-03.HA.02.01.01/2026', date: '2026-11-15' }, bands: BANDS });
    for (const region of body.regions) expect(Object.keys(region).sort()).toEqual(['band', 'code', 'name', 'provinceCode', 'provinceName']);
    expect(body.regions).toEqual([
      { code: '64.71', name: 'Kota Balikpapan', provinceCode: '64', provinceName: 'Kalimantan Timur', band: 'PEDULI' },
      { code: '64.72', name: 'Kota Samarinda', provinceCode: '64', provinceName: 'Kalimantan Timur', band: 'CUKUP_PEDULI' },
      { code: '91.71', name: 'Kota Jayapura', provinceCode: '91', provinceName: 'Papua', band: 'KURANG_PEDULI' },
    ]);
    expect(body.provinces).toEqual([
      { code: '64', name: 'Kalimantan Timur', rated: 2, counts: [1, 1, 0, 0].map((count, i) => ({ band: BANDS[i], count })) },
      { code: '91', name: 'Papua', rated: 1, counts: [0, 0, 0, 1].map((count, i) => ({ band: BANDS[i], count })) },
    ]);
    // Nothing of the score, the answers, the evidence or the people, anywhere in the document.
    const text = JSON.stringify(body);
    for (const secret of ['77.25', 'total"', 'breakdown', 'K1.S1', 'rahasia@', 'VERIFIED', 'submission', 'organisation']) expect(text).not.toContain(secret);
  });

  it('a region shows its band in every decreed year, latest first; a year without its decree stays out until it is recorded', async () => {
    const before = (await (await anonymous('/regions/64.71')).json()) as { years: { dataYear: number }[] };
    expect(before.years.map((year) => year.dataYear)).toEqual([2025]);
    expect((await anonymous('/results/2024')).status).toBe(404);

    expect((await asAdmin('PATCH', `/cycles/${cycle2025}/decree`, { number: 'M.HH-01.HA.02.01.01/2025', date: '2025-11-20' })).status).toBe(200);
    const response = await anonymous('/regions/64.71');
    const body = (await response.json()) as Record<string, unknown> & { years: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(['code', 'name', 'provinceCode', 'provinceName', 'years']);
    expect(body).toEqual({
      code: '64.71',
      name: 'Kota Balikpapan',
      provinceCode: '64',
      provinceName: 'Kalimantan Timur',
      years: [
        { dataYear: 2025, awardYear: 2026, band: 'PEDULI', decree: { number: 'M.HH-03.HA.02.01.01/2026', date: '2026-11-15' } },
        { dataYear: 2024, awardYear: 2025, band: 'MULAI_PEDULI', decree: { number: 'M.HH-01.HA.02.01.01/2025', date: '2025-11-20' } },
      ],
    });
    expect(((await (await anonymous('/results')).json()) as { items: { dataYear: number }[] }).items.map((item) => item.dataYear)).toEqual([2025, 2024]);
    // A unit's input is not its region's result; a region without a result has no years.
    expect(await (await anonymous('/regions/64.74')).json()).toMatchObject({ code: '64.74', years: [] });
  });

  it('is cacheable: public for five minutes with an ETag, and 304 for a client holding the current copy', async () => {
    const first = await anonymous('/results/2025');
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await anonymous('/results/2025', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await anonymous('/results/2025', { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    // Another year is another document; a changed result makes a new ETag.
    expect((await anonymous('/results/2024', { 'if-none-match': etag })).status).toBe(200);
    await api.database.dataSource.query(`UPDATE score_snapshot SET band = 'MULAI_PEDULI' WHERE region_code = '64.72' AND period_key = '2026-TAHUNAN'`);
    const changed = await anonymous('/results/2025', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const region = await anonymous('/regions/64.71');
    expect((await anonymous('/regions/64.71', { 'if-none-match': region.headers.get('etag')! })).status).toBe(304);
  });

  it('refuses a malformed year or region code with 400, and answers 404 for an unknown region', async () => {
    for (const year of ['20x5', '99999', '1999', '25']) {
      const response = await anonymous(`/results/${year}`, { 'accept-language': 'en' });
      expect({ year, status: response.status }).toEqual({ year, status: 400 });
      expect((await json(response)).problems).toEqual([{ field: 'year', problem: 'has the wrong format; example: 2025' }]);
    }
    const badCode = await anonymous('/regions/6471');
    expect(badCode.status).toBe(400);
    expect((await json(badCode)).problems?.map((problem) => problem.field)).toEqual(['code']);
    const unknown = await anonymous('/regions/99.99', { 'accept-language': 'en' });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).message).toBe('No regency or city has code 99.99.');
  });

  it('limits each client address: past the limit a 429 with Retry-After and a message in the request’s language', async () => {
    let refused: Response | undefined;
    // Every public endpoint counts against the same limit; the earlier tests used part of it.
    for (let i = 0; i <= PUBLIC_RATE_LIMIT_PER_MINUTE && !refused; i += 1) {
      const response = await anonymous(i % 2 === 0 ? '/results' : '/regions/64.71', { 'accept-language': 'en' });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    expect(refused?.status).toBe(429);
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await json(refused!)).message).toBe(`Too many requests from this address. Try again in ${retryAfter} seconds.`);
    const inIndonesian = await anonymous('/results/2025');
    expect(inIndonesian.status).toBe(429);
    expect((await json(inIndonesian)).message).toMatch(/^Terlalu banyak permintaan dari alamat ini\. Coba lagi dalam \d+ detik\.$/);
    // Signed-in endpoints are not counted against it.
    expect((await api.get('/api/v1/regions/64.71')).status).toBe(200);
  });
});

describe('public results: band order and province shares', () => {
  it('orders bands by their lower edge, then any band a result carries that the rules do not', () => {
    const edges = [
      { band: 'KURANG_PEDULI', min: 0 },
      { band: 'PEDULI', min: 75 },
      { band: 'MULAI_PEDULI', min: 50 },
      { band: 'CUKUP_PEDULI', min: 65 },
    ];
    expect(bandOrder(edges, ['PEDULI', 'LAMA', 'PEDULI'])).toEqual([...BANDS, 'LAMA']);
    expect(bandOrder([], [])).toEqual([]);
  });

  it('counts each province’s regions by band with zeros, provinces by code', () => {
    const regions = [
      { provinceCode: '91', provinceName: 'Papua', band: 'PEDULI' },
      { provinceCode: '64', provinceName: 'Kalimantan Timur', band: 'KURANG_PEDULI' },
      { provinceCode: '64', provinceName: 'Kalimantan Timur', band: 'KURANG_PEDULI' },
    ];
    expect(provinceShares(regions, ['PEDULI', 'KURANG_PEDULI'])).toEqual([
      { code: '64', name: 'Kalimantan Timur', rated: 2, counts: [{ band: 'PEDULI', count: 0 }, { band: 'KURANG_PEDULI', count: 2 }] },
      { code: '91', name: 'Papua', rated: 1, counts: [{ band: 'PEDULI', count: 1 }, { band: 'KURANG_PEDULI', count: 0 }] },
    ]);
    expect(provinceShares([], ['PEDULI'])).toEqual([]);
  });
});
