import { createTestUser, signIn } from '@peduli/testkit';
import { startTestApi, TestApi } from './support';

interface Page {
  items: { id: string; regionCode: string | null; band: string; current: boolean }[];
  total: number;
}

/**
 * GET /scores/reporters: a cycle's reporters' current scores in the caller's scope, without naming a region or unit,
 * narrowed by province and band; units' inputs and superseded snapshots stay out.
 */
describe('the current scores of a cycle’s reporters in scope', () => {
  let api: TestApi;
  let cycleId: string;
  let kanwilKaltim: string;
  const snapshots: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const versions = (await (await api.get('/api/v1/frameworks/versions')).json()) as { id: string; programme: string; version: number }[];
    const kkp = versions.find((v) => v.programme === 'KKP_HAM' && v.version === 1)!;
    const created = await api.post('/api/v1/cycles', { programme: 'KKP_HAM', year: 2026, label: 'KKP HAM 2026', frameworkVersionId: kkp.id });
    cycleId = ((await created.json()) as { cycle: { id: string } }).cycle.id;
    const kanwil = await createTestUser(api.database.dataSource, { email: 'kanwil@kaltim.test', roles: [{ role: 'KANWIL_VERIFIER', provinceCode: '64' }] });
    kanwilKaltim = await signIn(api.baseUrl, kanwil.email);

    const db = api.database.dataSource;
    const [{ id: unit }] = await db.query(
      `INSERT INTO organisation (kind, name, province_code, region_code) VALUES ('OPD', 'Dinas Sosial Kota Samarinda', '64', '64.72') RETURNING id`,
    );
    const insert = async (name: string, region: string, organisationId: string | null, scores: { total: number; band: string }[]) => {
      const [{ id }] = await db.query(
        `INSERT INTO submission (region_code, province_code, organisation_id, programme, period_key, status, answers, submit_count, version)
         VALUES ($1, $2, $3, 'KKP_HAM', '2026-TAHUNAN', 'SCORED', '{}', 1, 1) RETURNING id`,
        [region, region.slice(0, 2), organisationId],
      );
      let last = '';
      for (const [index, score] of scores.entries()) {
        [{ id: last }] = await db.query(
          `INSERT INTO score_snapshot (submission_id, province_code, region_code, period_key, framework_version, framework_version_id, basis, input_hash, total, band, breakdown)
           VALUES ($1, $2, $3, '2026-TAHUNAN', 'KKP@1', $4, 'SELF_ASSESSED', repeat($5, 64), $6, $7, '{"criteria": []}') RETURNING id`,
          [id, region.slice(0, 2), region, kkp.id, String(index), score.total, score.band],
        );
      }
      await db.query(`UPDATE submission SET current_snapshot_id = $2 WHERE id = $1`, [id, last]);
      snapshots[name] = last;
    };
    // Balikpapan was rescored from 40 to 80: only the later snapshot is current.
    await insert('balikpapan', '64.71', null, [
      { total: 40, band: 'KURANG_PEDULI' },
      { total: 80, band: 'PEDULI' },
    ]);
    await insert('samarinda', '64.72', null, [{ total: 55, band: 'MULAI_PEDULI' }]);
    // A unit's input to Samarinda's report, scored on its own: not a reporter's score.
    await insert('samarindaUnit', '64.72', unit, [{ total: 90, band: 'PEDULI' }]);
    await insert('jayapura', '91.71', null, [{ total: 70, band: 'CUKUP_PEDULI' }]);
  });
  afterAll(async () => {
    await api?.close();
  });

  const list = async (query: string, token = api.adminToken): Promise<Page> => {
    const response = await api.get(`/api/v1/scores/reporters?${query}`, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };

  it('lists every reporter’s current score of the cycle nationally, without units’ inputs or older snapshots', async () => {
    const page = await list(`cycleId=${cycleId}`);
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.id).sort()).toEqual([snapshots.balikpapan, snapshots.samarinda, snapshots.jayapura].sort());
    expect(page.items.every((item) => item.current)).toBe(true);
  });

  it('narrows by province and band, and a Kanwil sees only its province', async () => {
    expect((await list(`cycleId=${cycleId}&provinceCode=91`)).items.map((item) => item.regionCode)).toEqual(['91.71']);
    expect((await list(`cycleId=${cycleId}&band=PEDULI`)).items.map((item) => item.id)).toEqual([snapshots.balikpapan]);
    const kanwil = await list(`cycleId=${cycleId}`, kanwilKaltim);
    expect(kanwil.items.map((item) => item.regionCode).sort()).toEqual(['64.71', '64.72']);
    expect((await list(`cycleId=${cycleId}&provinceCode=91`, kanwilKaltim)).total).toBe(0);
  });

  it('refuses a missing or malformed cycle, province or band, and answers 404 for an unknown cycle', async () => {
    expect((await api.get('/api/v1/scores/reporters')).status).toBe(400);
    expect((await api.get(`/api/v1/scores/reporters?cycleId=${cycleId}&provinceCode=6`)).status).toBe(400);
    expect((await api.get(`/api/v1/scores/reporters?cycleId=${cycleId}&band=peduli`)).status).toBe(400);
    expect((await api.get('/api/v1/scores/reporters?cycleId=6f1c1d52-4c1e-4b57-9a43-2d2b1c1e0a11')).status).toBe(404);
  });
});
