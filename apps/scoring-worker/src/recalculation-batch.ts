import { AuditRecord, auditRow, InsertPieces, RecalculationItemStatus, RecalculationRun } from '@peduli/db';
import { Programme, SubmissionScore } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import { FrameworkScorers } from './framework-scorers';
import { snapshotBasis, snapshotCreatedAudit, ScoringSubjectRow, SUBJECT_COLUMNS, SubjectDocumentRow, SubjectRow, subjectFromRow } from './store-score';

/** Subjects a child job of a run scores in one transaction: few enough that a retried batch repeats little work. */
export const RECALCULATION_BATCH_SIZE = 50;

export type BatchOutcome = { outcome: 'scored'; done: number; failed: number } | { outcome: 'skipped'; reason: string };

interface Scored {
  subject: ScoringSubjectRow;
  score: SubmissionScore;
}

/**
 * Rescores the still-pending subjects of one batch of a run in one transaction, with bulk reads and writes, and the
 * same guarantees as one subject at a time: the items are locked and moved from PENDING in the transaction that
 * writes their snapshots, audit rows and the run's counters, so a batch killed mid-way leaves nothing and its retry
 * starts over, and a batch run again after success finds nothing pending. A subject the engine refuses (e.g. an
 * unknown adjustment code) is recorded as failed in the same transaction without holding back the others.
 */
export async function scoreBatch(manager: EntityManager, scorers: FrameworkScorers, runId: string, submissionIds: string[]): Promise<BatchOutcome> {
  // Items before submissions, each in id order, as every batch and the single-subject scorer take them.
  const pending: { submission_id: string }[] = await manager.query(
    `SELECT submission_id FROM recalculation_item WHERE run_id = $1 AND submission_id = ANY($2::uuid[]) AND status = $3 ORDER BY submission_id FOR UPDATE`,
    [runId, submissionIds, RecalculationItemStatus.PENDING],
  );
  if (pending.length === 0) return { outcome: 'skipped', reason: 'no subject of this batch is pending' };
  const ids = pending.map((row) => row.submission_id);
  const run = await manager.getRepository(RecalculationRun).findOneOrFail({ where: { id: runId } });
  // A run whose cycle has since switched again still records its snapshots, but must not replace the current scores
  // with ones from a version the cycle no longer uses.
  const [cycle] = await manager.query(`SELECT framework_version_id FROM reporting_cycle WHERE id = $1 FOR SHARE`, [run.cycleId]);
  const makeCurrent = cycle?.framework_version_id === run.frameworkVersionId;
  const framework = await scorers.byId(manager, run.frameworkVersionId);
  if (!framework) throw new Error('the framework version or the submission no longer exists');

  const subjects = await loadSubjects(manager, ids);
  const failures: { submissionId: string; error: string }[] = [];
  const scored: Scored[] = [];
  for (const id of ids) {
    const subject = subjects.get(id);
    if (!subject) {
      failures.push({ submissionId: id, error: 'Error: the framework version or the submission no longer exists' });
      continue;
    }
    try {
      scored.push({ subject, score: framework.scorer(subject) });
    } catch (error) {
      failures.push({ submissionId: id, error: String(error) });
    }
  }

  const previous = await previousScores(manager, scored);
  const snapshots = await insertSnapshots(manager, scored, framework.record.id, runId);
  const current = makeCurrent ? scored.filter(({ subject }) => subject.currentSnapshotId !== snapshots.get(subject.id)?.id) : [];
  if (current.length > 0) {
    // A superseded duplicate keeps its snapshots as history but never becomes current again.
    await manager.query(
      `UPDATE submission s SET current_snapshot_id = u.snapshot_id
         FROM unnest($1::uuid[], $2::uuid[]) AS u(id, snapshot_id)
        WHERE s.id = u.id AND s.superseded_by IS NULL`,
      [current.map(({ subject }) => subject.id), current.map(({ subject }) => snapshots.get(subject.id)!.id)],
    );
  }
  const created = scored.filter(({ subject }) => snapshots.get(subject.id)!.created);
  if (created.length > 0) await insertAudits(manager, created.map(({ subject, score }) => snapshotCreatedAudit(subject, score, snapshots.get(subject.id)!.id, runId)));

  if (scored.length > 0) {
    const done = scored.map(({ subject, score }) => ({
      submission_id: subject.id,
      snapshot_id: snapshots.get(subject.id)!.id,
      from_band: previous.get(subject.id)?.band ?? null,
      to_band: score.band,
      from_total: previous.get(subject.id)?.total ?? null,
      to_total: score.total,
    }));
    await manager.query(
      `UPDATE recalculation_item i
          SET status = $2, snapshot_id = d.snapshot_id, from_band = d.from_band, to_band = d.to_band, from_total = d.from_total, to_total = d.to_total, finished_at = now()
         FROM jsonb_to_recordset($3::jsonb) AS d(submission_id uuid, snapshot_id uuid, from_band text, to_band text, from_total numeric, to_total numeric)
        WHERE i.run_id = $1 AND i.submission_id = d.submission_id`,
      [runId, RecalculationItemStatus.DONE, JSON.stringify(done)],
    );
  }
  if (failures.length > 0) {
    await manager.query(
      `UPDATE recalculation_item i SET status = $2, error = f.error, finished_at = now()
         FROM jsonb_to_recordset($3::jsonb) AS f(submission_id uuid, error text)
        WHERE i.run_id = $1 AND i.submission_id = f.submission_id`,
      [runId, RecalculationItemStatus.FAILED, JSON.stringify(failures.map(({ submissionId, error }) => ({ submission_id: submissionId, error: error.slice(0, 2000) })))],
    );
  }
  await manager.query(`UPDATE recalculation_run SET done = done + $2, failed = failed + $3 WHERE id = $1`, [runId, scored.length, failures.length]);
  return { outcome: 'scored', done: scored.length, failed: failures.length };
}

