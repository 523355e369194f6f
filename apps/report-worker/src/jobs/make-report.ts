import type { PrintedReport } from '@peduli/db';
import type { JobName, JobPayloads } from '@peduli/queue';
import type { BlobStorage, StoredBlob } from '@peduli/storage';
import type { Job } from 'bullmq';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { gatherInput, UnprintableError } from '../gather';
import { renderDocument } from '../render/render-document';

/** No printed document comes near this; a larger one means something is wrong, and storage refuses it. */
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type MakeReportOutcome =
  | { outcome: 'ready'; reportId: string; contentHash: string; sizeBytes: number; reused: boolean }
  | { outcome: 'failed'; reportId: string; error: string }
  | { outcome: 'skipped'; reason: string };

export interface MakeReportContext {
  dataSource: DataSource;
  storage: BlobStorage;
}

type ReportRow = Pick<PrintedReport, 'id' | 'kind' | 'subjectKey' | 'status' | 'submissionId' | 'cycleId' | 'regionCode' | 'organisationId'>;

async function loadRow(manager: EntityManager, id: string, lock = false): Promise<ReportRow | null> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT id, kind, subject_key, status, submission_id, cycle_id, region_code, organisation_id FROM printed_report WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id as string,
    kind: row.kind as ReportRow['kind'],
    subjectKey: row.subject_key as string,
    status: row.status as ReportRow['status'],
    submissionId: row.submission_id as string | null,
    cycleId: row.cycle_id as string | null,
    regionCode: row.region_code as string | null,
    organisationId: row.organisation_id as string | null,
  };
}

/** A READY document of the same subject with the same content: its bytes are these bytes. */
async function sameContent(manager: EntityManager, subjectKey: string, contentHash: string): Promise<{ storageKey: string; sizeBytes: number } | null> {
  const rows: { storage_key: string; size_bytes: number }[] = await manager.query(
    `SELECT storage_key, size_bytes FROM printed_report WHERE subject_key = $1 AND content_hash = $2 AND status = 'READY' ORDER BY ready_at, id LIMIT 1`,
    [subjectKey, contentHash],
  );
  return rows[0] ? { storageKey: rows[0].storage_key, sizeBytes: rows[0].size_bytes } : null;
}

async function markFailed(dataSource: DataSource, id: string, error: string): Promise<void> {
  await dataSource.query(`UPDATE printed_report SET status = 'FAILED', error = $2 WHERE id = $1 AND status <> 'READY'`, [id, error.slice(0, 2000)]);
}

function isLastAttempt(job: Pick<Job, 'attemptsMade' | 'opts'> | undefined): boolean {
  return !job || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Makes one requested document: reads its data as it is now, renders it, stores it (or reuses the stored bytes of the
 * same subject's document with the same content hash) and marks it READY. A READY row is left alone, so a job run
 * twice, or by two workers at once, leaves one READY row and one stored copy. Data that cannot be printed (the score
 * went away) fails the row at once; any other error is retried by BullMQ and fails the row after the last attempt.
 */
export function makeReportMaker(context: MakeReportContext) {
  return async ({ reportId }: JobPayloads[JobName.ReportRequested], job?: Job): Promise<MakeReportOutcome> => {
    const row = await loadRow(context.dataSource.manager, reportId);
    if (!row) return { outcome: 'skipped', reason: 'report not found' };
    if (row.status === 'READY') return { outcome: 'skipped', reason: 'report already made' };
    try {
      return await make(context, row);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof UnprintableError) {
        await markFailed(context.dataSource, row.id, message);
        return { outcome: 'failed', reportId: row.id, error: message };
      }
      if (isLastAttempt(job)) await markFailed(context.dataSource, row.id, message);
      throw error;
    }
  };
}

async function make(context: MakeReportContext, row: ReportRow): Promise<MakeReportOutcome> {
  const input = await gatherInput(context.dataSource.manager, row);
  const contentHash = input.provenance.contentHash;
  let stored: StoredBlob | null = null;
  if (!(await sameContent(context.dataSource.manager, row.subjectKey, contentHash))) {
    const bytes = await renderDocument(input);
    stored = await context.storage.put(Readable.from([bytes]), MAX_DOCUMENT_BYTES);
  }
  let keepStored = false;
  try {
    const outcome = await context.dataSource.transaction(async (manager): Promise<MakeReportOutcome> => {
      // One subject's documents are finished one at a time, so two with the same content end up sharing one blob.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('printed_report:' || $1))`, [row.subjectKey]);
      const current = await loadRow(manager, row.id, true);
      if (!current) return { outcome: 'skipped', reason: 'report not found' };
      if (current.status === 'READY') return { outcome: 'skipped', reason: 'report already made' };
      const existing = await sameContent(manager, row.subjectKey, contentHash);
      const blob = existing ?? (stored ? { storageKey: stored.key, sizeBytes: stored.sizeBytes } : null);
      if (!blob) throw new Error('the stored document of the same content disappeared; trying again');
      await manager.query(
        `UPDATE printed_report SET status = 'READY', content_hash = $2, storage_key = $3, size_bytes = $4, error = NULL, ready_at = now() WHERE id = $1`,
        [row.id, contentHash, blob.storageKey, blob.sizeBytes],
      );
      keepStored = !existing;
      return { outcome: 'ready', reportId: row.id, contentHash, sizeBytes: blob.sizeBytes, reused: Boolean(existing) };
    });
    return outcome;
  } finally {
    // Bytes nobody points at (another run finished first) are removed; a failed removal only leaves an orphan blob.
    if (stored && !keepStored) await context.storage.remove(stored.key).catch(() => undefined);
  }
}
