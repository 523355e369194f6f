import { KKP_HAM_2021_SAMPLE } from '@peduli/domain';
import { createTestUser, eventually, kkpAnswersAt, pdfText, RunningSystem, signIn, startSystem } from '@peduli/testkit';
import { LocalDiskStorage } from '@peduli/storage';
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeReportMaker } from '../src/jobs/make-report';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

jest.setTimeout(180_000);

/** Printed documents through the whole system: asked for at the API, made by the report worker from the queue. */
describe('printed reports: requested, made from the queue, downloaded and read back', () => {
  let system: RunningSystem;
  let cycleId: string;
  const db = () => system.database.dataSource;
  const call = (method: string, path: string, body?: unknown, token = system.token) =>
    fetch(`${system.apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  async function scoredSubmission(regionCode: string, answers: Record<string, unknown>): Promise<{ id: string; snapshotId: string }> {
    const id = randomUUID();
    await db().query(
      `INSERT INTO submission (id, region_code, programme, period_key, status, answers, submit_count, version)
       VALUES ($1, $2, 'KKP_HAM', '2026-TAHUNAN', 'IN_REVIEW', $3, 1, 1)`,
      [id, regionCode, JSON.stringify(answers)],
    );
    await db().query(`INSERT INTO outbox_event (event, payload) VALUES ('submission.checked', $1)`, [JSON.stringify({ submissionId: id, submitCount: 1 })]);
    const snapshotId = await eventually(`a score for ${regionCode}`, async () => {
      const [row] = await db().query(`SELECT current_snapshot_id FROM submission WHERE id = $1`, [id]);
      return row?.current_snapshot_id ?? undefined;
    }, 60_000);
    return { id, snapshotId };
  }

  async function ready(reportId: string): Promise<Record<string, unknown>> {
    return eventually(`printed report ${reportId} READY`, async () => {
      const body = (await (await call('GET', `/printed-reports/${reportId}`)).json()) as Record<string, unknown>;
      if (body.status === 'FAILED') throw new Error(`FAILED: ${String(body.error)}`);
      return body.status === 'READY' ? body : undefined;
    }, 60_000);
  }

  async function textOf(reportId: string): Promise<{ text: string; bytes: Buffer; response: Response }> {
    const response = await call('GET', `/printed-reports/${reportId}/content`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { text: (await pdfText(bytes)).join('\n'), bytes, response };
  }

  const two = (value: number) => value.toFixed(2).replace('.', ',');

  beforeAll(async () => {
    system = await startSystem();
    const [version] = await db().query(`SELECT id FROM framework_version WHERE framework_code = 'KKP_HAM_PERMENKUMHAM_22_2021' AND version = 1`);
    [{ id: cycleId }] = await db().query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('KKP_HAM', 2026, 'KKP HAM 2026', $1) RETURNING id`,
      [version.id],
    );
  });
  afterAll(async () => {
    await system?.stop();
  });

  let balikpapan: { id: string; snapshotId: string };
  let jayapura: { id: string; snapshotId: string };
  let scoreReportId: string;

  it('makes a KKP HAM score report whose total, band, criterion and indicator points are those of the score’s explanation', async () => {
    // Every indicator answered except K1.S1 claimed "no" and verified... left as claimed: K1 = 90, total 99.00, PEDULI.
    balikpapan = await scoredSubmission('64.71', { ...kkpAnswersAt(KKP_HAM_2021_SAMPLE, 1), 'K1.S1': false });
    jayapura = await scoredSubmission('91.71', { 'K1.S1': true, 'K1.P1': 100, 'K1.H1': 250 });

    const requested = await call('POST', '/printed-reports', { kind: 'KKP_SCORE_REPORT', submissionId: balikpapan.id });
    expect(requested.status).toBe(202);
    const row = (await requested.json()) as { id: string; status: string; fileName: string };
    expect(row).toMatchObject({ status: 'PENDING', fileName: 'Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf' });
    scoreReportId = row.id;
    const made = await ready(row.id);
    expect(made.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const { text, bytes, response } = await textOf(row.id);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(made.sizeBytes);

    const explain = (await (await call('GET', `/scores/${balikpapan.snapshotId}/explain`)).json()) as {
      total: number;
      band: string;
      inputHash: string;
      breakdown: { criteria: { code: string; score: number }[]; indicators: { code: string; points: number; maxPoints: number }[] };
    };
    expect(explain).toMatchObject({ total: 99, band: 'PEDULI' });
    expect(text).toContain('Kota Balikpapan');
    expect(text).toContain(two(explain.total));
    expect(text).toContain('Peduli HAM');
    const k1 = explain.breakdown.criteria.find((criterion) => criterion.code === 'K1')!;
    expect(text).toContain(two(k1.score));
    const h1 = explain.breakdown.indicators.find((indicator) => indicator.code === 'K1.H1')!;
    expect(text).toContain('K1.H1');
    expect(text).toContain(String(h1.points).replace('.', ','));
    expect(text).toContain(explain.inputHash.slice(0, 16));
    expect(text).toContain(String(made.contentHash).slice(0, 16));
  });

  it('answers the same READY row, with the same bytes, when asked again with nothing changed', async () => {
    const again = await call('POST', '/printed-reports', { kind: 'KKP_SCORE_REPORT', submissionId: balikpapan.id });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string; status: string })).toMatchObject({ id: scoreReportId, status: 'READY' });
    const rows = await db().query(`SELECT count(*)::int AS n FROM printed_report WHERE submission_id = $1`, [balikpapan.id]);
    expect(rows[0].n).toBe(1);
  });

  it('leaves one READY row and one stored copy when the same job runs twice at once', async () => {
    const [row] = await db().query(
      `INSERT INTO printed_report (kind, subject_key, source_key, submission_id, province_code, region_code, file_name)
       VALUES ('KKP_SCORE_REPORT', $1, repeat('b', 64), $2, '91', '91.71', 'x.pdf') RETURNING id`,
      [`submission:${jayapura.id}:KKP_SCORE_REPORT`, jayapura.id],
    );
    const storageDir = system.env.STORAGE_DIR as string;
    const blobsBefore = filesUnder(storageDir).length;
    const make = makeReportMaker({ dataSource: db(), storage: new LocalDiskStorage(storageDir) });
    const outcomes = await Promise.all([make({ reportId: row.id }), make({ reportId: row.id })]);
    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['ready', 'skipped']);
    const [made] = await db().query(`SELECT status, storage_key FROM printed_report WHERE id = $1`, [row.id]);
    expect(made.status).toBe('READY');
    expect(filesUnder(storageDir).length).toBe(blobsBefore + 1);
    // Once READY, a redelivered job does nothing.
    expect(await make({ reportId: row.id })).toEqual({ outcome: 'skipped', reason: 'report already made' });
  });

  it('queues a PENDING request again when asked after its job was lost, and not while it may still be on its way', async () => {
    const body = { kind: 'KKP_SCORE_REPORT', submissionId: jayapura.id };
    const asked = await call('POST', '/printed-reports', body);
    expect(asked.status).toBe(202);
    const { id } = (await asked.json()) as { id: string };
    await ready(id);
    const queued = async (): Promise<{ n: number; unpublished: number }> =>
      (
        await db().query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished FROM outbox_event WHERE event = 'report.requested' AND payload->>'reportId' = $1`,
          [id],
        )
      )[0];
    await eventually('the request’s event published', async () => ((await queued()).unpublished === 0 ? true : undefined));
    expect((await queued()).n).toBe(1);
    // What a job lost in Redis (or stalled out) leaves behind: the row PENDING and nothing queued for it.
    await db().query(`UPDATE printed_report SET status = 'PENDING', content_hash = NULL, storage_key = NULL, size_bytes = NULL, ready_at = NULL WHERE id = $1`, [id]);

    const early = await call('POST', '/printed-reports', body);
    expect(early.status).toBe(200);
    expect(await early.json()).toMatchObject({ id, status: 'PENDING' });
    expect((await queued()).n).toBe(1);

    await db().query(`UPDATE printed_report SET created_at = created_at - interval '6 minutes' WHERE id = $1`, [id]);
    await db().query(`UPDATE outbox_event SET created_at = created_at - interval '6 minutes' WHERE event = 'report.requested' AND payload->>'reportId' = $1`, [id]);
    const late = await call('POST', '/printed-reports', body);
    expect(late.status).toBe(202);
    expect(await late.json()).toMatchObject({ id, status: 'PENDING' });
    expect((await queued()).n).toBe(2);
    await ready(id);
  });

  it('refuses a report of a submission without a score (409) and hides another regency’s report (404)', async () => {
    const unscored = randomUUID();
    await db().query(
      `INSERT INTO submission (id, region_code, programme, period_key, status, answers, submit_count, version) VALUES ($1, '63.71', 'KKP_HAM', '2026-TAHUNAN', 'DRAFT', '{}', 0, 1)`,
      [unscored],
    );
    expect((await call('POST', '/printed-reports', { kind: 'KKP_SCORE_REPORT', submissionId: unscored })).status).toBe(409);
    expect((await call('POST', '/printed-reports', { kind: 'RANHAM_PERIOD_REPORT', submissionId: balikpapan.id })).status).toBe(400);

    const outsider = await createTestUser(db(), { email: 'koordinator@jayapura.test', roles: [{ role: 'COORDINATOR', regionCode: '91.71' }] });
    const token = await signIn(system.apiUrl, outsider.email);
    expect((await call('GET', `/printed-reports/${scoreReportId}`, undefined, token)).status).toBe(404);
    expect((await call('GET', `/printed-reports/${scoreReportId}/content`, undefined, token)).status).toBe(404);
    expect((await call('POST', '/printed-reports', { kind: 'KKP_SCORE_REPORT', submissionId: balikpapan.id }, token)).status).toBe(404);
    const listed = (await (await call('GET', '/printed-reports', undefined, token)).json()) as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).not.toContain(scoreReportId);
  });

  it('makes a certificate for exactly the PEDULI regencies/cities once the decree is recorded, naming the decree', async () => {
    const decreed = await call('PATCH', `/cycles/${cycleId}/decree`, { number: 'M.HA-07.HA.02.01/2026', date: '2026-12-10' });
    expect(decreed.status).toBe(200);
    const certificates = await eventually('the certificates made', async () => {
      const rows: { id: string; region_code: string; status: string }[] = await db().query(
        `SELECT id, region_code, status FROM printed_report WHERE kind = 'CERTIFICATE' AND cycle_id = $1 ORDER BY region_code`,
        [cycleId],
      );
      return rows.length > 0 && rows.every((row) => row.status === 'READY') ? rows : undefined;
    }, 60_000);
    expect(certificates.map((row) => row.region_code)).toEqual(['64.71']);
    const { text } = await textOf(certificates[0].id);
    expect(text).toContain('Kota Balikpapan');
    expect(text).toContain('M.HA-07.HA.02.01/2026');
    expect(text).toContain('10 Desember 2026');
    expect(jayapura.snapshotId).toBeDefined();

    // The decree event handled again asks for nothing new.
    await db().query(`INSERT INTO outbox_event (event, payload) VALUES ('certificates.requested', $1)`, [JSON.stringify({ cycleId })]);
    await eventually('the repeated decree event published', async () => {
      const [row] = await db().query(`SELECT count(*)::int AS n FROM outbox_event WHERE event = 'certificates.requested' AND published_at IS NULL`);
      return row.n === 0 ? true : undefined;
    });
    const listed = (await (await call('GET', `/printed-reports?cycleId=${cycleId}&kind=CERTIFICATE`)).json()) as { items: { id: string }[]; total: number };
    expect(listed.items.map((item) => item.id)).toEqual([certificates[0].id]);
  });

  it('fails a certificate whose regency/city is no longer PEDULI when it is made, saying why, and stores nothing', async () => {
    // As if a recalculation between the decree and the job moved the region out of PEDULI: the request stands, the band does not.
    const [snapshot] = await db().query(`SELECT band FROM score_snapshot WHERE id = $1`, [jayapura.snapshotId]);
    expect(snapshot.band).not.toBe('PEDULI');
    const [row] = await db().query(
      `INSERT INTO printed_report (kind, subject_key, source_key, cycle_id, province_code, region_code, file_name)
       VALUES ('CERTIFICATE', $1, repeat('c', 64), $2, '91', '91.71', 'Piagam KKP HAM 2026 - Kota Jayapura.pdf') RETURNING id`,
      [`certificate:${cycleId}:91.71`, cycleId],
    );
    const make = makeReportMaker({ dataSource: db(), storage: new LocalDiskStorage(system.env.STORAGE_DIR as string) });
    expect(await make({ reportId: row.id })).toEqual({ outcome: 'failed', reportId: row.id, error: expect.stringContaining(`no longer rated PEDULI`) });
    const [failed] = await db().query(`SELECT status, error, storage_key FROM printed_report WHERE id = $1`, [row.id]);
    expect(failed).toMatchObject({ status: 'FAILED', storage_key: null, error: expect.stringContaining(`now ${snapshot.band}`) });
  });
});
