import { KKP_HAM_2021_SAMPLE } from '@peduli/domain';
import { createTestUser, kkpAnswersAt, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface Version {
  id: string;
  version: number;
  status: string;
  frameworkCode: string;
  programme: string;
}
interface CycleChange {
  cycle: { id: string; frameworkVersionId: string; year: number };
  recalculation: { id: string; status: string; previousFrameworkVersionId: string | null; reason: string } | null;
}

const KKP_CODE = 'KKP_HAM_PERMENKUMHAM_22_2021';

describe('cycles pin a version; switching, publishing and retiring; what-if; scores and their explanation', () => {
  let api: TestApi;
  let kkpV1: Version;
  let ranhamV1: Version;
  let coordinatorJayapura: string;
  let coordinatorBalikpapan: string;

  beforeAll(async () => {
    api = await startTestApi();
    const versions = (await (await api.get('/api/v1/frameworks/versions')).json()) as Version[];
    kkpV1 = versions.find((v) => v.frameworkCode === KKP_CODE && v.version === 1)!;
    ranhamV1 = versions.find((v) => v.programme === 'RANHAM' && v.version === 1)!;
    const jayapura = await createTestUser(api.database.dataSource, { email: 'koordinator@jayapura.test', roles: [{ role: 'COORDINATOR', regionCode: '91.71' }] });
    const balikpapan = await createTestUser(api.database.dataSource, { email: 'koordinator@balikpapan.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] });
    coordinatorJayapura = await signIn(api.baseUrl, jayapura.email);
    coordinatorBalikpapan = await signIn(api.baseUrl, balikpapan.email);
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json', 'accept-language': 'en', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const counts = () => rowCounts(api.database.dataSource, ['reporting_cycle', 'recalculation_run', 'outbox_event', 'audit_entry', 'framework_version', 'score_snapshot']);
  const newDraft = async (from: string) => (await (await send('POST', `/frameworks/versions/${from}/drafts`, {})).json()) as Version;
  const contentOf = async (id: string) => ((await (await api.get(`/api/v1/frameworks/versions/${id}`)).json()) as { content: typeof KKP_HAM_2021_SAMPLE }).content;
  const withPeduliEdge = async (draftId: string, min: number) => {
    const content = await contentOf(draftId);
    const bands = content.rules.bands.map((edge) => (edge.band === 'PEDULI' ? { ...edge, min } : edge));
    expect((await send('PUT', `/frameworks/versions/${draftId}`, { content: { ...content, rules: { ...content.rules, bands } } })).status).toBe(200);
  };

  let cycle2026: CycleChange;

  it('opens a cycle pinned to a published version, with a recalculation run and its outbox event, audited', async () => {
    const response = await send('POST', '/cycles', { programme: 'KKP_HAM', year: 2026, label: 'KKP HAM 2026 (data 2025)', frameworkVersionId: kkpV1.id });
    expect(response.status).toBe(201);
    cycle2026 = (await response.json()) as CycleChange;
    expect(cycle2026.cycle).toMatchObject({ year: 2026, frameworkVersionId: kkpV1.id });
    expect(cycle2026.recalculation).toMatchObject({ status: 'PLANNED', reason: 'CYCLE_CREATED', previousFrameworkVersionId: null });
    const [event] = await api.database.dataSource.query(`SELECT payload FROM outbox_event WHERE event = 'recalculation.requested'`);
    expect(event.payload).toEqual({ runId: cycle2026.recalculation!.id });
    const progress = (await (await send('GET', `/recalculations/${cycle2026.recalculation!.id}`)).json()) as Record<string, unknown>;
    expect(progress).toMatchObject({ total: 0, done: 0, failed: 0, startedAt: null, finishedAt: null, bandChanges: [], failures: [] });
    const actions = await api.database.dataSource.query(`SELECT action FROM audit_entry WHERE action IN ('cycle.created', 'recalculation.requested')`);
    expect(actions).toHaveLength(2);
  });

  it('refuses bad cycles with the reason, and writes nothing', async () => {
    const before = await counts();
    const draft = await newDraft(kkpV1.id);
    const afterDraft = await counts();
    const duplicate = await send('POST', '/cycles', { programme: 'KKP_HAM', year: 2026, label: 'again', frameworkVersionId: kkpV1.id });
    expect(duplicate.status).toBe(409);
    expect((await json(duplicate)).message).toBe('A KKP_HAM cycle for 2026 already exists.');
    const onDraft = await send('POST', '/cycles', { programme: 'KKP_HAM', year: 2027, label: 'draft', frameworkVersionId: draft.id });
    expect(onDraft.status).toBe(409);
    expect((await json(onDraft)).message).toContain('can only adopt a PUBLISHED version');
    const wrongProgramme = await send('POST', '/cycles', { programme: 'KKP_HAM', year: 2027, label: 'ranham', frameworkVersionId: ranhamV1.id });
    expect(wrongProgramme.status).toBe(409);
    const malformed = await send('POST', '/cycles', { programme: 'KKP', year: 1999, frameworkVersionId: 'x' });
    expect(malformed.status).toBe(400);
    expect(((await json(malformed)).problems ?? []).map((p) => p.field).sort()).toEqual(['frameworkVersionId', 'label', 'programme', 'year']);
    const notAdmin = await send('POST', '/cycles', { programme: 'KKP_HAM', year: 2027, label: 'KKP 2027', frameworkVersionId: kkpV1.id }, { authorization: `Bearer ${coordinatorBalikpapan}` });
    expect(notAdmin.status).toBe(403);
    expect(await counts()).toEqual(afterDraft);
    expect(afterDraft.framework_version).toBe(before.framework_version + 1);
  });

  it('switching to the same version is a no-op; to another published version starts a run naming the previous one', async () => {
    const same = (await (await send('PUT', `/cycles/${cycle2026.cycle.id}/framework-version`, { frameworkVersionId: kkpV1.id })).json()) as CycleChange;
    expect(same.recalculation).toBeNull();
    const draft = await newDraft(kkpV1.id);
    expect((await send('POST', `/frameworks/versions/${draft.id}/publish`, {})).status).toBe(200);
    const switched = (await (await send('PUT', `/cycles/${cycle2026.cycle.id}/framework-version`, { frameworkVersionId: draft.id })).json()) as CycleChange;
    expect(switched.cycle.frameworkVersionId).toBe(draft.id);
    expect(switched.recalculation).toMatchObject({ reason: 'VERSION_SWITCHED', previousFrameworkVersionId: kkpV1.id });
    // back to version 1 for the tests below
    expect((await send('PUT', `/cycles/${cycle2026.cycle.id}/framework-version`, { frameworkVersionId: kkpV1.id })).status).toBe(200);
  });

  it('publishing with adoptInCycles switches the cycle in the same transaction; an unknown cycle undoes the publish', async () => {
    const draft = await newDraft(kkpV1.id);
    const unknown = await send('POST', `/frameworks/versions/${draft.id}/publish`, { adoptInCycles: ['6f1c1d52-4c1e-4b57-9a43-2d2b1c1e0a11'] });
    expect(unknown.status).toBe(404);
    expect(((await (await api.get(`/api/v1/frameworks/versions/${draft.id}`)).json()) as Version).status).toBe('DRAFT');

    const published = await send('POST', `/frameworks/versions/${draft.id}/publish`, { adoptInCycles: [cycle2026.cycle.id] });
    expect(published.status).toBe(200);
    const body = (await published.json()) as Version & { adoptedBy: { cycle: { frameworkVersionId: string }; recalculation: { reason: string } }[] };
    expect(body.status).toBe('PUBLISHED');
    expect(body.adoptedBy).toEqual([expect.objectContaining({ cycle: expect.objectContaining({ frameworkVersionId: draft.id }), recalculation: expect.objectContaining({ reason: 'VERSION_PUBLISHED' }) })]);
    expect((await send('PUT', `/cycles/${cycle2026.cycle.id}/framework-version`, { frameworkVersionId: kkpV1.id })).status).toBe(200);
  });

  it('retires a published version only once no cycle pins it; a retired version cannot be adopted but can be copied', async () => {
    const pinned = await send('POST', `/frameworks/versions/${kkpV1.id}/retire`);
    expect(pinned.status).toBe(409);
    expect((await json(pinned)).message).toBe('This version is still pinned by cycle(s) KKP_HAM 2026; switch them to another version first.');
    const draft = await newDraft(kkpV1.id);
    expect((await send('POST', `/frameworks/versions/${draft.id}/retire`)).status).toBe(409);
    expect((await send('POST', `/frameworks/versions/${draft.id}/publish`, {})).status).toBe(200);
    const retired = await send('POST', `/frameworks/versions/${draft.id}/retire`);
    expect(retired.status).toBe(200);
    expect(await retired.json()).toMatchObject({ status: 'RETIRED', retiredAt: expect.any(String) });
    expect((await send('PUT', `/cycles/${cycle2026.cycle.id}/framework-version`, { frameworkVersionId: draft.id })).status).toBe(409);
    expect((await send('POST', `/frameworks/versions/${draft.id}/drafts`, {})).status).toBe(201);
    const edit = await send('PUT', `/frameworks/versions/${draft.id}`, { content: await contentOf(draft.id) });
    expect(edit.status).toBe(409);
  });

  describe('with scored submissions', () => {
    let strong: string;
    let weak: string;
    let strongSnapshot: string;

    beforeAll(async () => {
      const db = api.database.dataSource;
      const insert = async (region: string, answers: unknown, total: number, band: string) => {
        const [{ id }] = await db.query(
          `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version) VALUES ($1, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', $2, 1, 1) RETURNING id`,
          [region, JSON.stringify(answers)],
        );
        const [{ id: snapshot }] = await db.query(
          `INSERT INTO score_snapshot (submission_id, region_code, period_key, framework_version, framework_version_id, basis, input_hash, total, band, breakdown)
           VALUES ($1, $2, '2026-TAHUNAN', $3, $4, 'SELF_ASSESSED', repeat('a', 64), $5, $6, '{"criteria": []}') RETURNING id`,
          [id, region, `${KKP_CODE}@1`, kkpV1.id, total, band],
        );
        await db.query(`UPDATE submission SET current_snapshot_id = $2 WHERE id = $1`, [id, snapshot]);
        return { id, snapshot };
      };
      // 99.00 under version 1 (K1 loses its STRUKTUR indicator); 0 for the weak one.
      ({ id: strong, snapshot: strongSnapshot } = await insert('64.71', { ...kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1), 'K1.S1': false }, 99, 'PEDULI'));
      ({ id: weak } = await insert('91.71', kkpAnswersAt(KKP_HAM_2021_SAMPLE, 0), 0, 'KURANG_PEDULI'));
    });

    it('what-if scores a DRAFT against the cycle’s answers and lists the band changes, storing nothing', async () => {
      const draft = await newDraft(kkpV1.id);
      await withPeduliEdge(draft.id, 100);
      const before = await counts();
      const response = await send('POST', `/frameworks/versions/${draft.id}/what-if`, { cycleId: cycle2026.cycle.id });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        frameworkVersionId: draft.id,
        cycleId: cycle2026.cycle.id,
        subjects: 2,
        unchanged: 1,
        bandChanges: [{ submissionId: strong, regionCode: '64.71', organisationId: null, periodKey: '2026-TAHUNAN', from: { band: 'PEDULI', total: 99 }, to: { band: 'CUKUP_PEDULI', total: 99 } }],
        failures: [],
      });
      expect(await counts()).toEqual(before);
      expect(weak).toBeDefined();
    });

    it('what-if scores a RANHAM report with its accepted documents, which a measure’s administration needs', async () => {
      const ranhamV2 = ((await (await api.get('/api/v1/frameworks/versions')).json()) as Version[]).find((v) => v.programme === 'RANHAM' && v.version === 2)!;
      const cycle = (await (await send('POST', '/cycles', { programme: 'RANHAM', year: 2024, label: 'RANHAM 2024', frameworkVersionId: ranhamV2.id })).json()) as CycleChange;
      const db = api.database.dataSource;
      // Every 2024 action's B08 measure answered yes, each backed by accepted minutes: substance and administration 100.
      const codes = ['AKSI-2024-01.B08.1', 'AKSI-2024-02.B08.1', 'AKSI-2024-03.B08.1'];
      const [{ id }] = await db.query(
        `INSERT INTO submission (region_code, province_code, own_report, programme, period_key, status, answers, submit_count, version)
         VALUES ('64.72', '64', true, 'RANHAM', '2024-B08', 'VERIFIED', $1, 1, 1) RETURNING id`,
        [JSON.stringify(Object.fromEntries(codes.map((code) => [code, true])))],
      );
      for (const [index, code] of codes.entries()) {
        await db.query(
          `INSERT INTO evidence_document (submission_id, document_type, original_name, size_bytes, sha256, storage_key, indicator_codes, status)
           VALUES ($1, 'NOTULEN', 'notulen.pdf', 1, repeat('b', 64), $2, $3, $4)`,
          [id, `whatif-${index}`, JSON.stringify([code]), index === 2 ? 'REJECTED' : 'ACCEPTED'],
        );
      }
      const response = await send('POST', `/frameworks/versions/${ranhamV2.id}/what-if`, { cycleId: cycle.cycle.id });
      expect(response.status).toBe(200);
      // The third minutes failed the check: 2 of 3 measures complete → 0.7 x 100 + 0.3 x 66.67 = 90.
      expect(((await response.json()) as { bandChanges: { submissionId: string; to: { total: number } }[] }).bandChanges).toContainEqual(
        expect.objectContaining({ submissionId: id, to: { band: 'MEMENUHI_TARGET', total: 90 } }),
      );
    });

    it('what-if refuses an invalid draft with its problems, and another programme’s cycle', async () => {
      const draft = await newDraft(kkpV1.id);
      const content = await contentOf(draft.id);
      await send('PUT', `/frameworks/versions/${draft.id}`, { content: { ...content, rules: { ...content.rules, typeWeights: { STRUKTUR: 10, PROSES: 30, HASIL: 50 } } } });
      const invalid = await send('POST', `/frameworks/versions/${draft.id}/what-if`, { cycleId: cycle2026.cycle.id });
      expect(invalid.status).toBe(400);
      expect(((await json(invalid)).problems ?? []).map((p) => p.field)).toContain('rules.typeWeights');
      const ranhamCycle = (await (await send('POST', '/cycles', { programme: 'RANHAM', year: 2025, label: 'RANHAM 2025', frameworkVersionId: ranhamV1.id })).json()) as CycleChange;
      expect((await send('POST', `/frameworks/versions/${kkpV1.id}/what-if`, { cycleId: ranhamCycle.cycle.id })).status).toBe(400);
    });

    it('lists current scores and history per region, explains one, and keeps other regions’ scores out of sight', async () => {
      const current = (await (await send('GET', `/scores?regionCode=64.71&cycleId=${cycle2026.cycle.id}`)).json()) as { items: { id: string; current: boolean; total: number; band: string }[]; total: number };
      expect(current.total).toBe(1);
      expect(current.items[0]).toMatchObject({ id: strongSnapshot, current: true, total: 99, band: 'PEDULI', frameworkVersion: `${KKP_CODE}@1` });
      const history = (await (await send('GET', `/scores/history?regionCode=64.71`)).json()) as { items: { id: string; current: boolean }[] };
      expect(history.items).toEqual([expect.objectContaining({ id: strongSnapshot, current: true })]);
      const explained = (await (await send('GET', `/scores/${strongSnapshot}/explain`)).json()) as { breakdown: unknown; inputHash: string };
      expect(explained).toMatchObject({ breakdown: { criteria: [] }, inputHash: 'a'.repeat(64) });

      // A coordinator of Balikpapan sees its own; Jayapura's coordinator gets an empty list and a 404, as for a missing id.
      expect((await send('GET', `/scores/${strongSnapshot}`, undefined, { authorization: `Bearer ${coordinatorBalikpapan}` })).status).toBe(200);
      expect((await send('GET', `/scores/${strongSnapshot}/explain`, undefined, { authorization: `Bearer ${coordinatorJayapura}` })).status).toBe(404);
      const hidden = (await (await send('GET', `/scores?regionCode=64.71`, undefined, { authorization: `Bearer ${coordinatorJayapura}` })).json()) as { total: number };
      expect(hidden.total).toBe(0);
    });

    it('asks for a region or unit, and answers 404 for unknown scores, cycles and runs', async () => {
      const missing = await send('GET', '/scores');
      expect(missing.status).toBe(400);
      expect((await json(missing)).message).toBe('Give a regionCode or an organisationId.');
      expect((await send('GET', '/scores/6f1c1d52-4c1e-4b57-9a43-2d2b1c1e0a11')).status).toBe(404);
      expect((await send('GET', '/scores?regionCode=64.71&cycleId=6f1c1d52-4c1e-4b57-9a43-2d2b1c1e0a11')).status).toBe(404);
      expect((await send('GET', '/recalculations/6f1c1d52-4c1e-4b57-9a43-2d2b1c1e0a11')).status).toBe(404);
      expect((await send('GET', '/recalculations', undefined, { authorization: `Bearer ${coordinatorBalikpapan}` })).status).toBe(403);
    });
  });
});