/** The batch's submissions with what scoring needs, locked in id order so two scorers of one submission take turns. */
async function loadSubjects(manager: EntityManager, ids: string[]): Promise<Map<string, ScoringSubjectRow>> {
  const rows: SubjectRow[] = await manager.query(
    `SELECT ${SUBJECT_COLUMNS}
       FROM submission s LEFT JOIN organisation o ON o.id = s.organisation_id
      WHERE s.id = ANY($1::uuid[])
      ORDER BY s.id
        FOR UPDATE OF s`,
    [ids],
  );
  const ranham = rows.filter((row) => row.programme === Programme.RANHAM).map((row) => row.id);
  const documents = new Map<string, SubjectDocumentRow[]>();
  if (ranham.length > 0) {
    const found: (SubjectDocumentRow & { submissionId: string })[] = await manager.query(
      `SELECT submission_id AS "submissionId", document_type AS "documentType", indicator_codes AS "indicatorCodes", status
         FROM evidence_document WHERE submission_id = ANY($1::uuid[])`,
      [ranham],
    );
    for (const { submissionId, ...document } of found) documents.set(submissionId, [...(documents.get(submissionId) ?? []), document]);
  }
  return new Map(rows.map((row) => [row.id, subjectFromRow(row, documents.get(row.id) ?? [])]));
}

async function previousScores(manager: EntityManager, scored: Scored[]): Promise<Map<string, { total: number; band: string }>> {
  const current = scored.filter(({ subject }) => subject.currentSnapshotId !== null);
  if (current.length === 0) return new Map();
  const rows: { submission_id: string; total: number; band: string }[] = await manager.query(
    `SELECT u.submission_id, sn.total::float AS total, sn.band
       FROM unnest($1::uuid[], $2::uuid[]) AS u(submission_id, snapshot_id) JOIN score_snapshot sn ON sn.id = u.snapshot_id`,
    [current.map(({ subject }) => subject.id), current.map(({ subject }) => subject.currentSnapshotId)],
  );
  return new Map(rows.map((row) => [row.submission_id, { total: row.total, band: row.band }]));
}

/**
 * Writes the batch's snapshots in one statement. The snapshot's identity is (submission, framework version, input
 * hash), unique in the database: inputs already scored under this version reuse the stored snapshot, looked up in a
 * second statement, so a batch run twice or a version switched back never writes a second one.
 */
async function insertSnapshots(manager: EntityManager, scored: Scored[], frameworkVersionId: string, runId: string): Promise<Map<string, { id: string; created: boolean }>> {
  const snapshots = new Map<string, { id: string; created: boolean }>();
  if (scored.length === 0) return snapshots;
  const rows = scored.map(({ subject, score }) => ({
    submission_id: subject.id,
    region_code: subject.regionCode,
    organisation_id: subject.organisationId,
    period_key: subject.periodKey,
    framework_version: score.frameworkStamp,
    basis: snapshotBasis(score),
    input_hash: score.inputHash,
    total: score.total,
    band: score.band,
    breakdown: score.breakdown,
    province_code: subject.provinceCode,
  }));
  const inserted: { id: string; submission_id: string }[] = await manager.query(
    `INSERT INTO score_snapshot
       (submission_id, region_code, organisation_id, period_key, framework_version, framework_version_id, recalculation_run_id,
        basis, input_hash, total, band, breakdown, province_code)
     SELECT r.submission_id, r.region_code, r.organisation_id, r.period_key, r.framework_version, $2::uuid, $3::uuid,
            r.basis, r.input_hash, r.total, r.band, r.breakdown, r.province_code
       FROM jsonb_to_recordset($1::jsonb) AS r(submission_id uuid, region_code text, organisation_id uuid, period_key text, framework_version text,
                                              basis text, input_hash text, total numeric, band text, breakdown jsonb, province_code text)
     ON CONFLICT ON CONSTRAINT score_snapshot_inputs_uq DO NOTHING
     RETURNING id, submission_id`,
    [JSON.stringify(rows), frameworkVersionId, runId],
  );
  for (const row of inserted) snapshots.set(row.submission_id, { id: row.id, created: true });
  const reused = scored.filter(({ subject }) => !snapshots.has(subject.id));
  if (reused.length > 0) {
    const existing: { id: string; submission_id: string }[] = await manager.query(
      `SELECT sn.id, sn.submission_id
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS k(submission_id, framework_version, input_hash)
         JOIN score_snapshot sn ON sn.submission_id = k.submission_id AND sn.framework_version = k.framework_version AND sn.input_hash = k.input_hash`,
      [reused.map(({ subject }) => subject.id), reused.map(({ score }) => score.frameworkStamp), reused.map(({ score }) => score.inputHash)],
    );
    for (const row of existing) snapshots.set(row.submission_id, { id: row.id, created: false });
  }
  const missing = scored.find(({ subject }) => !snapshots.has(subject.id));
  if (missing) throw new Error(`no snapshot was stored or found for submission ${missing.subject.id}`);
  return snapshots;
}

/** The audit rows of a batch's new snapshots, in one statement of the batch's transaction. */
async function insertAudits(manager: EntityManager, records: AuditRecord[]): Promise<void> {
  const pieces: InsertPieces[] = [];
  let next = 1;
  for (const record of records) {
    const piece = auditRow(record, next);
    next += piece.params.length;
    pieces.push(piece);
  }
  await manager.query(
    `INSERT INTO ${pieces[0].table} (${pieces[0].columns}) VALUES ${pieces.map((piece) => `(${piece.values})`).join(', ')}`,
    pieces.flatMap((piece) => piece.params),
  );
}
