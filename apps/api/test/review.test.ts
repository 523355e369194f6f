import { frameworkVersionIdForPeriod, FrameworkVersionRecord } from '@peduli/db';
import { prepareSubmissionScorer, StoredFrameworkVersion } from '@peduli/domain';
import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface View {
  id: string;
  status: string;
  reviewStage: string | null;
  verifiedAnswers: Record<string, unknown>;
  rejections: Record<string, string>;
}

interface Review {
  stage: string;
  decision: string;
  returnTo: string | null;
  verifiedAnswers: Record<string, unknown> | null;
  reasons: { code: string; indicatorCode?: string }[];
  comment: string | null;
}

describe('review: a unit’s input ends at its coordinator; a reporter’s report goes on to the Kanwil and the centre, and anyone at their stage returns', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let dinkes: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    // RANHAM 2025 is reported by numbered measure here: a cycle pins the sample's version 2 (without one, version 1 of
    // the old shape, answered by action code, applies).
    await db.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2025, 'RANHAM 2025', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2`,
    );
    dinkes = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    const disdik = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Pendidikan Kota Balikpapan', regionCode: '64.71' });
    const people: [string, { role: string; organisationId?: string; regionCode?: string; provinceCode?: string }][] = [
      ['operator', { role: 'UNIT_OPERATOR', organisationId: dinkes }],
      ['head', { role: 'UNIT_HEAD', organisationId: dinkes }],
      ['otherHead', { role: 'UNIT_HEAD', organisationId: disdik }],
      ['coordinator', { role: 'COORDINATOR', regionCode: '64.71' }],
      ['kanwil', { role: 'KANWIL_VERIFIER', provinceCode: '64' }],
      ['otherKanwil', { role: 'KANWIL_VERIFIER', provinceCode: '91' }],
      ['central', { role: 'CENTRAL_VERIFIER' }],
      ['coordinatorSamarinda', { role: 'COORDINATOR', regionCode: '64.72' }],
      ['coordinatorBontang', { role: 'COORDINATOR', regionCode: '64.74' }],
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
        ? { programme, periodKey: '2025-B08', answers: { 'AKSI-2025-01.B08.2': true, 'AKSI-2025-01.B08.1': 80 } }
        : { programme, periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true, 'K1.P1': 80 } };
    const created = (await (await send('operator', 'POST', '/submissions', { regionCode: '64.71', organisationId: dinkes, ...body })).json()) as View;
    expect((await send('operator', 'POST', `/submissions/${created.id}/submit`, {})).status).toBe(200);
    await api.database.dataSource.query(`UPDATE submission SET status = 'IN_REVIEW' WHERE id = $1`, [created.id]);
    return created.id;
  };
  /** A regency/city's own report (no organisation), checked: its review starts at the coordinator. */
  const checkedRegionReport = async (coordinator: string, regionCode: string, programme: 'KKP_HAM' | 'RANHAM'): Promise<string> => {
    const body =
      programme === 'RANHAM'
        ? { programme, periodKey: '2025-B08', answers: { 'AKSI-2025-01.B08.2': true, 'AKSI-2025-01.B08.1': 80 } }
        : { programme, periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true, 'K1.P1': 80 } };
    const created = await send(coordinator, 'POST', '/submissions', { regionCode, ...body });
    expect(created.status === 201 ? 201 : await created.text()).toBe(201);
    const { id } = (await created.json()) as View;
    expect((await send(coordinator, 'POST', `/submissions/${id}/submit`, {})).status).toBe(200);
    await api.database.dataSource.query(`UPDATE submission SET status = 'IN_REVIEW' WHERE id = $1`, [id]);
    return id;
  };
  const reviews = async (id: string) => (await (await send('central', 'GET', `/submissions/${id}/reviews`)).json()) as Review[];
  const view = async (id: string) => (await (await send('central', 'GET', `/submissions/${id}`)).json()) as View;
  const tables = ['submission_review', 'audit_entry', 'outbox_event'];

  it('ends a unit’s input at its coordinator (UNIT_HEAD → COORDINATOR → VERIFIED); only the stage’s reviewer may act, and a refusal changes nothing', async () => {
    const id = await checkedSubmission();
    expect((await view(id)).reviewStage).toBe('UNIT_HEAD');
    const before = await rowCounts(api.database.dataSource, tables);
    expect((await send('operator', 'POST', `/submissions/${id}/approve`, {})).status).toBe(403);
    const early = await send('coordinator', 'POST', `/submissions/${id}/approve`, {});
    expect(early.status).toBe(403);
    expect((await json(early)).message).toBe('This submission is waiting for the UNIT_HEAD review stage, which you may not act at.');
    expect((await send('otherHead', 'POST', `/submissions/${id}/approve`, {})).status).toBe(404);
    const valuesTooEarly = await send('head', 'POST', `/submissions/${id}/approve`, { verifiedAnswers: { 'AKSI-2025-01.B08.1': 10 } });
    expect(valuesTooEarly.status).toBe(400);
    expect((await json(valuesTooEarly)).message).toContain('not at the UNIT_HEAD stage');
    expect(await rowCounts(api.database.dataSource, tables)).toEqual(before);

    expect((await send('head', 'POST', `/submissions/${id}/approve`, { comment: 'Sudah sesuai' })).status).toBe(200);
    expect(await view(id)).toMatchObject({ status: 'IN_REVIEW', reviewStage: 'COORDINATOR' });
    expect((await send('head', 'POST', `/submissions/${id}/approve`, {})).status).toBe(403);
    expect((await send('kanwil', 'POST', `/submissions/${id}/approve`, {})).status).toBe(403);
    expect((await send('coordinator', 'POST', `/submissions/${id}/approve`, {})).status).toBe(200);
    expect(await view(id)).toMatchObject({ status: 'VERIFIED', reviewStage: null });
    expect((await reviews(id)).map((r) => `${r.stage}:${r.decision}`)).toEqual(['UNIT_HEAD:APPROVED', 'COORDINATOR:VERIFIED']);
  });

  it('takes a regency/city’s report COORDINATOR → KANWIL → CENTRAL: the Kanwil proposes verified values, the centre verifies and its queue lists what waits for it', async () => {
    const id = await checkedRegionReport('coordinator', '64.71', 'RANHAM');
    expect((await view(id)).reviewStage).toBe('COORDINATOR');
    expect((await send('coordinator', 'POST', `/submissions/${id}/approve`, {})).status).toBe(200);
    expect(await view(id)).toMatchObject({ status: 'IN_REVIEW', reviewStage: 'KANWIL' });
    expect((await send('otherKanwil', 'POST', `/submissions/${id}/approve`, {})).status).toBe(404);
    expect((await send('central', 'POST', `/submissions/${id}/approve`, {})).status).toBe(403);

    const nihil = await send('kanwil', 'POST', `/submissions/${id}/approve`, { verifiedAnswers: { 'AKSI-2025-01.B08.1': 'nihil' }, rejections: { 'K9.X9': 'WRONG_PERIOD' } });
    expect(nihil.status).toBe(400);
    expect(((await json(nihil)).problems ?? []).map((p) => p.field).sort()).toEqual(['verifiedAnswers.AKSI-2025-01.B08.1']);
    const unknownRejection = await send('kanwil', 'POST', `/submissions/${id}/approve`, { rejections: { 'K9.X9': 'WRONG_PERIOD' } });
    expect(((await json(unknownRejection)).problems ?? []).map((p) => p.field)).toEqual(['rejections.K9.X9']);
    const badReason = await send('kanwil', 'POST', `/submissions/${id}/approve`, { rejections: { 'AKSI-2025-01.B08.2': 'LOOKS_ODD' } });
    expect(badReason.status).toBe(400);

    const proposed = await send('kanwil', 'POST', `/submissions/${id}/approve`, {
      verifiedAnswers: { 'AKSI-2025-01.B08.1': 40 },
      rejections: { 'AKSI-2025-01.B08.2': 'MISSING_SIGNATURE_OR_LETTERHEAD' },
      comment: 'Diverifikasi Kanwil',
    });
    expect(proposed.status).toBe(200);
    expect(await proposed.json()).toMatchObject({
      status: 'IN_REVIEW',
      reviewStage: 'CENTRAL',
      verifiedAnswers: { 'AKSI-2025-01.B08.1': 40 },
      rejections: { 'AKSI-2025-01.B08.2': 'MISSING_SIGNATURE_OR_LETTERHEAD' },
    });
    expect(await api.database.dataSource.query(`SELECT 1 FROM outbox_event WHERE event = 'submission.verified' AND payload->>'submissionId' = $1`, [id])).toEqual([]);

    // The centre's national queue lists it; the Kanwil's no longer does.
    const queue = (await (await send('central', 'GET', '/submissions?reviewStage=CENTRAL')).json()) as { items: { id: string; reviewStage: string }[] };
    expect(queue.items.map((item) => item.id)).toContain(id);
    expect(queue.items.every((item) => item.reviewStage === 'CENTRAL')).toBe(true);
    const kanwilQueue = (await (await send('kanwil', 'GET', '/submissions?reviewStage=KANWIL')).json()) as { items: { id: string }[] };
    expect(kanwilQueue.items.map((item) => item.id)).not.toContain(id);
    const coordinatorQueue = (await (await send('central', 'GET', '/submissions?reviewStage=UNIT_HEAD')).json()) as { items: { reviewStage: string }[] };
    expect(coordinatorQueue.items.every((item) => item.reviewStage === 'UNIT_HEAD')).toBe(true);
    expect((await send('central', 'GET', '/submissions?reviewStage=PUSAT')).status).toBe(400);

    const kanwilAtCentral = await send('kanwil', 'POST', `/submissions/${id}/approve`, {});
    expect(kanwilAtCentral.status).toBe(403);
    expect((await json(kanwilAtCentral)).message).toBe('This submission is waiting for the CENTRAL review stage, which you may not act at.');
    expect((await send('kanwil', 'POST', `/submissions/${id}/return`, { reasons: [{ code: 'OTHER' }], comment: 'belum' })).status).toBe(403);

    // Without values of its own the centre confirms the Kanwil's proposal.
    const verified = await send('central', 'POST', `/submissions/${id}/approve`, { comment: 'Lengkap' });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ status: 'VERIFIED', reviewStage: null, verifiedAnswers: { 'AKSI-2025-01.B08.1': 40 } });
    const events = await api.database.dataSource.query(`SELECT payload FROM outbox_event WHERE event = 'submission.verified' AND payload->>'submissionId' = $1`, [id]);
    expect(events).toEqual([{ payload: { submissionId: id, submitCount: 1 } }]);
    const history = await reviews(id);
    expect(history.map((r) => `${r.stage}:${r.decision}`)).toEqual(['COORDINATOR:APPROVED', 'KANWIL:APPROVED', 'CENTRAL:VERIFIED']);
    expect(history[1]).toMatchObject({ verifiedAnswers: { 'AKSI-2025-01.B08.1': 40 }, returnTo: null });
    expect(history[2]).toMatchObject({ verifiedAnswers: null, comment: 'Lengkap' });
    const audit = await api.database.dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 AND action LIKE 'submission.%' ORDER BY occurred_at`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['submission.approved', 'submission.verified']));
    expect((await send('central', 'POST', `/submissions/${id}/approve`, {})).status).toBe(409);
  });

  it('verifies a KKP HAM report at the centre with its own value over the Kanwil’s proposal, and the score counts the centre’s', async () => {
    const db = api.database.dataSource;
    const id = await checkedRegionReport('coordinatorSamarinda', '64.72', 'KKP_HAM');
    expect((await send('coordinatorSamarinda', 'POST', `/submissions/${id}/approve`, {})).status).toBe(200);
    expect((await send('kanwil', 'POST', `/submissions/${id}/approve`, { verifiedAnswers: { 'K1.P1': 40 } })).status).toBe(200);
    expect(await view(id)).toMatchObject({ status: 'IN_REVIEW', reviewStage: 'CENTRAL', verifiedAnswers: { 'K1.P1': 40 } });

    const verified = await send('central', 'POST', `/submissions/${id}/approve`, { verifiedAnswers: { 'K1.P1': 60 }, comment: 'Keputusan Tim Penilai' });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ status: 'VERIFIED', answers: { 'K1.P1': 80 }, verifiedAnswers: { 'K1.P1': 60 } });
    expect((await reviews(id)).map((r) => `${r.stage}:${r.decision}:${JSON.stringify(r.verifiedAnswers)}`)).toEqual([
      'COORDINATOR:APPROVED:null',
      'KANWIL:APPROVED:{"K1.P1":40}',
      'CENTRAL:VERIFIED:{"K1.P1":60}',
    ]);

    // What the scoring worker reads is the centre's value: scored, it equals the centre's set, not the Kanwil's.
    const stored = await db.query(`SELECT programme, period_key, answers, verified_answers, rejections FROM submission WHERE id = $1`, [id]);
    const versionId = await frameworkVersionIdForPeriod(db.manager, 'KKP_HAM' as never, '2026-TAHUNAN');
    const version = await db.getRepository(FrameworkVersionRecord).findOneByOrFail({ id: versionId as string });
    const score = prepareSubmissionScorer(version as unknown as StoredFrameworkVersion);
    const subject = { programme: stored[0].programme, periodKey: stored[0].period_key, answers: stored[0].answers, rejections: stored[0].rejections };
    const scored = score({ ...subject, verifiedAnswers: stored[0].verified_answers });
    expect(scored.basis).toBe('VERIFIED');
    expect(scored.inputHash).toBe(score({ ...subject, verifiedAnswers: { 'K1.P1': 60 } }).inputHash);
    expect(scored.inputHash).not.toBe(score({ ...subject, verifiedAnswers: { 'K1.P1': 40 } }).inputHash);
  });

  it('returns from the centre to the Kanwil and from the Kanwil to the reporter, with reason codes, and refuses a return to the Kanwil from elsewhere', async () => {
    const id = await checkedRegionReport('coordinatorBontang', '64.74', 'RANHAM');
    const kanwilFromCoordinator = await send('coordinatorBontang', 'POST', `/submissions/${id}/return`, { reasons: [{ code: 'OTHER' }], comment: 'cek lagi', returnTo: 'KANWIL' });
    expect(kanwilFromCoordinator.status).toBe(400);
    expect((await json(kanwilFromCoordinator)).message).toContain('Only the central verification (stage CENTRAL) can return a report to the Kanwil');
    expect((await send('coordinatorBontang', 'POST', `/submissions/${id}/approve`, {})).status).toBe(200);
    expect((await send('kanwil', 'POST', `/submissions/${id}/approve`, { verifiedAnswers: { 'AKSI-2025-01.B08.1': 50 } })).status).toBe(200);

    const nowhere = await send('central', 'POST', `/submissions/${id}/return`, { reasons: [{ code: 'OTHER' }], comment: 'cek lagi', returnTo: 'GUBERNUR' });
    expect(nowhere.status).toBe(400);
    expect(((await json(nowhere)).problems ?? []).map((p) => p.field)).toEqual(['returnTo']);
    const toKanwil = await send('central', 'POST', `/submissions/${id}/return`, {
      reasons: [{ code: 'EVIDENCE_NOT_MATCHING', indicatorCode: 'AKSI-2025-01.B08.1' }],
      comment: 'Nilai terverifikasi tidak didukung data dukung.',
      returnTo: 'KANWIL',
    });
    expect(toKanwil.status).toBe(200);
    // Back at the Kanwil, still in review, its proposal kept for it to revise.
    expect(await toKanwil.json()).toMatchObject({ status: 'IN_REVIEW', reviewStage: 'KANWIL', verifiedAnswers: { 'AKSI-2025-01.B08.1': 50 } });
    const kanwilAgain = await send('kanwil', 'POST', `/submissions/${id}/return`, { reasons: [{ code: 'OTHER' }], comment: 'cek lagi', returnTo: 'KANWIL' });
    expect(kanwilAgain.status).toBe(400);

    const toReporter = await send('kanwil', 'POST', `/submissions/${id}/return`, {
      reasons: [{ code: 'MISSING_MINUTES', indicatorCode: 'AKSI-2025-01.B08.1' }, { code: 'WRONG_PERIOD' }],
      comment: 'Lampirkan notulen rapat koordinasi periode ini.',
      returnTo: 'REPORTER',
    });
    expect(toReporter.status).toBe(200);
    expect(await toReporter.json()).toMatchObject({ status: 'RETURNED', reviewStage: null });
    const history = await reviews(id);
    expect(history.slice(2)).toMatchObject([
      { stage: 'CENTRAL', decision: 'RETURNED', returnTo: 'KANWIL', reasons: [{ code: 'EVIDENCE_NOT_MATCHING', indicatorCode: 'AKSI-2025-01.B08.1' }], comment: 'Nilai terverifikasi tidak didukung data dukung.' },
      { stage: 'KANWIL', decision: 'RETURNED', returnTo: 'REPORTER', reasons: [{ code: 'MISSING_MINUTES', indicatorCode: 'AKSI-2025-01.B08.1' }, { code: 'WRONG_PERIOD' }] },
    ]);
    const audit = await api.database.dataSource.query(`SELECT after FROM audit_entry WHERE entity_id = $1 AND action = 'submission.returned' ORDER BY occurred_at`, [id]);
    expect(audit.map((a: { after: { returnTo: string; status: string } }) => `${a.after.returnTo}:${a.after.status}`)).toEqual(['KANWIL:IN_REVIEW', 'REPORTER:RETURNED']);
  });

  it('verifies a ministry’s (K/L) report at the centre only: no Kanwil sees it, and a return to the Kanwil is refused', async () => {
    const db = api.database.dataSource;
    const ministry = await createTestOrganisation(db, { kind: 'MINISTRY', name: 'Kementerian Contoh' });
    const [{ id }] = await db.query(
      `INSERT INTO submission (region_code, province_code, organisation_id, programme, period_key, status, review_stage, answers, submit_count, version, own_report)
       VALUES (NULL, NULL, $1, 'RANHAM', '2025-B08', 'IN_REVIEW', 'CENTRAL', '{"AKSI-2025-01.B08.2": true}', 1, 1, true) RETURNING id`,
      [ministry],
    );
    expect((await send('kanwil', 'POST', `/submissions/${id}/approve`, {})).status).toBe(404);
    const toKanwil = await send('central', 'POST', `/submissions/${id}/return`, { reasons: [{ code: 'INCOMPLETE' }], comment: 'Lengkapi.', returnTo: 'KANWIL' });
    expect(toKanwil.status).toBe(400);
    expect((await json(toKanwil)).message).toBe('This report does not pass a Kanwil (a K/L report is verified by the centre only); return it to the reporter (returnTo REPORTER).');
    expect((await send('central', 'POST', `/submissions/${id}/approve`, {})).status).toBe(200);
    expect(await db.query(`SELECT status FROM submission WHERE id = $1`, [id])).toEqual([{ status: 'VERIFIED' }]);
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
    expect((await send('operator', 'PATCH', `/submissions/${id}`, { answers: { 'AKSI-2025-01.B08.2': true, 'AKSI-2025-01.B08.1': 85 } })).status).toBe(200);
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
    expect(problems[0].problem).toContain('RSUD Balikpapan: yes');
    // The coordinator settles it on the regency/city's submission; that answer stands from then on.
    expect((await send('coordinator', 'PATCH', `/submissions/${body.id}`, { answers: { 'K1.S1': true, 'K1.P1': 80, 'K2.S1': true } })).status).toBe(200);
    const settled = await send('coordinator', 'POST', '/submissions/compile', { regionCode: '64.71', periodKey: '2026-TAHUNAN' });
    expect(settled.status).toBe(200);
    expect(((await settled.json()) as { answers: Record<string, unknown> }).answers).toEqual({ 'K1.S1': true, 'K1.P1': 80, 'K2.S1': true });
  });
});
