import { KKP_HAM_2021_SAMPLE } from '@peduli/domain';
import { makeSubmissionScorer } from '@peduli/scoring-worker';
import { createTestUser, kkpAnswersAt, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface Version {
  id: string;
  version: number;
  frameworkCode: string;
  programme: string;
}

const KKP_CODE = 'KKP_HAM_PERMENKUMHAM_22_2021';

describe('the two programmes linked: yearly RANHAM score, central adjustments, the Aksi HAM bonus, the pembina award and the decree', () => {
  let api: TestApi;
  let central: string;
  let coordinatorBalikpapan: string;
  let coordinatorJayapura: string;
  let cycleId: string;
  let balikpapanKkp: string;

  const send = (method: string, path: string, body?: unknown, token?: string) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token ?? api.adminToken}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const db = () => api.database.dataSource;

  /** A submission with a current score snapshot, as the scoring worker leaves it. */
  const scored = async (programme: string, regionCode: string, periodKey: string, total: number, band: string, versionId: string, stamp: string, unitId: string | null = null) => {
    const [{ id }] = await db().query(
      `INSERT INTO submission (region_code, province_code, programme, period_key, status, answers, submit_count, version, organisation_id, own_report)
       VALUES ($1, $4, $2, $3, 'SCORED', '{}', 1, 1, $5, $5::uuid IS NULL) RETURNING id`,
      [regionCode, programme, periodKey, regionCode.slice(0, 2), unitId],
    );
    const [{ id: snapshot }] = await db().query(
      `INSERT INTO score_snapshot (submission_id, region_code, province_code, period_key, framework_version, framework_version_id, basis, input_hash, total, band, breakdown)
       VALUES ($1, $2, $8, $3, $4, $5, 'VERIFIED', repeat('b', 64), $6, $7, '{}') RETURNING id`,
      [id, regionCode, periodKey, stamp, versionId, total, band, regionCode.slice(0, 2)],
    );
    await db().query(`UPDATE submission SET current_snapshot_id = $2 WHERE id = $1`, [id, snapshot]);
    return { id, snapshot };
  };

  beforeAll(async () => {
    api = await startTestApi();
    const users = [
      { email: 'pusat@kemenham.test', roles: [{ role: 'CENTRAL_VERIFIER' }] },
      { email: 'koordinator@balikpapan.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] },
      { email: 'koordinator@jayapura.test', roles: [{ role: 'COORDINATOR', regionCode: '91.71' }] },
    ];
    [central, coordinatorBalikpapan, coordinatorJayapura] = await Promise.all(
      users.map(async (user) => signIn(api.baseUrl, (await createTestUser(db(), user as Parameters<typeof createTestUser>[1])).email)),
    );
    const versions = (await (await send('GET', '/frameworks/versions')).json()) as Version[];
    const kkpV1 = versions.find((v) => v.frameworkCode === KKP_CODE && v.version === 1)!;
    const ranham = versions.find((v) => v.programme === 'RANHAM')!;

    // A KKP HAM version whose Aksi HAM bonus is derived from the RANHAM yearly score, with the default pembina rule.
    const draft = (await (await send('POST', `/frameworks/versions/${kkpV1.id}/drafts`, {})).json()) as Version;
    const content = ((await (await send('GET', `/frameworks/versions/${draft.id}`)).json()) as { content: typeof KKP_HAM_2021_SAMPLE }).content;
    const adjustments = content.rules.adjustments.map((rule) =>
      rule.code === 'AKSI_HAM_BONUS' ? { ...rule, cap: 5, source: { programme: 'RANHAM', yearlyScoreBands: [{ min: 80, points: 5 }, { min: 50, points: 2 }] } } : rule,
    );
    expect((await send('PUT', `/frameworks/versions/${draft.id}`, { content: { ...content, rules: { ...content.rules, adjustments } } })).status).toBe(200);
    expect((await send('POST', `/frameworks/versions/${draft.id}/publish`, {})).status).toBe(200);
    const created = await send('POST', '/cycles', { programme: 'KKP_HAM', year: 2026, label: 'KKP HAM 2026 (data 2025)', frameworkVersionId: draft.id });
    expect(created.status).toBe(201);
    const cycle = ((await created.json()) as { cycle: { id: string; dataYear: number; awardYear: number; decree: unknown } }).cycle;
    expect(cycle).toMatchObject({ dataYear: 2025, awardYear: 2026, decree: null });
    cycleId = cycle.id;

    // Balikpapan's RANHAM 2025: B04 = 80, B08 = 90, B12 not reported.
    await scored('RANHAM', '64.71', '2025-B04', 80, 'B', ranham.id, `${ranham.frameworkCode}@${ranham.version}`);
    await scored('RANHAM', '64.71', '2025-B08', 90, 'A', ranham.id, `${ranham.frameworkCode}@${ranham.version}`);
    // A unit's B12 input, not compiled into a report of Balikpapan's own: it does not count.
    const [{ id: opd }] = await db().query(
      `INSERT INTO organisation (kind, name, province_code, region_code) VALUES ('OPD', 'Dinas Sosial Kota Balikpapan', '64', '64.71') RETURNING id`,
    );
    await scored('RANHAM', '64.71', '2025-B12', 100, 'A', ranham.id, `${ranham.frameworkCode}@${ranham.version}`, opd);
    // Its KKP HAM 2026 report, verified and waiting for the central stage.
    [{ id: balikpapanKkp }] = await db().query(
      `INSERT INTO submission (region_code, province_code, programme, period_key, status, answers, submit_count, version, own_report)
       VALUES ('64.71', '64', 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', $1, 1, 1, true) RETURNING id`,
      [JSON.stringify(kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1))],
    );
  });
  afterAll(async () => {
    await api?.close();
  });

  it('carries the derived bonus in a JSON framework file, and refuses a workbook that would drop it', async () => {
    const versionId = (await db().query(`SELECT framework_version_id AS id FROM reporting_cycle WHERE id = $1`, [cycleId]))[0].id;
    const exported = await send('GET', `/frameworks/versions/${versionId}/export?format=json`);
    expect(exported.status).toBe(200);
    const document = JSON.parse(await exported.text()) as { content: { rules: { adjustments: { code: string; source?: unknown }[] } } };
    expect(document.content.rules.adjustments.find((rule) => rule.code === 'AKSI_HAM_BONUS')?.source).toEqual({
      programme: 'RANHAM',
      yearlyScoreBands: [{ min: 80, points: 5 }, { min: 50, points: 2 }],
    });
    const workbook = await send('GET', `/frameworks/versions/${versionId}/export?format=xlsx`);
    expect(workbook.status).toBe(409);
    expect(((await json(workbook)).problems ?? []).map((p) => p.field)).toEqual(['content.rules.adjustments[0].source']);
  });

  it('serves a regency/city’s yearly RANHAM score: the mean of its periods, a missing one counted 0 and flagged', async () => {
    const response = await send('GET', '/scores/ranham-yearly?year=2025&regionCode=64.71', undefined, coordinatorBalikpapan);
    expect(response.status).toBe(200);
    const yearly = (await response.json()) as { score: number; level: string; target: number; meetsTarget: boolean; periods: { code: string; score: number; reason: string | null; snapshotId: string | null }[] };
    expect(yearly).toMatchObject({ score: 56.67, level: 'KABKOTA', target: 60, meetsTarget: false });
    expect(yearly.periods.map((p) => [p.code, p.score, p.reason])).toEqual([
      ['B04', 80, null],
      ['B08', 90, null],
      ['B12', 0, 'NOT_REPORTED'],
    ]);
    expect(yearly.periods[0].snapshotId).toEqual(expect.any(String));

    const list = (await (await send('GET', '/scores/ranham-yearly/regencies?year=2025&provinceCode=64')).json()) as { items: { regionCode: string; score: number }[] };
    expect(list.items).toEqual([expect.objectContaining({ regionCode: '64.71', score: 56.67 })]);

    // Whoever may not read Balikpapan's reports gets a 404, as for a missing one; one subject is required.
    expect((await send('GET', '/scores/ranham-yearly?year=2025&regionCode=64.71', undefined, coordinatorJayapura)).status).toBe(404);
    const none = await send('GET', '/scores/ranham-yearly?year=2025');
    expect(none.status).toBe(400);
    expect((await json(none)).message).toContain('Give one of regionCode');
  });

  it('lets the centre enter a bonus with its reason and source, audited, capped when scored and explained', async () => {
    const refused = await send('PUT', `/submissions/${balikpapanKkp}/adjustments/AKSI_HAM_BONUS`, { value: 3, reason: 'own bonus', source: 'self' }, coordinatorBalikpapan);
    expect(refused.status).toBe(403);

    const body = { value: 8, reason: 'Aksi HAM 2025 verified complete', source: 'Berita acara Panitia Nasional 12/2025' };
    const response = await send('PUT', `/submissions/${balikpapanKkp}/adjustments/AKSI_HAM_BONUS`, body, central);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: 'AKSI_HAM_BONUS', kind: 'BONUS', value: 8, points: 5, cap: 5, capped: true, changed: true });
    const events = await db().query(`SELECT payload FROM outbox_event WHERE event = 'submission.verified'`);
    expect(events.map((e: { payload: { submissionId: string } }) => e.payload.submissionId)).toEqual([balikpapanKkp]);
    const [audit] = await db().query(`SELECT reason, after FROM audit_entry WHERE action = 'submission.adjustment_set' AND entity_id = $1`, [balikpapanKkp]);
    expect(audit).toMatchObject({ reason: body.reason, after: { code: 'AKSI_HAM_BONUS', value: 8, source: body.source } });

    // Repeating it changes nothing and rescores nothing.
    expect(await (await send('PUT', `/submissions/${balikpapanKkp}/adjustments/AKSI_HAM_BONUS`, body, central)).json()).toMatchObject({ changed: false });
    expect(await db().query(`SELECT 1 FROM outbox_event WHERE event = 'submission.verified'`)).toHaveLength(1);

    const score = makeSubmissionScorer({ dataSource: db(), relay: { kick: () => undefined } as never });
    const outcome = await score({ submissionId: balikpapanKkp, submitCount: 1 });
    expect(outcome).toMatchObject({ outcome: 'scored', band: 'PEDULI' });
    const snapshotId = (outcome as { snapshotId: string }).snapshotId;
    const explained = (await (await send('GET', `/scores/${snapshotId}/explain`, undefined, coordinatorBalikpapan)).json()) as { adjustments: unknown[] };
    expect(explained.adjustments).toContainEqual(
      expect.objectContaining({ code: 'AKSI_HAM_BONUS', value: 8, requested: 8, applied: 5, cap: 5, capped: true, reason: body.reason, source: body.source }),
    );
  });

  it('refuses unknown codes, values out of range and reports that take no adjustment, with what to fix', async () => {
    const unknown = await send('PUT', `/submissions/${balikpapanKkp}/adjustments/NO_SUCH`, { value: 1, reason: 'test', source: 'test' }, central);
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).message).toBe('Adjustment code NO_SUCH is not in this report’s framework. Known codes: AKSI_HAM_BONUS, PENGADUAN_BELUM_DITINDAKLANJUTI.');
    const negative = await send('PUT', `/submissions/${balikpapanKkp}/adjustments/AKSI_HAM_BONUS`, { value: -1, reason: 'test', source: 'test' }, central);
    expect(negative.status).toBe(400);
    expect(((await json(negative)).problems ?? []).map((p) => p.field)).toEqual(['value']);
    const tooMany = await send('PUT', `/submissions/${balikpapanKkp}/adjustments/AKSI_HAM_BONUS`, { value: 101, reason: 'test', source: 'test' }, central);
    expect(tooMany.status).toBe(400);
    expect((await json(tooMany)).message).toContain('must be between 0 and 100');
    const ranham = (await db().query(`SELECT id FROM submission WHERE programme = 'RANHAM' LIMIT 1`))[0].id;
    expect((await send('PUT', `/submissions/${ranham}/adjustments/AKSI_HAM_BONUS`, { value: 1, reason: 'test', source: 'test' }, central)).status).toBe(409);
  });

  it('applies the Aksi HAM bonus to a cycle from each regency/city’s RANHAM yearly score of the data year', async () => {
    expect((await send('POST', `/cycles/${cycleId}/adjustments/aksi-ham-bonus`, {}, coordinatorBalikpapan)).status).toBe(403);
    const response = await send('POST', `/cycles/${cycleId}/adjustments/aksi-ham-bonus`, {}, central);
    expect(response.status).toBe(200);
    // 56.67 is in the band from 50: 2 points.
    expect(await response.json()).toMatchObject({
      dataYear: 2025,
      changed: 1,
      subjects: [{ submissionId: balikpapanKkp, regionCode: '64.71', code: 'AKSI_HAM_BONUS', yearlyScore: 56.67, value: 2, changed: true }],
    });
    const [entry] = await db().query(`SELECT value::float AS value, source FROM score_adjustment WHERE submission_id = $1 ORDER BY created_at DESC LIMIT 1`, [balikpapanKkp]);
    expect(entry).toEqual({ value: 2, source: 'RANHAM yearly score 2025: 56.67' });
    expect(await db().query(`SELECT 1 FROM audit_entry WHERE action = 'cycle.aksi_ham_bonus_applied' AND entity_id = $1`, [cycleId])).toHaveLength(1);
  });

  it('flags a province as pembina when exactly 60% of its regencies/cities are PEDULI, and says why another is not', async () => {
    const stamp = `${KKP_CODE}@1`;
    const version = (await db().query(`SELECT framework_version_id AS id FROM reporting_cycle WHERE id = $1`, [cycleId]))[0].id;
    const regions = async (province: string) => (await db().query(`SELECT code FROM region WHERE province_code = $1 ORDER BY code`, [province])).map((r: { code: string }) => r.code);
    const kaltara = await regions('65');
    const gorontalo = await regions('75');
    for (const [index, code] of kaltara.entries()) await scored('KKP_HAM', code, '2026-TAHUNAN', index < 3 ? 80 : 70, index < 3 ? 'PEDULI' : 'CUKUP_PEDULI', version, stamp);
    for (const code of gorontalo.slice(0, 3)) await scored('KKP_HAM', code, '2026-TAHUNAN', 80, 'PEDULI', version, stamp);

    const response = await send('GET', `/cycles/${cycleId}/provinces`, undefined, central);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rule: unknown; provinces: { provinceCode: string; counted: number; inBand: number; share: number; qualifies: boolean; reasons: { code: string }[] }[] };
    expect(body.rule).toEqual({ minBandShare: 60, band: 'PEDULI', minRanhamYearlyScore: null });
    const of = (code: string) => body.provinces.find((p) => p.provinceCode === code);
    expect(kaltara.length * 0.6).toBe(3);
    expect(of('65')).toMatchObject({ counted: kaltara.length, inBand: 3, share: 60, qualifies: true, reasons: [] });
    expect(of('75')).toMatchObject({ counted: gorontalo.length, inBand: 3, qualifies: false, reasons: [expect.objectContaining({ code: 'SHARE_BELOW_MINIMUM' })] });
    // Balikpapan alone of East Kalimantan is PEDULI.
    expect(of('64')).toMatchObject({ inBand: 1, qualifies: false });

    // A regency/city’s coordinator covers no province whole, so sees none.
    const scoped = (await (await send('GET', `/cycles/${cycleId}/provinces`, undefined, coordinatorBalikpapan)).json()) as { provinces: unknown[] };
    expect(scoped.provinces).toEqual([]);
  });

  it('records the decree: the scores become final, and nothing changes them any more', async () => {
    const bad = await send('PATCH', `/cycles/${cycleId}/decree`, { number: 'M.HH-03.HA.02.01.01/2026', date: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect((await send('PATCH', `/cycles/${cycleId}/decree`, { number: 'x', date: '2026-11-15' }, central)).status).toBe(403);

    const response = await send('PATCH', `/cycles/${cycleId}/decree`, { number: 'M.HH-03.HA.02.01.01/2026', date: '2026-11-15' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: cycleId, dataYear: 2025, awardYear: 2026, decree: { number: 'M.HH-03.HA.02.01.01/2026', date: '2026-11-15' } });
    const [audit] = await db().query(`SELECT after FROM audit_entry WHERE action = 'cycle.decree_recorded' AND entity_id = $1`, [cycleId]);
    expect(audit.after).toEqual({ decreeNumber: 'M.HH-03.HA.02.01.01/2026', decreeDate: '2026-11-15' });

    const scores = (await (await send('GET', `/scores?regionCode=64.71&cycleId=${cycleId}`)).json()) as { items: { final: boolean; current: boolean }[] };
    expect(scores.items).toEqual([expect.objectContaining({ current: true, final: true })]);
    const ranhamScores = (await (await send('GET', `/scores?regionCode=64.71&periodKey=2025-B04`)).json()) as { items: { final: boolean }[] };
    expect(ranhamScores.items).toEqual([expect.objectContaining({ final: false })]);

    const adjust = await send('PUT', `/submissions/${balikpapanKkp}/adjustments/AKSI_HAM_BONUS`, { value: 1, reason: 'late change', source: 'test' }, central);
    expect(adjust.status).toBe(409);
    expect((await json(adjust)).message).toBe('The results of the KKP_HAM 2026 cycle are final with decree M.HH-03.HA.02.01.01/2026; they can no longer change.');
    expect((await send('POST', `/cycles/${cycleId}/adjustments/aksi-ham-bonus`, {}, central)).status).toBe(409);
    const versions = (await (await send('GET', '/frameworks/versions')).json()) as Version[];
    const other = versions.find((v) => v.frameworkCode === KKP_CODE && v.version === 1)!;
    expect((await send('PUT', `/cycles/${cycleId}/framework-version`, { frameworkVersionId: other.id })).status).toBe(409);
  });
});
