import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface View {
  id: string;
  status: string;
  reviewStage: string | null;
  verifiedAnswers: Record<string, unknown>;
  rejections: Record<string, string>;
}

describe('review: unit head approves, coordinator approves, Kanwil verifies or anyone at their stage returns', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let dinkes: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    dinkes = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    const disdik = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Pendidikan Kota Balikpapan', regionCode: '64.71' });
    const people: [string, { role: string; organisationId?: string; regionCode?: string; provinceCode?: string }][] = [
      ['operator', { role: 'UNIT_OPERATOR', organisationId: dinkes }],
      ['head', { role: 'UNIT_HEAD', organisationId: dinkes }],
      ['otherHead', { role: 'UNIT_HEAD', organisationId: disdik }],
      ['coordinator', { role: 'COORDINATOR', regionCode: '64.71' }],
      ['kanwil', { role: 'KANWIL_VERIFIER', provinceCode: '64' }],
      ['otherKanwil', { role: 'KANWIL_VERIFIER', provinceCode: '91' }],
    ];
    for (const [name, role] of people) {
      const user = await createTestUser(db, { email: `${name.toLowerCase()}@review.test`, roles: [role as never] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** A unit's submission that has passed the document check (the document-worker is not running here). */
  const checkedSubmission = async (programme: 'KKP_HAM' | 'RANHAM' = 'RANHAM'): Promise<string> => {
    const body =
      programme === 'RANHAM'
        ? { programme, periodKey: '2025-B08', answers: { 'AKSI-2025-01': true, 'AKSI-2025-03': 80 } }
        : { programme, periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true, 'K1.P1': 80 } };
    const created = (await (await send('operator', 'POST', '/submissions', { regionCode: '64.71', organisationId: dinkes, ...body })).json()) as View;
    expect((await send('operator', 'POST', `/submissions/${created.id}/submit`, {})).status).toBe(200);
    await api.database.dataSource.query(`UPDATE submission SET status = 'IN_REVIEW' WHERE id = $1`, [created.id]);
    return created.id;
  };
  const view = async (id: string) => (await (await send('coordinator', 'GET', `/submissions/${id}`)).json()) as View;
  const tables = ['submission_review', 'audit_entry', 'outbox_event'];

  it('goes UNIT_HEAD → COORDINATOR → KANWIL; only the stage’s reviewer may act, and a refusal changes nothing', async () => {
    const id = await checkedSubmission();
    expect((await view(id)).reviewStage).toBe('UNIT_HEAD');
    const before = await rowCounts(api.database.dataSource, tables);
    expect((await send('operator', 'POST', `/submissions/${id}/approve`, {})).status).toBe(403);
    const early = await send('coordinator', 'POST', `/submissions/${id}/approve`, {});
    expect(early.status).toBe(403);
    expect((await json(early)).message).toBe('This submission is waiting for the UNIT_HEAD review stage, which you may not act at.');
    expect((await send('otherHead', 'POST', `/submissions/${id}/approve`, {})).status).toBe(404);
    const valuesTooEarly = await send('head', 'POST', `/submissions/${id}/approve`, { verifiedAnswers: { 'AKSI-2025-03': 10 } });
    expect(valuesTooEarly.status).toBe(400);
    expect(await rowCounts(api.database.dataSource, tables)).toEqual(before);

    expect((await send('head', 'POST', `/submissions/${id}/approve`, { comment: 'Sudah sesuai' })).status).toBe(200);
    expect(await view(id)).toMatchObject({ status: 'IN_REVIEW', reviewStage: 'COORDINATOR' });
    expect((await send('head', 'POST', `/submissions/${id}/approve`, {})).status).toBe(403);
    expect((await send('coordinator', 'POST', `/submissions/${id}/approve`, {})).status).toBe(200);
    expect(await view(id)).toMatchObject({ status: 'IN_REVIEW', reviewStage: 'KANWIL' });
    expect((await send('otherKanwil', 'POST', `/submissions/${id}/approve`, {})).status).toBe(404);
  });

  it('the Kanwil verifies with verified values and rejections checked against the framework, and scoring is queued', async () => {
    const id = await checkedSubmission();
    await send('head', 'POST', `/submissions/${id}/approve`, {});
    await send('coordinator', 'POST', `/submissions/${id}/approve`, {});
    const nihil = await send('kanwil', 'POST', `/submissions/${id}/approve`, { verifiedAnswers: { 'AKSI-2025-03': 'nihil' }, rejections: { 'K9.X9': 'WRONG_PERIOD' } });
    expect(nihil.status).toBe(400);
    expect(((await json(nihil)).problems ?? []).map((p) => p.field).sort()).toEqual(['verifiedAnswers.AKSI-2025-03']);
    const unknownRejection = await send('kanwil', 'POST', `/submissions/${id}/approve`, { rejections: { 'K9.X9': 'WRONG_PERIOD' } });
    expect(((await json(unknownRejection)).problems ?? []).map((p) => p.field)).toEqual(['rejections.K9.X9']);
    const badReason = await send('kanwil', 'POST', `/submissions/${id}/approve`, { rejections: { 'AKSI-2025-01': 'LOOKS_ODD' } });
    expect(badReason.status).toBe(400);

    const verified = await send('kanwil', 'POST', `/submissions/${id}/approve`, {
      verifiedAnswers: { 'AKSI-2025-03': 40 },
      rejections: { 'AKSI-2025-01': 'MISSING_SIGNATURE_OR_LETTERHEAD' },
      comment: 'Diverifikasi',
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({
      status: 'VERIFIED',
      reviewStage: null,
      verifiedAnswers: { 'AKSI-2025-03': 40 },
      rejections: { 'AKSI-2025-01': 'MISSING_SIGNATURE_OR_LETTERHEAD' },
    });
    const events = await api.database.dataSource.query(`SELECT payload FROM outbox_event WHERE event = 'submission.verified'`);
    expect(events).toEqual([{ payload: { submissionId: id, submitCount: 1 } }]);
    const history = (await (await send('operator', 'GET', `/submissions/${id}/reviews`)).json()) as { stage: string; decision: string }[];
    expect(history.map((r) => `${r.stage}:${r.decision}`)).toEqual(['UNIT_HEAD:APPROVED', 'COORDINATOR:APPROVED', 'KANWIL:VERIFIED']);
    const audit = await api.database.dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 AND action LIKE 'submission.%' ORDER BY occurred_at`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['submission.approved', 'submission.verified']));
    expect((await send('kanwil', 'POST', `/submissions/${id}/approve`, {})).status).toBe(409);
  });

  it('returns with reason codes and a comment; the unit corrects and resubmits, and the review starts afresh', async () => {
    const id = await checkedSubmission();
    const noReason = await send('head', 'POST', `/submissions/${id}/return`, { reasons: [], comment: 'x' });
    expect(noReason.status).toBe(400);
    expect(((await json(noReason)).problems ?? []).map((p) => p.field).sort()).toEqual(['comment', 'reasons']);
    const returned = await send('head', 'POST', `/submissions/${id}/return`, {
      reasons: [{ code: 'MISSING_MINUTES', indicatorCode: 'K1.P1' }, { code: 'NIHIL_INSTEAD_OF_NUMBER' }],
      comment: 'Lampirkan notulen rapat koordinasi.',
    });
    expect(returned.status).toBe(200);
    expect((await returned.json()) as View).toMatchObject({ status: 'RETURNED', reviewStage: null });
    const [review] = (await (await send('operator', 'GET', `/submissions/${id}/reviews`)).json()) as { decision: string; reasons: unknown[]; comment: string }[];
    expect(review).toMatchObject({
      decision: 'RETURNED',
      comment: 'Lampirkan notulen rapat koordinasi.',
      reasons: [
        { code: 'MISSING_MINUTES', indicatorCode: 'K1.P1', message: 'The minutes of the activity are missing.' },
        { code: 'NIHIL_INSTEAD_OF_NUMBER', message: '"Nihil" was entered where a number is required.' },
      ],
    });
    expect((await send('operator', 'PATCH', `/submissions/${id}`, { answers: { 'AKSI-2025-01': true, 'AKSI-2025-03': 85 } })).status).toBe(200);
    expect((await send('operator', 'POST', `/submissions/${id}/submit`, {})).status).toBe(200);
    await api.database.dataSource.query(`UPDATE submission SET status = 'IN_REVIEW' WHERE id = $1`, [id]);
    expect((await view(id)).reviewStage).toBe('UNIT_HEAD');
    expect((await send('coordinator', 'POST', `/submissions/${id}/return`, { reasons: [{ code: 'OTHER' }], comment: 'belum' })).status).toBe(403);
  });
  it('ends a unit’s KKP HAM input at the coordinator, who compiles approved inputs into the regency/city’s submission', async () => {
    const input = await checkedSubmission('KKP_HAM');
    expect((await send('head', 'POST', `/submissions/${input}/approve`, {})).status).toBe(200);
    const tooLate = await send('coordinator', 'POST', `/submissions/${input}/approve`, { verifiedAnswers: { 'K1.P1': 10 } });
    expect(tooLate.status).toBe(400);
    expect((await send('coordinator', 'POST', `/submissions/${input}/approve`, {})).status).toBe(200);
    expect(await view(input)).toMatchObject({ status: 'VERIFIED', reviewStage: null });
    await api.database.dataSource.query(
      `INSERT INTO evidence_document (submission_id, owner_key, document_type, original_name, size_bytes, sha256, storage_key, status, sniffed_mime, indicator_codes)
       VALUES ($1, $2, 'PERBUP_PERWAL', 'perwal.pdf', 10, repeat('b', 64), 'ab/abcdef01-2345-4678-9abc-def012345678', 'ACCEPTED', 'application/pdf', '["K1.S1"]')`,
      [input, dinkes],
    );

    expect((await send('operator', 'POST', '/submissions/compile', { regionCode: '64.71', periodKey: '2026-TAHUNAN' })).status).toBe(403);
    const compiled = await send('coordinator', 'POST', '/submissions/compile', { regionCode: '64.71', periodKey: '2026-TAHUNAN' });
    expect(compiled.status).toBe(200);
    const body = (await compiled.json()) as View & { id: string; organisationId: string | null; answers: Record<string, unknown>; documents: { status: string; indicatorCodes: string[] }[]; compiledFrom: unknown[] };
    expect(body).toMatchObject({ organisationId: null, status: 'DRAFT', answers: { 'K1.S1': true, 'K1.P1': 80 } });
    expect(body.compiledFrom).toEqual([{ submissionId: input, organisationId: dinkes, indicatorCodes: ['K1.P1', 'K1.S1'], documents: 1 }]);
    expect(body.documents).toEqual([expect.objectContaining({ status: 'QUARANTINED', indicatorCodes: ['K1.S1'] })]);
    // Compiling again brings nothing twice.
    const again = (await (await send('coordinator', 'POST', '/submissions/compile', { regionCode: '64.71', periodKey: '2026-TAHUNAN' })).json()) as { documents: unknown[] };
    expect(again.documents).toHaveLength(1);

    // Two more units disagree on K2.S1, which the regency/city has not answered: the compilation stops, naming it.
    // (RSUD's different K1.P1 does not count: the regency/city's own answer, from the first compilation, stands.)
    const rsud = await createTestOrganisation(api.database.dataSource, { kind: 'OPD', name: 'RSUD Balikpapan', regionCode: '64.71' });
    const dinsos = await createTestOrganisation(api.database.dataSource, { kind: 'OPD', name: 'Dinas Sosial Balikpapan', regionCode: '64.71' });
    for (const [unit, answers] of [[rsud, '{"K1.P1": 60, "K2.S1": true}'], [dinsos, '{"K2.S1": false}']]) {
      await api.database.dataSource.query(
        `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, answers, submit_count, version)
         VALUES ('64.71', $1, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', $2, 1, 1)`,
        [unit, answers],
      );
    }
    const conflict = await send('coordinator', 'POST', '/submissions/compile', { regionCode: '64.71', periodKey: '2026-TAHUNAN' });
    expect(conflict.status).toBe(409);
    const problems = (await json(conflict)).problems ?? [];
    expect(problems.map((p) => p.field)).toEqual(['answers.K2.S1']);
    expect(problems[0].problem).toContain(`${rsud}: true`);
    // The coordinator settles it on the regency/city's submission; that answer stands from then on.
    expect((await send('coordinator', 'PATCH', `/submissions/${body.id}`, { answers: { 'K1.S1': true, 'K1.P1': 80, 'K2.S1': true } })).status).toBe(200);
    const settled = await send('coordinator', 'POST', '/submissions/compile', { regionCode: '64.71', periodKey: '2026-TAHUNAN' });
    expect(settled.status).toBe(200);
    expect(((await settled.json()) as { answers: Record<string, unknown> }).answers).toEqual({ 'K1.S1': true, 'K1.P1': 80, 'K2.S1': true });
  });
});
