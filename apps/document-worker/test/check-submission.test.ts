import { LocalDiskStorage } from '@peduli/storage';
import { createMigratedDatabase, MigratedDatabase } from '@peduli/testkit';
import type { WorkerContext } from '@peduli/worker-kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { makeSubmissionChecker } from '../src/check-submission';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 0)]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0), Buffer.from('PE\0\0'), Buffer.alloc(64, 0)]);

describe('document-worker: checking a submission’s evidence', () => {
  let database: MigratedDatabase;
  let storageDir: string;
  let storage: LocalDiskStorage;
  let kicks: number;
  let check: ReturnType<typeof makeSubmissionChecker>;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'peduli-docs-'));
    storage = new LocalDiskStorage(storageDir);
    const context = {
      config: {},
      dataSource: database.dataSource,
      relay: { kick: () => void kicks++ },
      logger: pino({ level: 'silent' }),
    } as unknown as WorkerContext<unknown>;
    check = makeSubmissionChecker(context, storage);
  });
  beforeEach(() => (kicks = 0));
  afterAll(async () => {
    await database?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  async function submittedWith(files: { data: Buffer; name: string; mime: string | null }[], submitCount = 1): Promise<string> {
    const [submission] = await database.dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, status, submit_count, version) VALUES ('64.71', 'RANHAM', '2026-B04', 'SUBMITTED', $1, 1) RETURNING id`,
      [submitCount],
    );
    for (const file of files) {
      const blob = await storage.put(Readable.from([file.data]), 1_000_000);
      await database.dataSource.query(
        `INSERT INTO evidence_document (submission_id, document_type, original_name, declared_mime, size_bytes, sha256, storage_key)
         VALUES ($1, 'LAPORAN', $2, $3, $4, $5, $6)`,
        [submission.id, file.name, file.mime, blob.sizeBytes, blob.sha256, blob.key],
      );
    }
    return submission.id;
  }

  const documents = (id: string) =>
    database.dataSource.query(
      `SELECT original_name AS name, status, sniffed_mime AS sniffed, check_reasons AS reasons FROM evidence_document WHERE submission_id = $1 ORDER BY original_name`,
      [id],
    );
  const events = (id: string) =>
    database.dataSource.query(`SELECT event, payload FROM outbox_event WHERE payload->>'submissionId' = $1`, [id]);

  it('accepts real PDF, PNG and JPEG files and moves the submission to IN_REVIEW with one event', async () => {
    const id = await submittedWith([
      { data: PDF, name: 'a-perwal.pdf', mime: 'application/pdf' },
      { data: PNG, name: 'b-foto.png', mime: 'image/png' },
      { data: JPEG, name: 'c-foto.JPG', mime: 'image/jpeg' },
    ]);
    expect(await check({ submissionId: id, submitCount: 1 })).toEqual({ outcome: 'checked', accepted: 3, rejected: 0 });
    expect(await documents(id)).toEqual([
      { name: 'a-perwal.pdf', status: 'ACCEPTED', sniffed: 'application/pdf', reasons: [] },
      { name: 'b-foto.png', status: 'ACCEPTED', sniffed: 'image/png', reasons: [] },
      { name: 'c-foto.JPG', status: 'ACCEPTED', sniffed: 'image/jpeg', reasons: [] },
    ]);
    const [submission] = await database.dataSource.query(`SELECT status FROM submission WHERE id = $1`, [id]);
    expect(submission.status).toBe('IN_REVIEW');
    expect(await events(id)).toEqual([{ event: 'submission.checked', payload: { submissionId: id, submitCount: 1 } }]);
    expect(kicks).toBe(1);
  });

  it('rejects by content, not by name: each bad file gets its reason and the submission CHECK_FAILED', async () => {
    const id = await submittedWith([
      { data: EXE, name: 'a-laporan.pdf', mime: 'application/pdf' },
      { data: Buffer.alloc(0), name: 'b-kosong.pdf', mime: 'application/pdf' },
      { data: PDF, name: 'c-foto.png', mime: 'image/png' },
      { data: GIF, name: 'd-animasi.gif', mime: 'image/gif' },
      { data: Buffer.from('nihil\n'), name: 'e-catatan.txt', mime: 'text/plain' },
      { data: PDF, name: 'f-surat.pdf', mime: 'application/octet-stream' },
    ]);
    expect(await check({ submissionId: id, submitCount: 1 })).toEqual({ outcome: 'checked', accepted: 1, rejected: 5 });
    expect(await documents(id)).toEqual([
      { name: 'a-laporan.pdf', status: 'REJECTED', sniffed: 'application/x-msdownload', reasons: ['TYPE_NOT_ALLOWED'] },
      { name: 'b-kosong.pdf', status: 'REJECTED', sniffed: null, reasons: ['EMPTY_FILE'] },
      { name: 'c-foto.png', status: 'REJECTED', sniffed: 'application/pdf', reasons: ['DECLARED_TYPE_MISMATCH'] },
      { name: 'd-animasi.gif', status: 'REJECTED', sniffed: 'image/gif', reasons: ['TYPE_NOT_ALLOWED'] },
      { name: 'e-catatan.txt', status: 'REJECTED', sniffed: null, reasons: ['UNKNOWN_TYPE'] },
      { name: 'f-surat.pdf', status: 'ACCEPTED', sniffed: 'application/pdf', reasons: [] },
    ]);
    expect((await events(id)).map((e: { event: string }) => e.event)).toEqual(['submission.check_failed']);
  });

  it('is idempotent: a repeated job changes nothing and emits nothing', async () => {
    const id = await submittedWith([{ data: PDF, name: 'x.pdf', mime: 'application/pdf' }]);
    await check({ submissionId: id, submitCount: 1 });
    const again = await check({ submissionId: id, submitCount: 1 });
    expect(again).toEqual({ outcome: 'skipped', reason: 'submission is IN_REVIEW (submit 1)' });
    expect(await events(id)).toHaveLength(1);
  });

  it('skips a stale job from an earlier submit and a job for an unknown submission', async () => {
    const id = await submittedWith([{ data: PDF, name: 'x.pdf', mime: 'application/pdf' }], 2);
    expect(await check({ submissionId: id, submitCount: 1 })).toMatchObject({ outcome: 'skipped' });
    expect(await events(id)).toEqual([]);
    expect(await check({ submissionId: '00000000-0000-4000-8000-000000000000', submitCount: 1 })).toEqual({
      outcome: 'skipped',
      reason: 'submission not found',
    });
  });
});
