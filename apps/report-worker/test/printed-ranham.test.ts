import { eventually, pdfText, QUICK_STALLED_JOB_RECOVERY, RunningSystem, startSystem } from '@peduli/testkit';
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

jest.setTimeout(240_000);

interface Explanation {
  total: number;
  band: string;
  inputHash: string;
  breakdown: {
    periodCode: string;
    substance: number;
    administration: number;
    target: number;
    actions: { code: string; measures: { code: string; label: string; achievement: number; complete: boolean }[] }[];
  };
}

interface Yearly {
  score: number;
  target: number;
  periods: { code: string; score: number; reason: string | null; snapshotId: string | null }[];
}

/**
 * RANHAM's printed documents through the running system: a period report and a yearly summary asked for at the API,
 * made by the report worker from the queue, downloaded and read back against the score's explanation and the yearly
 * score; a changed list of supporting documents makes a new report; a report worker killed mid-job leaves one document.
 */
describe('printed RANHAM reports: period report and yearly summary from the queue, and a worker killed mid-job', () => {
  let system: RunningSystem;
  let cycleId: string;
  const db = () => system.database.dataSource;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${system.apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${system.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const two = (value: number) => value.toFixed(2).replace('.', ',');

  /** Kota Balikpapan's own report of a 2024 period, scored by the scoring worker, with its accepted documents. */
  async function scoredPeriod(periodCode: string, answers: Record<string, unknown>, documents: { name: string; type: string; code: string }[]) {
    const id = randomUUID();
    await db().query(
      `INSERT INTO submission (id, province_code, region_code, own_report, programme, period_key, status, answers, submit_count, version, submitted_at)
       VALUES ($1, '64', '64.71', true, 'RANHAM', $2, 'IN_REVIEW', $3, 1, 1, now())`,
      [id, `2024-${periodCode}`, JSON.stringify(answers)],
    );
    for (const document of documents) {
      await db().query(
        `INSERT INTO evidence_document (submission_id, document_type, original_name, size_bytes, sha256, storage_key, indicator_codes, status)
         VALUES ($1, $2, $3, 1, repeat('a', 64), $4, $5, 'ACCEPTED')`,
        [id, document.type, document.name, `k-${randomUUID()}`, JSON.stringify([document.code])],
      );
    }
    await db().query(`INSERT INTO outbox_event (event, payload) VALUES ('submission.checked', $1)`, [JSON.stringify({ submissionId: id, submitCount: 1 })]);
    const snapshotId = await eventually(
      `a score for 2024-${periodCode}`,
      async () => {
        const [row] = await db().query(`SELECT current_snapshot_id FROM submission WHERE id = $1`, [id]);
        return row?.current_snapshot_id ?? undefined;
      },
      60_000,
    );
    return { id, snapshotId: snapshotId as string };
  }

  async function request(body: Record<string, unknown>): Promise<{ status: number; row: { id: string; status: string; fileName: string } }> {
    const response = await call('POST', '/printed-reports', body);
    return { status: response.status, row: (await response.json()) as { id: string; status: string; fileName: string } };
  }

  async function ready(reportId: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return eventually(
      `printed report ${reportId} READY`,
      async () => {
        const body = (await (await call('GET', `/printed-reports/${reportId}`)).json()) as Record<string, unknown>;
        if (body.status === 'FAILED') throw new Error(`FAILED: ${String(body.error)}`);
        return body.status === 'READY' ? body : undefined;
      },
      timeoutMs,
    );
  }

  async function textOf(reportId: string): Promise<string> {
    const response = await call('GET', `/printed-reports/${reportId}/content`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    // Table cells wrap long file names and measures across lines: read the text as one line of words.
    return (await pdfText(Buffer.from(await response.arrayBuffer()))).join('\n').replace(/\s+/g, ' ');
  }

  beforeAll(async () => {
    // The killed worker's job comes back within 10–15 s instead of the production lock's 30 s and more.
    system = await startSystem({ ...QUICK_STALLED_JOB_RECOVERY });
    // The sample's 2024 actions (version 2): one yes/no measure per action and period, B04 and B08 backed by minutes.
    [{ id: cycleId }] = await db().query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2024, 'RANHAM 2024', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2 RETURNING id`,
    );
  });
  afterAll(async () => {
    await system?.stop();
  });

  let b04: { id: string; snapshotId: string };
  let b08: { id: string; snapshotId: string };
  let b08ReportId: string;

  it('makes a period report whose actions, achievements, documents and scores are those of the score’s explanation', async () => {
    b04 = await scoredPeriod('B04', { 'AKSI-2024-01.B04.1': true, 'AKSI-2024-02.B04.1': true, 'AKSI-2024-03.B04.1': false }, [
      { name: 'Notulen Pencanangan Gerakan.pdf', type: 'NOTULEN', code: 'AKSI-2024-01.B04.1' },
    ]);
    // B08: every measure achieved; the third has no minutes, so administration is 2 of 3.
    b08 = await scoredPeriod('B08', { 'AKSI-2024-01.B08.1': true, 'AKSI-2024-02.B08.1': true, 'AKSI-2024-03.B08.1': true }, [
      { name: 'Notulen Sosialisasi Sekolah.pdf', type: 'NOTULEN', code: 'AKSI-2024-01.B08.1' },
      { name: 'Notulen Pelatihan Petugas Rumah Aman.pdf', type: 'NOTULEN', code: 'AKSI-2024-02.B08.1' },
    ]);

    const { status, row } = await request({ kind: 'RANHAM_PERIOD_REPORT', submissionId: b08.id });
    expect(status).toBe(202);
    expect(row).toMatchObject({ status: 'PENDING', fileName: 'Laporan RANHAM 2024-B08 - Kota Balikpapan.pdf' });
    b08ReportId = row.id;
    const made = await ready(row.id);
    const text = await textOf(row.id);

    const explain = (await (await call('GET', `/scores/${b08.snapshotId}/explain`)).json()) as Explanation;
    expect(explain.breakdown).toMatchObject({ periodCode: 'B08', substance: 100 });
    expect(explain.breakdown.administration).toBeCloseTo(66.67, 2);
    expect(explain.total).toBe(90);
    expect(text).toContain('Kota Balikpapan');
    expect(text).toContain('B08');
    for (const action of explain.breakdown.actions) {
      expect(text).toContain(`Aksi ${action.code}`);
      for (const measure of action.measures) expect(text).toContain(measure.label);
    }
    const [first] = explain.breakdown.actions[0].measures;
    expect(first).toMatchObject({ code: 'AKSI-2024-01.B08.1', achievement: 100, complete: true });
    expect(text).toContain(`(${two(first.achievement)}%)`);
    expect(text).toContain('Tercapai');
    // The third action has no minutes: printed incomplete, with no document.
    expect(explain.breakdown.actions[2].measures[0].complete).toBe(false);
    expect(text).toContain('Belum lengkap');
    expect(text).toContain('Notulen Sosialisasi Sekolah.pdf');
    expect(text).toContain('Notulen Pelatihan Petugas Rumah Aman.pdf');
    expect(text).not.toContain('Notulen Pencanangan Gerakan.pdf'); // B04's document
    expect(text).toContain(`Nilai substansi ${two(explain.breakdown.substance)}`);
    expect(text).toContain(`Nilai administrasi ${two(explain.breakdown.administration)}`);
    expect(text).toContain(`Nilai total ${two(explain.total)}`);
    expect(text).toContain(`Target ${two(explain.breakdown.target)}`);
    expect(text).toContain(explain.inputHash.slice(0, 16));
    expect(text).toContain(String(made.contentHash).slice(0, 16));
  });

  it('makes a new period report when a listed document is renamed, though the score is the same, and reuses it otherwise', async () => {
    const again = await request({ kind: 'RANHAM_PERIOD_REPORT', submissionId: b08.id });
    expect(again).toMatchObject({ status: 200, row: { id: b08ReportId, status: 'READY' } });

    // A file replaced by another of the same type and measure scores the same: no new snapshot, a different list.
    await db().query(
      `UPDATE evidence_document SET original_name = 'Notulen Sosialisasi di 12 Sekolah.pdf' WHERE submission_id = $1 AND original_name = 'Notulen Sosialisasi Sekolah.pdf'`,
      [b08.id],
    );
    const renamed = await request({ kind: 'RANHAM_PERIOD_REPORT', submissionId: b08.id });
    expect(renamed.status).toBe(202);
    expect(renamed.row.id).not.toBe(b08ReportId);
    await ready(renamed.row.id);
    const [{ current_snapshot_id }] = await db().query(`SELECT current_snapshot_id FROM submission WHERE id = $1`, [b08.id]);
    expect(current_snapshot_id).toBe(b08.snapshotId);
    const text = await textOf(renamed.row.id);
    expect(text).toContain('Notulen Sosialisasi di 12 Sekolah.pdf');
    expect(text).not.toContain('Notulen Sosialisasi Sekolah.pdf');
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM printed_report WHERE submission_id = $1 AND status = 'READY'`, [b08.id]);
    expect(n).toBe(2);
  });

  it('makes a yearly summary whose period scores and yearly score are those of GET /scores/ranham-yearly', async () => {
    const { status, row } = await request({ kind: 'RANHAM_YEAR_SUMMARY', cycleId, regionCode: '64.71' });
    expect(status).toBe(202);
    expect(row.fileName).toBe('Ringkasan RANHAM 2024 - Kota Balikpapan.pdf');
    await ready(row.id);
    const text = await textOf(row.id);

    const yearlyResponse = await call('GET', '/scores/ranham-yearly?year=2024&regionCode=64.71');
    expect(yearlyResponse.status).toBe(200);
    const yearly = (await yearlyResponse.json()) as Yearly;
    const b04Total = ((await (await call('GET', `/scores/${b04.snapshotId}/explain`)).json()) as Explanation).total;
    expect(yearly.periods.map((period) => [period.code, period.score, period.reason])).toEqual([
      ['B04', b04Total, null],
      ['B08', 90, null],
      ['B12', 0, 'NOT_REPORTED'],
    ]);
    expect(yearly.score).toBeCloseTo((b04Total + 90) / 3, 2);
    expect(text).toContain('Kota Balikpapan');
    expect(text).toContain(`B04 Periode Januari–April ${two(b04Total)}`);
    expect(text).toContain(`B08 Periode Mei–Agustus ${two(90)}`);
    expect(text).toContain('Belum disampaikan'); // B12
    expect(text).toContain(`Nilai tahunan ${two(yearly.score)}`);
    expect(text).toContain(`Target ${two(yearly.target)}`);
  });

  it('refuses a yearly summary with nothing scored (409), and fails one whose scores went away rather than dating it 1 January', async () => {
    const refused = await call('POST', '/printed-reports', { kind: 'RANHAM_YEAR_SUMMARY', cycleId, regionCode: '91.71' });
    expect(refused.status).toBe(409);

    // Asked while Kota Jayapura had a score, made after it was withdrawn: the worker has no truthful date to print.
    const [row] = await db().query(
      `INSERT INTO printed_report (kind, subject_key, source_key, cycle_id, province_code, region_code, file_name)
       VALUES ('RANHAM_YEAR_SUMMARY', $1, repeat('d', 64), $2, '91', '91.71', 'Ringkasan RANHAM 2024 - Kota Jayapura.pdf') RETURNING id`,
      [`ranham-year:${cycleId}:region:91.71`, cycleId],
    );
    const make = makeReportMaker({ dataSource: db(), storage: new LocalDiskStorage(system.env.STORAGE_DIR as string) });
    expect(await make({ reportId: row.id })).toMatchObject({ outcome: 'failed', error: expect.stringContaining('no RANHAM period of 2024 is scored') });
    const [failed] = await db().query(`SELECT status, storage_key FROM printed_report WHERE id = $1`, [row.id]);
    expect(failed).toEqual({ status: 'FAILED', storage_key: null });
  });

  it('leaves one READY report and one stored file when the report worker is killed in the middle of a job and started again', async () => {
    const storageDir = system.env.STORAGE_DIR as string;
    const filesBefore = filesUnder(storageDir).length;
    // Gathering reads the framework version: held locked, it keeps the job in flight until the worker is killed.
    const holder = db().createQueryRunner();
    await holder.connect();
    let reportId: string;
    try {
      await holder.startTransaction();
      await holder.query(`LOCK TABLE framework_version IN ACCESS EXCLUSIVE MODE`);
      const { status, row } = await request({ kind: 'RANHAM_PERIOD_REPORT', submissionId: b04.id });
      expect(status).toBe(202);
      reportId = row.id;
      await eventually(
        'the report worker waiting inside the job',
        async () => {
          // The query the report worker reads a framework version with, and only it: no other process's wait counts.
          const [waiting] = await db().query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query = 'SELECT id, label, version, content FROM framework_version WHERE id = $1'`,
          );
          return waiting.n > 0 ? true : undefined;
        },
        60_000,
      );
      system.processes['report-worker'].kill('SIGKILL');
      await system.processes['report-worker'].exited;
    } finally {
      await holder.rollbackTransaction().catch(() => undefined);
      await holder.release();
    }
    const [pending] = await db().query(`SELECT status FROM printed_report WHERE id = $1`, [reportId]);
    expect(pending.status).toBe('PENDING');
    expect(filesUnder(storageDir)).toHaveLength(filesBefore);

    // The job the dead worker held is found stalled once its lock lapses, and made by the new worker.
    await system.restart('report-worker');
    const made = await ready(reportId, 120_000);
    const rows: { id: string; status: string; storage_key: string }[] = await db().query(
      `SELECT id, status, storage_key FROM printed_report WHERE submission_id = $1`,
      [b04.id],
    );
    expect(rows).toEqual([{ id: reportId, status: 'READY', storage_key: expect.any(String) }]);
    expect(filesUnder(storageDir)).toHaveLength(filesBefore + 1);
    expect(statSync(join(storageDir, rows[0].storage_key)).size).toBe(made.sizeBytes);
    const text = await textOf(reportId);
    expect(text).toContain('Notulen Pencanangan Gerakan.pdf');
    expect(text).toContain(String(made.contentHash).slice(0, 16));
  });
});
