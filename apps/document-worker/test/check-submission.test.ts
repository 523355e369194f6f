import { DocumentCheckReason as R } from '@peduli/domain';
import { LocalDiskStorage } from '@peduli/storage';
import { createMigratedDatabase, MigratedDatabase } from '@peduli/testkit';
import type { WorkerContext } from '@peduli/worker-kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { isLastAttempt, makeSubmissionChecker } from '../src/check-submission';
import { CheckIsolation, CheckSettings, ClamdClient, ClamdUnavailableError } from '../src/checks';
import { checkSettingsFrom, DEFAULT_CHECK_SETTINGS } from '../src/settings';
import { nestedFlatePdf } from './support/bombs';
import * as corpus from './support/corpus';
import { FakeClamd, refusedUrl } from './support/fake-clamd';

interface CorpusFile {
  name: string;
  data: Buffer;
  mime: string | null;
}

interface StoredResult {
  name: string;
  status: string;
  sniffed: string | null;
  reasons: string[];
  flags: string[];
  details: Record<string, string>;
}

const MAX_UPLOAD = 2 * 1024 * 1024;
const FIRST_OF_EIGHT = { attemptsMade: 0, opts: { attempts: 8 } };
const LAST_OF_EIGHT = { attemptsMade: 7, opts: { attempts: 8 } };

