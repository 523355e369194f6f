import { randomUUID } from 'node:crypto';
import { KKP_HAM_2021_SAMPLE } from '@peduli/domain';
import { createMigratedDatabase, createTestOrganisation, kkpAnswersAt, MigratedDatabase } from '@peduli/testkit';
import { makeSubmissionScorer } from '../src/score-submission';

const STAMP_V1 = 'KKP_HAM_PERMENKUMHAM_22_2021@1';

describe('scoring-worker: scoring checked submissions under their framework version', () => {
  let database: MigratedDatabase;
  let score: ReturnType<typeof makeSubmissionScorer>;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    score = makeSubmissionScorer({ dataSource: database.dataSource, relay: { kick: () => undefined } as never });
  });
  afterAll(async () => {
    await database?.drop();
  });

  const db = () => database.dataSource;
  async function submission(status: string, answers: Record<string, unknown>, options: { programme?: string; periodKey?: string; region?: string } = {}): Promise<string> {
    const key = [options.region ?? '64.71', options.programme ?? 'KKP_HAM', options.periodKey ?? '2026-TAHUNAN'];
    // A regency/city has one current report a year: the earlier test's gives way to this one.
    const id = randomUUID();
    await db().query(
      `UPDATE submission SET superseded_by = $4 WHERE region_code = $1 AND programme = $2 AND period_key = $3 AND organisation_id IS NULL AND superseded_by IS NULL`,
      [...key, id],
    );
    await db().query(
      `INSERT INTO submission (id, region_code, programme, period_key, status, answers, submit_count, version)
       VALUES ($1, $2, $3, $4, $5, $6, 1, 1)`,
      [id, ...key, status, JSON.stringify(answers)],
    );
    return id;
  }
  const snapshots = (id: string) =>
    db().query(
      `SELECT id, total::float AS total, band, basis, framework_version, framework_version_id, input_hash, breakdown FROM score_snapshot WHERE submission_id = $1 ORDER BY created_at`,
      [id],
    );
  const currentOf = async (id: string) => (await db().query(`SELECT current_snapshot_id FROM submission WHERE id = $1`, [id]))[0].current_snapshot_id;
  const scoredEvents = (id: string) => db().query(`SELECT payload FROM outbox_event WHERE event = 'submission.scored' AND payload->>'submissionId' = $1`, [id]);

  it('scores with the engine under the newest published version, stores the breakdown, and makes the snapshot current', async () => {
    // Hand-computed: only criterion K1 fully answered (100) and nine criteria at 0 → total 100 / 10 = 10.00.
    const id = await submission('IN_REVIEW', { 'K1.S1': true, 'K1.P1': 100, 'K1.H1': 250 });
    const outcome = await score({ submissionId: id, submitCount: 1 });
    expect(outcome).toMatchObject({ outcome: 'scored', total: 10, band: 'KURANG_PEDULI', frameworkVersion: STAMP_V1 });
    const [snapshot] = await snapshots(id);
    expect(snapshot).toMatchObject({ total: 10, band: 'KURANG_PEDULI', basis: 'SELF_ASSESSED', framework_version: STAMP_V1 });
    expect(snapshot.framework_version_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(snapshot.input_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.breakdown.criteria).toHaveLength(10);
    expect(snapshot.breakdown.indicators.find((i: { code: string }) => i.code === 'K1.H1')).toMatchObject({ points: 10, status: 'SCORED' });
    expect(snapshot.breakdown.indicators.find((i: { code: string }) => i.code === 'K2.S1')).toMatchObject({ points: 0, status: 'UNANSWERED' });
    expect(await currentOf(id)).toBe(snapshot.id);
    expect(await scoredEvents(id)).toEqual([{ payload: { submissionId: id, snapshotId: snapshot.id } }]);
  });

  it('never stores a second snapshot for the same inputs, however often and however concurrently the job runs', async () => {
    const id = await submission('IN_REVIEW', kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1));
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => score({ submissionId: id, submitCount: 1 })));
    expect(outcomes.filter((o) => o.outcome === 'scored')).toHaveLength(1);
    const stored = await snapshots(id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ total: 100, band: 'PEDULI' });
    expect(await scoredEvents(id)).toHaveLength(1);
  });

  it('uses a reviewer’s verified value over the self-assessed one, says so, and keeps the earlier snapshot', async () => {
    const id = await submission('IN_REVIEW', kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1));
    await score({ submissionId: id, submitCount: 1 });
    await db().query(`UPDATE submission SET status = 'VERIFIED', verified_answers = '{"K1.S1": false}' WHERE id = $1`, [id]);
    const outcome = await score({ submissionId: id, submitCount: 1 });
    expect(outcome.outcome).toBe('scored');
    const [before, after] = await snapshots(id);
    expect(before).toMatchObject({ total: 100, basis: 'SELF_ASSESSED' });
    // K1 loses its only STRUKTUR indicator (weight 10) → K1 = 90, total = (90 + 9 × 100) / 10 = 99.00
    expect(after).toMatchObject({ total: 99, basis: 'VERIFIED' });
    expect(after.breakdown.sources['K1.S1']).toBe('VERIFIED');
    expect(after.breakdown.sources['K1.P1']).toBe('SELF_ASSESSED');
    expect(await currentOf(id)).toBe(after.id);
  });

  it('counts rejections and adjustments as inputs: each changes the hash and the score', async () => {
    const id = await submission('VERIFIED', kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1));
    await score({ submissionId: id, submitCount: 1 });
    await db().query(`UPDATE submission SET rejections = '{"K2.S1": "MISSING_SIGNATURE_OR_LETTERHEAD"}' WHERE id = $1`, [id]);
    await score({ submissionId: id, submitCount: 1 });
    await db().query(`UPDATE submission SET adjustments = '{"PENGADUAN_BELUM_DITINDAKLANJUTI": 3}' WHERE id = $1`, [id]);
    await score({ submissionId: id, submitCount: 1 });
    const stored = await snapshots(id);
    expect(stored.map((s: { total: number }) => s.total)).toEqual([100, 99, 96]);
    expect(new Set(stored.map((s: { input_hash: string }) => s.input_hash)).size).toBe(3);
    expect(stored[1].breakdown.indicators.find((i: { code: string }) => i.code === 'K2.S1')).toMatchObject({ status: 'REJECTED', reason: 'MISSING_SIGNATURE_OR_LETTERHEAD' });
    expect(stored[2].breakdown.adjustments).toContainEqual({ code: 'PENGADUAN_BELUM_DITINDAKLANJUTI', kind: 'PENALTY', requested: 3, applied: -3, capped: false });
  });

  it('scores under the version the cycle pins, not the newest one', async () => {
    const [v1] = await db().query(`SELECT id, content FROM framework_version WHERE framework_code = 'KKP_HAM_PERMENKUMHAM_22_2021' AND version = 1`);
    const strict = { ...v1.content, rules: { ...v1.content.rules, bands: v1.content.rules.bands.map((b: { band: string; min: number }) => (b.band === 'PEDULI' ? { ...b, min: 100 } : b)) } };
    const [v2] = await db().query(
      `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
       VALUES ('KKP_HAM', 'KKP_HAM_PERMENKUMHAM_22_2021', 2, 'PUBLISHED', 'strict', $1, now()) RETURNING id`,
      [JSON.stringify(strict)],
    );
    // 2027 has a cycle pinned to version 1; 2028 has none, so the newest published version (2) applies.
    await db().query(`INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('KKP_HAM', 2027, 'KKP HAM 2027', $1)`, [v1.id]);
    // 99.00 points: PEDULI under version 1, but below version 2's PEDULI edge of 100.
    const answers = { ...kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1), 'K1.S1': false };
    const pinned = await submission('IN_REVIEW', answers, { periodKey: '2027-TAHUNAN' });
    const unpinned = await submission('IN_REVIEW', answers, { periodKey: '2028-TAHUNAN' });
    expect(await score({ submissionId: pinned, submitCount: 1 })).toMatchObject({ frameworkVersion: STAMP_V1, band: 'PEDULI' });
    expect(await score({ submissionId: unpinned, submitCount: 1 })).toMatchObject({ frameworkVersion: 'KKP_HAM_PERMENKUMHAM_22_2021@2', band: 'CUKUP_PEDULI' });
    expect((await snapshots(unpinned))[0].framework_version_id).toBe(v2.id);
  });

  it('scores a NUMBER against its target and stores the sum as the rule the explanation shows', async () => {
    const [v1] = await db().query(`SELECT content FROM framework_version WHERE framework_code = 'KKP_HAM_PERMENKUMHAM_22_2021' AND version = 1`);
    // K1.H1 becomes "legal-aid cases handled, target 100", rounded to 2 decimals.
    const indicators = v1.content.indicators.map((i: { code: string }) =>
      i.code === 'K1.H1' ? { ...i, answerType: 'NUMBER', bands: undefined, target: { value: 100, rounding: 'TWO_DECIMALS' } } : i,
    );
    const [version] = await db().query(
      `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
       VALUES ('KKP_HAM', 'KKP_HAM_TARGET_TEST', 1, 'PUBLISHED', 'target', $1, now()) RETURNING id`,
      [JSON.stringify({ ...v1.content, indicators })],
    );
    await db().query(`INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('KKP_HAM', 2029, 'KKP HAM 2029', $1)`, [version.id]);
    const id = await submission('IN_REVIEW', { 'K1.H1': 42 }, { periodKey: '2029-TAHUNAN' });
    // K1: HASIL 60 x 4.2 / 10 = 25.2; nine criteria at 0 → 2.52.
    expect(await score({ submissionId: id, submitCount: 1 })).toMatchObject({ outcome: 'scored', total: 2.52, frameworkVersion: 'KKP_HAM_TARGET_TEST@1' });
    const [snapshot] = await snapshots(id);
    expect(snapshot.breakdown.indicators.find((i: { code: string }) => i.code === 'K1.H1')).toMatchObject({
      points: 4.2,
      status: 'SCORED',
      rule: 'NUMBER (target 100): min(42 / 100, 1) x 10 = 4.20 → 4.2 of 10',
    });
  });

  it('scores a RANHAM period report against the RANHAM framework and the reporter level’s target', async () => {
    const [ranham] = await db().query(`SELECT content FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const actions = ranham.content.actions.filter((a: { year: number; reporterLevels: string[] }) => a.year === 2025 && a.reporterLevels.includes('KABKOTA'));
    expect(actions.length).toBeGreaterThan(1);
    const answers = Object.fromEntries(actions.map((a: { code: string }) => [a.code, true]));
    const id = await submission('IN_REVIEW', answers, { programme: 'RANHAM', periodKey: '2025-B08' });
    const outcome = await score({ submissionId: id, submitCount: 1 });
    expect(outcome).toMatchObject({ outcome: 'scored', total: 100, band: 'MEMENUHI_TARGET' });
    const [snapshot] = await snapshots(id);
    expect(snapshot.breakdown).toMatchObject({ periodCode: 'B08', level: 'KABKOTA', substance: 100, administration: 100, target: 60 });
  });

  it('scores a RANHAM report by measure: administration counts the accepted documents each measure needs', async () => {
    // Version 2 of the sample numbers the measures; every 2024 action has one in B08 that needs 1 NOTULEN.
    await db().query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2024, 'RANHAM 2024', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2`,
    );
    const codes = ['AKSI-2024-01.B08.1', 'AKSI-2024-02.B08.1', 'AKSI-2024-03.B08.1'];
    const id = await submission('IN_REVIEW', Object.fromEntries(codes.map((code) => [code, true])), { programme: 'RANHAM', periodKey: '2024-B08' });
    const attach = (status: string, code: string) =>
      db().query(
        `INSERT INTO evidence_document (submission_id, document_type, original_name, size_bytes, sha256, storage_key, indicator_codes, status)
         VALUES ($1, 'NOTULEN', 'notulen.pdf', 1, repeat('a', 64), $2, $3, $4)`,
        [id, `k-${randomUUID()}`, JSON.stringify([code]), status],
      );
    await attach('ACCEPTED', codes[0]);
    await attach('ACCEPTED', codes[1]);
    await attach('REJECTED', codes[2]); // failed the document check: does not count
    // Substance 100; administration 2 of 3 measures complete = 66.67 → 0.7 x 100 + 0.3 x 66.67 = 90.
    expect(await score({ submissionId: id, submitCount: 1 })).toMatchObject({ outcome: 'scored', total: 90, frameworkVersion: 'RANHAM_PERPRES_53_2021@2' });
    const [snapshot] = await snapshots(id);
    expect(snapshot.breakdown.actions[2].measures[0]).toMatchObject({
      code: codes[2],
      label: 'B08.1',
      achievement: 100,
      complete: false,
      incompleteReason: 'DOCUMENTS_MISSING',
      documents: [{ documentTypes: ['NOTULEN'], required: 1, found: 0 }],
    });
  });

  it('scores a VERIFIED submission with the verified values and marks it SCORED, even when the snapshot already existed', async () => {
    const id = await submission('IN_REVIEW', kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1));
    await score({ submissionId: id, submitCount: 1 });
    // Verified without changes: the inputs equal the provisional ones, so no second snapshot, but the status moves on.
    await db().query(`UPDATE submission SET status = 'VERIFIED' WHERE id = $1`, [id]);
    expect(await score({ submissionId: id, submitCount: 1 })).toMatchObject({ outcome: 'skipped' });
    const [row] = await db().query(`SELECT status FROM submission WHERE id = $1`, [id]);
    expect(row.status).toBe('SCORED');
    expect(await snapshots(id)).toHaveLength(1);
    const audit = await db().query(`SELECT after FROM audit_entry WHERE action = 'submission.scored' AND entity_id = $1`, [id]);
    expect(audit).toHaveLength(1);
    // Scored again (a redelivered job): still SCORED, nothing more audited.
    await score({ submissionId: id, submitCount: 1 });
    expect(await db().query(`SELECT 1 FROM audit_entry WHERE action = 'submission.scored' AND entity_id = $1`, [id])).toHaveLength(1);
  });

  it('does not score a unit’s input on its own, in either programme: only its reporter’s compiled report is scored', async () => {
    const opd = await createTestOrganisation(db(), { kind: 'OPD', name: 'Dinas Kesehatan', regionCode: '64.71' });
    const ministry = await createTestOrganisation(db(), { kind: 'MINISTRY', name: 'Kementerian Kesehatan' });
    const [{ id: directorate }] = await db().query(
      `INSERT INTO organisation (kind, name, parent_id) VALUES ('DIRECTORATE', 'Direktorat Jenderal Kesehatan Lanjutan', $1) RETURNING id`,
      [ministry],
    );
    const inputs: { id: string }[] = await db().query(
      `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, answers, submit_count, version)
       VALUES ('64.71', $1, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', '{"K1.S1": true}', 1, 1),
              ('64.71', $1, 'RANHAM', '2025-B08', 'VERIFIED', '{"AKSI-2025-01": true}', 1, 1),
              (NULL, $2, 'RANHAM', '2025-B08', 'VERIFIED', '{"AKSI-2025-09": true}', 1, 1) RETURNING id`,
      [opd, directorate],
    );
    for (const { id } of inputs) {
      expect(await score({ submissionId: id, submitCount: 1 })).toEqual({ outcome: 'skipped', reason: 'a unit’s input is scored as part of its reporter’s compiled report' });
      expect(await snapshots(id)).toEqual([]);
    }
  });

  it('scores a province’s RANHAM report (its Biro Hukum’s) at level PROVINCE against its target, and a ministry’s at K/L', async () => {
    const [ranham] = await db().query(`SELECT content FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const answersAt = (level: string) =>
      Object.fromEntries(
        ranham.content.actions
          .filter((a: { year: number; reporterLevels: string[] }) => a.year === 2025 && a.reporterLevels.includes(level))
          .map((a: { code: string }) => [a.code, true]),
      );
    const biroHukum = await createTestOrganisation(db(), { kind: 'BIRO_HUKUM', name: 'Biro Hukum Setda Provinsi Kalimantan Timur', provinceCode: '64' });
    const ministry = await createTestOrganisation(db(), { kind: 'MINISTRY', name: 'Kementerian Sosial' });
    const reports: { id: string; province_code: string | null }[] = await db().query(
      `INSERT INTO submission (region_code, province_code, organisation_id, own_report, programme, period_key, status, answers, submit_count, version)
       VALUES (NULL, '64', $1, true, 'RANHAM', '2025-B08', 'IN_REVIEW', $3, 1, 1),
              (NULL, NULL, $2, true, 'RANHAM', '2025-B08', 'IN_REVIEW', $4, 1, 1) RETURNING id, province_code`,
      [biroHukum, ministry, JSON.stringify(answersAt('PROVINCE')), JSON.stringify(answersAt('KL'))],
    );
    const [province, kl] = reports;
    expect(await score({ submissionId: province.id, submitCount: 1 })).toMatchObject({ outcome: 'scored', total: 100 });
    const [provinceSnapshot] = await snapshots(province.id);
    expect(provinceSnapshot.breakdown).toMatchObject({ level: 'PROVINCE', target: 65 });
    const [stored] = await db().query(`SELECT region_code, province_code FROM score_snapshot WHERE id = $1`, [provinceSnapshot.id]);
    expect(stored).toEqual({ region_code: null, province_code: '64' });
    expect(await score({ submissionId: kl.id, submitCount: 1 })).toMatchObject({ outcome: 'scored' });
    const [klSnapshot] = await snapshots(kl.id);
    expect(klSnapshot.breakdown).toMatchObject({ level: 'KL', target: 75 });
  });

  it('does not score submissions that have not passed the document check', async () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'CHECK_FAILED']) {
      const id = await submission(status, { 'K1.S1': true });
      expect(await score({ submissionId: id, submitCount: 1 })).toEqual({ outcome: 'skipped', reason: `submission is ${status}` });
      expect(await snapshots(id)).toEqual([]);
    }
  });
});
