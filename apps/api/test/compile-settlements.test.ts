import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface Compiled {
  id: string;
  status: string;
  answers: Record<string, unknown>;
  compiledFrom: { submissionId: string; organisationId: string; indicatorCodes: string[] }[];
}

/**
 * A coordinator settles the units' disagreements in the compile call itself: the 409 names each code, each unit by
 * its organisation's name and the value it gave; answers sent with the compilation are checked against the framework
 * like a PATCH and stand over the units'. Every refusal leaves nothing written.
 */
describe('compile: disagreements named by unit and value, settled with the compilation’s own answers', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let dinkes: string;
  let disdik: string;
  let inputs: string[];

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    dinkes = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    disdik = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Pendidikan Kota Balikpapan', regionCode: '64.71' });
    for (const [name, role] of [
      ['coordinator', { role: 'COORDINATOR', regionCode: '64.71' }],
      ['coordinatorSamarinda', { role: 'COORDINATOR', regionCode: '64.72' }],
    ] as const) {
      const user = await createTestUser(db, { email: `${name.toLowerCase()}@compile.test`, roles: [role] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
    // Two approved inputs (the review flow itself is covered in review.test.ts): they agree on K1.S1 and disagree on
    // K1.P1 and K2.S1; a third unit's input still waits at its head and is left out.
    inputs = [];
    for (const [unit, status, answers] of [
      [dinkes, 'VERIFIED', { 'K1.S1': true, 'K1.P1': 75.5, 'K2.S1': true }],
      [disdik, 'VERIFIED', { 'K1.S1': true, 'K1.P1': 60, 'K2.S1': false }],
      [disdik, 'IN_REVIEW', { 'K3.S1': true }],
    ] as const) {
      const [row] = await db.query(
        `INSERT INTO submission (region_code, province_code, organisation_id, programme, period_key, status, answers, submit_count, version)
         VALUES ('64.71', '64', $1, 'KKP_HAM', '2026-TAHUNAN', $2, $3, 1, 1) RETURNING id`,
        [unit, status, JSON.stringify(answers)],
      );
      inputs.push(row.id);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  const compile = (who: string, body: Record<string, unknown>, language: 'id' | 'en' = 'en') =>
    fetch(`${api.baseUrl}/api/v1/submissions/compile`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify({ regionCode: '64.71', periodKey: '2026-TAHUNAN', ...body }),
    });
  const written = () => rowCounts(api.database.dataSource, ['submission', 'audit_entry', 'evidence_document', 'outbox_event']);

  it('refuses a disagreement with 409, naming each code and each unit by name with its value, in the request’s language, and writes nothing', async () => {
    const before = await written();
    const refused = await compile('coordinator', {});
    expect(refused.status).toBe(409);
    const body = await json(refused);
    expect(body.message).toContain('Units gave different answers');
    expect(body.problems).toEqual([
      { field: 'answers.K1.P1', problem: 'Units gave different answers to K1.P1: Dinas Kesehatan Kota Balikpapan: 75.5; Dinas Pendidikan Kota Balikpapan: 60. Decide the answer that stands.' },
      { field: 'answers.K2.S1', problem: 'Units gave different answers to K2.S1: Dinas Kesehatan Kota Balikpapan: yes; Dinas Pendidikan Kota Balikpapan: no. Decide the answer that stands.' },
    ]);
    const inIndonesian = await json(await compile('coordinator', {}, 'id'));
    expect(inIndonesian.problems?.map((p) => p.problem)).toEqual([
      'Unit memberi jawaban berbeda untuk K1.P1: Dinas Kesehatan Kota Balikpapan: 75,5; Dinas Pendidikan Kota Balikpapan: 60. Tentukan jawaban yang berlaku.',
      'Unit memberi jawaban berbeda untuk K2.S1: Dinas Kesehatan Kota Balikpapan: ya; Dinas Pendidikan Kota Balikpapan: tidak. Tentukan jawaban yang berlaku.',
    ]);
    expect(await written()).toEqual(before);
  });

  it('still refuses, writing nothing, when the answers sent settle only some of the disagreements', async () => {
    const before = await written();
    const partly = await compile('coordinator', { answers: { 'K2.S1': false } });
    expect(partly.status).toBe(409);
    expect((await json(partly)).problems?.map((p) => p.field)).toEqual(['answers.K1.P1']);
    expect(await written()).toEqual(before);
  });

  it('refuses answers that do not fit the framework with 400 naming the field, before anything is written', async () => {
    const before = await written();
    const unknown = await compile('coordinator', { answers: { 'K9.X9': true, 'K2.S1': false } });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).problems?.map((p) => p.field)).toEqual(['answers.K9.X9']);
    const nihil = await compile('coordinator', { answers: { 'K1.P1': 'nihil', 'K2.S1': false } });
    expect(nihil.status).toBe(400);
    expect((await json(nihil)).problems?.map((p) => p.field)).toEqual(['answers.K1.P1']);
    const notAnswers = await compile('coordinator', { answers: ['K1.P1', 70] });
    expect(notAnswers.status).toBe(400);
    expect((await json(notAnswers)).problems?.map((p) => p.field)).toEqual(['answers']);
    // Another regency/city's coordinator is refused for the place, whatever the answers.
    expect((await compile('coordinatorSamarinda', { answers: { 'K1.P1': 70, 'K2.S1': false } })).status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it('settles every disagreement in the same call: the answers sent stand, the agreed ones come from the units, and a later compilation keeps them', async () => {
    const settled = await compile('coordinator', { answers: { 'K1.P1': 70, 'K2.S1': false } });
    expect(settled.status).toBe(200);
    const report = (await settled.json()) as Compiled;
    expect(report).toMatchObject({ status: 'DRAFT', answers: { 'K1.S1': true, 'K1.P1': 70, 'K2.S1': false } });
    expect(report.answers).not.toHaveProperty('K3.S1');
    expect(report.compiledFrom.map((source) => source.submissionId).sort()).toEqual([inputs[0], inputs[1]].sort());
    const [audit] = await api.database.dataSource.query(
      `SELECT after FROM audit_entry WHERE action = 'submission.compiled' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [report.id],
    );
    expect(audit.after.settled).toEqual({ 'K1.P1': 70, 'K2.S1': false });

    const again = await compile('coordinator', {});
    expect(again.status).toBe(200);
    expect(((await again.json()) as Compiled).answers).toEqual({ 'K1.S1': true, 'K1.P1': 70, 'K2.S1': false });
  });
});