describe('document-worker: checking a submission’s evidence against Postgres and the local store', () => {
  let database: MigratedDatabase;
  let storageDir: string;
  let storage: LocalDiskStorage;
  let clamd: FakeClamd;
  let isolation: CheckIsolation;
  let kicks: number;
  let context: WorkerContext<unknown>;

  const settings = (overrides: Partial<CheckSettings> = {}): CheckSettings => ({
    ...DEFAULT_CHECK_SETTINGS,
    maxUploadBytes: MAX_UPLOAD,
    maxImagePixels: 1_000_000,
    clamd: new ClamdClient({ url: clamd.url, timeoutMs: 5000 }),
    // In check threads, as the worker runs them.
    isolation,
    ...overrides,
  });
  const checker = (overrides: Partial<CheckSettings> = {}) => makeSubmissionChecker(context, storage, settings(overrides));

  beforeAll(async () => {
    database = await createMigratedDatabase({ seedRegions: true });
    storageDir = mkdtempSync(join(tmpdir(), 'peduli-docs-'));
    storage = new LocalDiskStorage(storageDir);
    clamd = await FakeClamd.start();
    isolation = new CheckIsolation({ threads: 2, timeoutMs: 15_000, memoryMb: 256 });
    context = {
      config: {},
      dataSource: database.dataSource,
      relay: { kick: () => void kicks++ },
      logger: pino({ level: 'silent' }),
    } as unknown as WorkerContext<unknown>;
  });
  beforeEach(() => {
    kicks = 0;
    clamd.mode = 'scan';
  });
  afterAll(async () => {
    await isolation?.close();
    await clamd?.stop();
    await database?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  // A regency/city has one current RANHAM report per period: each submission here is another regency/city's.
  let reporters = 0;
  async function submittedWith(files: CorpusFile[], submitCount = 1): Promise<string> {
    const [submission] = await database.dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, status, submit_count, version)
       VALUES ((SELECT code FROM region ORDER BY code OFFSET $2 LIMIT 1), 'RANHAM', '2026-B04', 'SUBMITTED', $1, 1) RETURNING id`,
      [submitCount, reporters++],
    );
    for (const file of files) {
      const blob = await storage.put(Readable.from([file.data]), 50 * 1024 * 1024);
      await database.dataSource.query(
        `INSERT INTO evidence_document (submission_id, document_type, original_name, declared_mime, size_bytes, sha256, storage_key)
         VALUES ($1, 'LAPORAN', $2, $3, $4, $5, $6)`,
        [submission.id, file.name, file.mime, blob.sizeBytes, blob.sha256, blob.key],
      );
    }
    return submission.id;
  }

  const documents = (id: string): Promise<StoredResult[]> =>
    database.dataSource.query(
      `SELECT original_name AS name, status, sniffed_mime AS sniffed, check_reasons AS reasons, check_flags AS flags, check_details AS details
         FROM evidence_document WHERE submission_id = $1 ORDER BY original_name`,
      [id],
    );
  const statusOf = async (id: string) =>
    (await database.dataSource.query(`SELECT status FROM submission WHERE id = $1`, [id]))[0].status as string;
  const events = (id: string) =>
    database.dataSource.query(`SELECT event, payload FROM outbox_event WHERE payload->>'submissionId' = $1`, [id]);

  it('judges the whole generated corpus: each file gets exactly its reason codes, flags and details', async () => {
    const mb20OfZeros = await corpus.zipBombDocx();
    const files: (CorpusFile & { expect: Omit<StoredResult, 'name' | 'details'> & { details?: Record<string, string | RegExp> } })[] = [
      { name: 'a1-valid.pdf', data: corpus.validPdf(), mime: corpus.MIME.pdf, expect: ok(corpus.MIME.pdf) },
      { name: 'a2-valid.png', data: await corpus.validPng(), mime: corpus.MIME.png, expect: ok(corpus.MIME.png) },
      { name: 'a3-valid.JPG', data: await corpus.validJpeg(), mime: corpus.MIME.jpeg, expect: ok(corpus.MIME.jpeg) },
      { name: 'a4-valid.docx', data: await corpus.validDocx(), mime: corpus.MIME.docx, expect: ok(corpus.MIME.docx) },
      { name: 'a5-valid.xlsx', data: await corpus.validXlsx(), mime: null, expect: ok(corpus.MIME.xlsx) },
      { name: 'b1-empty.pdf', data: Buffer.alloc(0), mime: corpus.MIME.pdf, expect: rejected(null, R.EMPTY_FILE) },
      { name: 'b2-program.pdf', data: corpus.EXE, mime: corpus.MIME.pdf, expect: rejected('application/x-msdownload', R.TYPE_NOT_ALLOWED) },
      { name: 'b3-foto.png', data: await corpus.validPng(), mime: corpus.MIME.pdf, expect: rejected(corpus.MIME.png, R.DECLARED_TYPE_MISMATCH) },
      { name: 'b4-laporan.docx', data: corpus.validPdf(), mime: null, expect: rejected(corpus.MIME.pdf, R.DECLARED_TYPE_MISMATCH) },
      { name: 'b5-animasi.gif', data: corpus.GIF, mime: corpus.MIME.gif, expect: rejected(corpus.MIME.gif, R.TYPE_NOT_ALLOWED) },
      { name: 'b6-arsip.zip', data: await corpus.plainZip(), mime: corpus.MIME.zip, expect: rejected(corpus.MIME.zip, R.TYPE_NOT_ALLOWED) },
      { name: 'b7-catatan.txt', data: corpus.TEXT, mime: 'text/plain', expect: rejected(null, R.UNKNOWN_TYPE) },
      {
        name: 'b8-besar.pdf',
        data: Buffer.concat([corpus.validPdf(), corpus.pseudoRandom(MAX_UPLOAD, 1)]),
        mime: corpus.MIME.pdf,
        expect: { ...rejected(null, R.FILE_TOO_LARGE), details: { FILE_TOO_LARGE: /^\d+ > 2097152 bytes$/ } },
      },
      { name: 'c1-terpotong.pdf', data: corpus.truncatedPdf(), mime: corpus.MIME.pdf, expect: rejected(corpus.MIME.pdf, R.PDF_UNREADABLE) },
      { name: 'c2-tanpa-halaman.pdf', data: corpus.zeroPagePdf(), mime: corpus.MIME.pdf, expect: rejected(corpus.MIME.pdf, R.PDF_NO_PAGES) },
      { name: 'c3-terkunci.pdf', data: await corpus.encryptedPdf(), mime: corpus.MIME.pdf, expect: rejected(corpus.MIME.pdf, R.PDF_ENCRYPTED) },
      {
        name: 'c4-skrip.pdf',
        data: corpus.openActionJavascriptPdf(),
        mime: corpus.MIME.pdf,
        expect: { ...ok(corpus.MIME.pdf), flags: [R.PDF_JAVASCRIPT], details: { PDF_JAVASCRIPT: '/JS' } },
      },
      {
        name: 'c5-lampiran.pdf',
        data: await corpus.embeddedFilePdf(),
        mime: corpus.MIME.pdf,
        expect: { ...ok(corpus.MIME.pdf), flags: [R.PDF_EMBEDDED_FILES], details: { PDF_EMBEDDED_FILES: '/EmbeddedFiles' } },
      },
      {
        name: 'c6-poliglot.pdf',
        data: Buffer.concat([corpus.validPdf(), await corpus.plainZip()]),
        mime: corpus.MIME.pdf,
        expect: { ...ok(corpus.MIME.pdf), flags: [R.PDF_TRAILING_DATA], details: { PDF_TRAILING_DATA: /^\d+ bytes after the last %%EOF$/ } },
      },
      {
        name: 'c7-bom-flate.pdf',
        data: await nestedFlatePdf(256),
        mime: corpus.MIME.pdf,
        expect: {
          ...rejected(corpus.MIME.pdf, R.DOCUMENT_TOO_COMPLEX),
          details: { DOCUMENT_TOO_COMPLEX: 'its object streams inflate to more than 100 MB (/Filter /FlateDecode /FlateDecode)' },
        },
      },
      { name: 'd1-terpotong.png', data: await corpus.truncatedPng(), mime: corpus.MIME.png, expect: rejected(corpus.MIME.png, R.IMAGE_UNREADABLE) },
      { name: 'd2-terpotong.jpg', data: await corpus.truncatedJpeg(), mime: corpus.MIME.jpeg, expect: rejected(corpus.MIME.jpeg, R.IMAGE_UNREADABLE) },
      {
        name: 'd3-raksasa.png',
        data: await corpus.largePng(1200, 1000),
        mime: corpus.MIME.png,
        expect: { ...rejected(corpus.MIME.png, R.IMAGE_TOO_LARGE), details: { IMAGE_TOO_LARGE: '1200×1000 pixels, more than 1000000' } },
      },
      { name: 'e1-bom.docx', data: mb20OfZeros, mime: corpus.MIME.docx, expect: rejected(corpus.MIME.docx, R.ZIP_BOMB) },
      { name: 'e2-bohong.docx', data: await corpus.lyingDocx(), mime: corpus.MIME.docx, expect: rejected(corpus.MIME.docx, R.ZIP_BOMB) },
      {
        name: 'e3-tanpa-content-types.docx',
        data: await corpus.docxWithoutContentTypes(),
        mime: corpus.MIME.docx,
        expect: { ...rejected(corpus.MIME.docx, R.OOXML_INVALID), details: { OOXML_INVALID: 'missing [Content_Types].xml' } },
      },
      { name: 'e4-tanpa-workbook.xlsx', data: await corpus.xlsxWithoutWorkbook(), mime: corpus.MIME.xlsx, expect: rejected(corpus.MIME.xlsx, R.OOXML_INVALID) },
      { name: 'e5-rusak.docx', data: await corpus.corruptDocx(), mime: corpus.MIME.docx, expect: rejected(corpus.MIME.docx, R.OOXML_INVALID) },
      {
        name: 'f1-eicar.pdf',
        data: corpus.eicarPdf(),
        mime: corpus.MIME.pdf,
        expect: { ...rejected(corpus.MIME.pdf, R.MALWARE_FOUND), details: { MALWARE_FOUND: 'Eicar-Signature' } },
      },
      {
        name: 'f2-eicar.txt',
        data: corpus.EICAR,
        mime: 'text/plain',
        expect: { ...rejected(null, R.UNKNOWN_TYPE, R.MALWARE_FOUND), details: { MALWARE_FOUND: 'Eicar-Signature' } },
      },
    ];
    const id = await submittedWith(files);

    const outcome = await checker()({ submissionId: id, submitCount: 1 }, FIRST_OF_EIGHT);

    const stored = await documents(id);
    expect(stored.map((document) => document.name)).toEqual(files.map((file) => file.name));
    for (const file of files) {
      const actual = stored.find((document) => document.name === file.name)!;
      const { details, ...rest } = file.expect;
      expect({ name: file.name, status: actual.status, sniffed: actual.sniffed, reasons: actual.reasons, flags: actual.flags }).toEqual({
        name: file.name,
        ...rest,
      });
      if (details) {
        expect({ name: file.name, details: actual.details }).toEqual({
          name: file.name,
          details: Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? value : expect.stringMatching(value)])),
        });
      } else if (rest.reasons.length === 0 && rest.flags.length === 0) {
        expect({ name: file.name, details: actual.details }).toEqual({ name: file.name, details: {} });
      }
    }

    const accepted = files.filter((file) => file.expect.status === 'ACCEPTED');
    expect(outcome).toEqual({ outcome: 'checked', accepted: accepted.length, rejected: files.length - accepted.length, flagged: 3 });
    expect(await statusOf(id)).toBe('CHECK_FAILED');
    expect(await events(id)).toEqual([{ event: 'submission.check_failed', payload: { submissionId: id, submitCount: 1 } }]);
    expect(kicks).toBe(1);

    // Every reason code of the domain appears in this corpus, except SCAN_FAILED and UNSCANNED (their own tests below).
    const seen = new Set(stored.flatMap((document) => [...document.reasons, ...document.flags]));
    expect(Object.values(R).filter((reason) => !seen.has(reason))).toEqual([R.SCAN_FAILED, R.UNSCANNED]);

    // Every file that was read was scanned; empty and oversized ones were not read at all.
    const scannedSizes = clamd.scans.map((scan) => scan.data.length).sort((a, b) => a - b);
    const readSizes = files.filter((f) => f.data.length > 0 && f.data.length <= MAX_UPLOAD).map((f) => f.data.length).sort((a, b) => a - b);
    expect(scannedSizes).toEqual(readSizes);

    const [audit] = await database.dataSource.query(
      `SELECT action, after FROM audit_entry WHERE entity_type = 'submission' AND entity_id = $1`,
      [id],
    );
    expect(audit.action).toBe('submission.check_failed');
    expect(audit.after.documents).toHaveLength(files.length);
    expect(audit.after.documents).toContainEqual(
      expect.objectContaining({ status: 'ACCEPTED', reasons: [], flags: [R.PDF_JAVASCRIPT] }),
    );
  });

  it('fails a KKP HAM submission whose answered indicator lacks accepted evidence of an allowed type, naming the indicator', async () => {
    const [submission] = await database.dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, status, submit_count, version, answers)
       VALUES ('64.71', 'KKP_HAM', '2026-TAHUNAN', 'SUBMITTED', 1, 1, '{"K1.S1": true, "K1.P1": 80, "K1.H1": 0}') RETURNING id`,
    );
    const attach = async (documentType: string, indicatorCodes: string[]) => {
      const blob = await storage.put(Readable.from([corpus.validPdf()]), 50 * 1024 * 1024);
      await database.dataSource.query(
        `INSERT INTO evidence_document (submission_id, document_type, original_name, declared_mime, size_bytes, sha256, storage_key, indicator_codes)
         VALUES ($1, $2, 'bukti.pdf', $3, $4, $5, $6, $7)`,
        [submission.id, documentType, corpus.MIME.pdf, blob.sizeBytes, blob.sha256, blob.key, JSON.stringify(indicatorCodes)],
      );
    };
    await attach('PERBUP_PERWAL', ['K1.S1']);
    await attach('FOTO', ['K1.P1']); // accepted as a file, but not a type K1.P1 accepts as evidence
    const outcome = await checker()({ submissionId: submission.id, submitCount: 1 });
    expect(outcome).toMatchObject({ outcome: 'checked', accepted: 2, rejected: 0 });
    expect(await statusOf(submission.id)).toBe('CHECK_FAILED');
    const [row] = await database.dataSource.query(`SELECT check_problems FROM submission WHERE id = $1`, [submission.id]);
    expect(row.check_problems).toEqual([
      expect.objectContaining({ code: 'INDICATOR_EVIDENCE_MISSING', indicatorCode: 'K1.P1', message: expect.objectContaining({ id: expect.stringContaining('K1.P1') }) }),
    ]);
    expect((await events(submission.id)).map((e: { event: string }) => e.event)).toEqual(['submission.check_failed']);
  });

  it('fails a RANHAM report whose answered measure lacks its required minutes, naming the action and the measure', async () => {
    // The sample's version 2 numbers the measures and gives each its documents; a cycle pins it for 2025.
    await database.dataSource.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2025, 'RANHAM 2025', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2`,
    );
    const [submission] = await database.dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, status, submit_count, version, answers)
       VALUES ('64.71', 'RANHAM', '2025-B04', 'SUBMITTED', 1, 1, '{"AKSI-2025-01.B04.1": true, "AKSI-2025-01.B04.2": true, "AKSI-2025-02.B04.1": false}') RETURNING id`,
    );
    const attach = async (documentType: string, indicatorCodes: string[]) => {
      const blob = await storage.put(Readable.from([corpus.validPdf()]), 50 * 1024 * 1024);
      await database.dataSource.query(
        `INSERT INTO evidence_document (submission_id, document_type, original_name, declared_mime, size_bytes, sha256, storage_key, indicator_codes)
         VALUES ($1, $2, 'bukti.pdf', $3, $4, $5, $6, $7)`,
        [submission.id, documentType, corpus.MIME.pdf, blob.sizeBytes, blob.sha256, blob.key, JSON.stringify(indicatorCodes)],
      );
    };
    await attach('DAFTAR_HADIR', ['AKSI-2025-01.B04.1']); // the attendance list is there, the minutes are not
    await attach('SK', ['AKSI-2025-01.B04.2']);
    const outcome = await checker()({ submissionId: submission.id, submitCount: 1 });
    expect(outcome).toMatchObject({ outcome: 'checked', accepted: 2, rejected: 0 });
    expect(await statusOf(submission.id)).toBe('CHECK_FAILED');
    const [row] = await database.dataSource.query(`SELECT check_problems FROM submission WHERE id = $1`, [submission.id]);
    expect(row.check_problems).toEqual([
      {
        code: 'MEASURE_EVIDENCE_MISSING',
        indicatorCode: 'AKSI-2025-01.B04.1',
        actionCode: 'AKSI-2025-01',
        message: {
          id: 'Aksi AKSI-2025-01, ukuran B04.1 memerlukan 1 NOTULEN yang lolos pemeriksaan; baru ada 0.',
          en: 'Action AKSI-2025-01, measure B04.1 needs 1 NOTULEN that passed the check; found 0.',
        },
      },
    ]);
  });

  it('accepts a submission whose documents carry only flags, moving it to IN_REVIEW with one event', async () => {
    const id = await submittedWith([
      { name: 'a-notulen.pdf', data: corpus.javascriptAndAttachmentPdf(), mime: corpus.MIME.pdf },
      { name: 'b-foto.png', data: await corpus.validPng(), mime: corpus.MIME.png },
    ]);
    expect(await checker()({ submissionId: id, submitCount: 1 })).toEqual({ outcome: 'checked', accepted: 2, rejected: 0, flagged: 1 });
    expect(await documents(id)).toEqual([
      {
        name: 'a-notulen.pdf',
        status: 'ACCEPTED',
        sniffed: corpus.MIME.pdf,
        reasons: [],
        flags: [R.PDF_JAVASCRIPT, R.PDF_EMBEDDED_FILES],
        details: { PDF_JAVASCRIPT: '/JS', PDF_EMBEDDED_FILES: '/EmbeddedFiles' },
      },
      { name: 'b-foto.png', status: 'ACCEPTED', sniffed: corpus.MIME.png, reasons: [], flags: [], details: {} },
    ]);
    expect(await statusOf(id)).toBe('IN_REVIEW');
    expect(await events(id)).toEqual([{ event: 'submission.checked', payload: { submissionId: id, submitCount: 1 } }]);
  });

  describe('when clamd is unreachable (fail closed)', () => {
    it('throws on an attempt that will be retried, writing no verdict (the submission stays CHECKING); the retry passes once clamd is back', async () => {
      const id = await submittedWith([{ name: 'a.pdf', data: corpus.validPdf(), mime: corpus.MIME.pdf }]);
      const down = checker({ clamd: new ClamdClient({ url: await refusedUrl(), timeoutMs: 2000 }) });

      await expect(down({ submissionId: id, submitCount: 1 }, FIRST_OF_EIGHT)).rejects.toBeInstanceOf(ClamdUnavailableError);
      expect(await statusOf(id)).toBe('CHECKING');
      expect(await documents(id)).toEqual([
        { name: 'a.pdf', status: 'QUARANTINED', sniffed: null, reasons: [], flags: [], details: {} },
      ]);
      expect(await events(id)).toEqual([]);
      expect(kicks).toBe(0);

      expect(await checker()({ submissionId: id, submitCount: 1 }, { attemptsMade: 1, opts: { attempts: 8 } })).toMatchObject({
        outcome: 'checked',
        accepted: 1,
      });
      expect(await statusOf(id)).toBe('IN_REVIEW');
    });

    it('on the last attempt, rejects the documents as SCAN_FAILED and fails the check: refused connection', async () => {
      const id = await submittedWith([
        { name: 'a.pdf', data: corpus.validPdf(), mime: corpus.MIME.pdf },
        { name: 'b-kosong.pdf', data: Buffer.alloc(0), mime: corpus.MIME.pdf },
      ]);
      const down = checker({ clamd: new ClamdClient({ url: await refusedUrl(), timeoutMs: 2000 }) });
      expect(await down({ submissionId: id, submitCount: 1 }, LAST_OF_EIGHT)).toEqual({ outcome: 'checked', accepted: 0, rejected: 2, flagged: 0 });
      const [scanned, empty] = await documents(id);
      expect(scanned).toMatchObject({ status: 'REJECTED', sniffed: corpus.MIME.pdf, reasons: [R.SCAN_FAILED], flags: [] });
      expect(scanned.details.SCAN_FAILED).toMatch(/ECONNREFUSED/);
      expect(empty).toMatchObject({ status: 'REJECTED', reasons: [R.EMPTY_FILE] });
      expect(await statusOf(id)).toBe('CHECK_FAILED');
      expect((await events(id)).map((e: { event: string }) => e.event)).toEqual(['submission.check_failed']);
    });

    it('on the last attempt, a clamd that hangs past the timeout is SCAN_FAILED too', async () => {
      clamd.mode = 'hang';
      const id = await submittedWith([{ name: 'a.png', data: await corpus.validPng(), mime: corpus.MIME.png }]);
      const slow = checker({ clamd: new ClamdClient({ url: clamd.url, timeoutMs: 250 }) });
      await expect(slow({ submissionId: id, submitCount: 1 }, FIRST_OF_EIGHT)).rejects.toThrow('did not answer within 250 ms');
      expect(await statusOf(id)).toBe('CHECKING');
      await slow({ submissionId: id, submitCount: 1 }, LAST_OF_EIGHT);
      const [document] = await documents(id);
      expect(document).toMatchObject({ status: 'REJECTED', reasons: [R.SCAN_FAILED] });
      expect(document.details.SCAN_FAILED).toMatch(/did not answer within 250 ms/);
      expect(await statusOf(id)).toBe('CHECK_FAILED');
    });

    it('an ERROR reply from clamd is SCAN_FAILED at once: retrying the same stream would not help', async () => {
      clamd.mode = 'size-limit';
      const id = await submittedWith([{ name: 'a.pdf', data: corpus.validPdf(), mime: corpus.MIME.pdf }]);
      await checker()({ submissionId: id, submitCount: 1 }, FIRST_OF_EIGHT);
      const [document] = await documents(id);
      expect(document).toMatchObject({ status: 'REJECTED', reasons: [R.SCAN_FAILED] });
      expect(document.details.SCAN_FAILED).toContain('INSTREAM size limit exceeded');
    });
  });

  it('without clamd configured, does not scan: the structural checks alone decide, and reviewers see UNSCANNED', async () => {
    const id = await submittedWith([
      { name: 'a.pdf', data: corpus.eicarPdf(), mime: corpus.MIME.pdf },
      { name: 'b.pdf', data: corpus.truncatedPdf(), mime: corpus.MIME.pdf },
    ]);
    const before = clamd.scans.length;
    expect(await checker({ clamd: undefined })({ submissionId: id, submitCount: 1 })).toMatchObject({ accepted: 1, rejected: 1, flagged: 2 });
    expect(clamd.scans.length).toBe(before);
    expect((await documents(id)).map((d) => [d.name, d.status, d.reasons, d.flags])).toEqual([
      ['a.pdf', 'ACCEPTED', [], [R.UNSCANNED]],
      ['b.pdf', 'REJECTED', [R.PDF_UNREADABLE], [R.UNSCANNED]],
    ]);
  });

  it('honours a narrowed allowlist from configuration (DOCUMENT_ALLOWED_TYPES=pdf)', async () => {
    const fromConfig = checkSettingsFrom({
      DOCUMENT_ALLOWED_TYPES: ['pdf'],
      MAX_UPLOAD_BYTES: MAX_UPLOAD,
      DOCUMENT_MAX_UNZIPPED_BYTES: 1024 * 1024,
      DOCUMENT_MAX_ZIP_RATIO: 100,
      DOCUMENT_MAX_IMAGE_PIXELS: 1000,
      CLAMD_URL: undefined,
      CLAMD_TIMEOUT_MS: 1000,
      DOCUMENT_SCAN: 'off',
      DOCUMENT_CHECK_TIMEOUT_MS: 10_000,
      DOCUMENT_CHECK_MEMORY_MB: 128,
      DOCUMENT_CHECK_THREADS: 1,
    });
    expect(fromConfig.isolation?.limits).toEqual({ threads: 1, timeoutMs: 10_000, memoryMb: 128 });
    const id = await submittedWith([
      { name: 'a.pdf', data: corpus.validPdf(), mime: corpus.MIME.pdf },
      { name: 'b.png', data: await corpus.validPng(), mime: corpus.MIME.png },
    ]);
    try {
      await makeSubmissionChecker(context, storage, fromConfig)({ submissionId: id, submitCount: 1 });
    } finally {
      await fromConfig.isolation?.close();
    }
    expect((await documents(id)).map((d) => [d.name, d.status, d.reasons])).toEqual([
      ['a.pdf', 'ACCEPTED', []],
      ['b.png', 'REJECTED', [R.TYPE_NOT_ALLOWED]],
    ]);
  });

  it('is idempotent: a repeated job changes nothing and emits nothing', async () => {
    const id = await submittedWith([{ name: 'x.pdf', data: corpus.validPdf(), mime: corpus.MIME.pdf }]);
    await checker()({ submissionId: id, submitCount: 1 });
    const again = await checker()({ submissionId: id, submitCount: 1 });
    expect(again).toEqual({ outcome: 'skipped', reason: 'submission is IN_REVIEW (submit 1)' });
    expect(await events(id)).toHaveLength(1);
  });

  it('skips a stale job from an earlier submit and a job for an unknown submission', async () => {
    const id = await submittedWith([{ name: 'x.pdf', data: corpus.validPdf(), mime: corpus.MIME.pdf }], 2);
    expect(await checker()({ submissionId: id, submitCount: 1 })).toMatchObject({ outcome: 'skipped' });
    expect(await events(id)).toEqual([]);
    expect(await checker()({ submissionId: '00000000-0000-4000-8000-000000000000', submitCount: 1 })).toEqual({
      outcome: 'skipped',
      reason: 'submission not found',
    });
  });

  it('knows the last attempt from BullMQ’s counters', () => {
    expect(isLastAttempt(undefined)).toBe(true);
    expect(isLastAttempt(FIRST_OF_EIGHT)).toBe(false);
    expect(isLastAttempt({ attemptsMade: 6, opts: { attempts: 8 } })).toBe(false);
    expect(isLastAttempt(LAST_OF_EIGHT)).toBe(true);
    expect(isLastAttempt({ attemptsMade: 0, opts: {} })).toBe(true);
  });
});

function ok(sniffed: string) {
  return { status: 'ACCEPTED', sniffed, reasons: [] as string[], flags: [] as string[] };
}

function rejected(sniffed: string | null, ...reasons: R[]) {
  return { status: 'REJECTED', sniffed, reasons: reasons as string[], flags: [] as string[] };
}
