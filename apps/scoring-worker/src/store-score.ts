import { AuditRecord, recordAudit, ScoreBasis, Submission, SYSTEM_ACTOR } from '@peduli/db';
import { DocumentStatus, DocumentType, OrganisationKind, Programme, SubmissionScore } from '@peduli/domain';
import { JobName, recordEvent } from '@peduli/queue';
import type { EntityManager } from 'typeorm';
import type { LoadedFramework } from './framework-scorers';

export interface StoredScore {
  snapshotId: string;
  /** False when a snapshot for exactly these inputs already existed: it is reused, nothing new is written. */
  created: boolean;
  total: number;
  band: string;
  /** The submission's score before this one, if it had one. */
  previous: { total: number; band: string } | null;
}

export interface StoreOptions {
  /** The recalculation run this score belongs to. */
  runId?: string;
  /** Emit `submission.scored` (which notifies the unit) for a new snapshot: not for recalculations. */
  notify: boolean;
  /** Whether the snapshot becomes the submission's current score (not for a run its cycle has since moved past). */
  makeCurrent?: boolean;
}

/**
 * Loads a submission with what scoring needs (for RANHAM also its documents and the measure codes they name),
 * locking it so two scorers of one submission take turns.
 */
export async function loadSubjectForScoring(manager: EntityManager, submissionId: string) {
  const rows: SubjectRow[] = await manager.query(
    `SELECT ${SUBJECT_COLUMNS}
       FROM submission s LEFT JOIN organisation o ON o.id = s.organisation_id
      WHERE s.id = $1
        FOR UPDATE OF s`,
    [submissionId],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  // A RANHAM measure's administration counts the documents naming it that passed the document check.
  const documents: SubjectDocumentRow[] =
    row.programme === Programme.RANHAM
      ? await manager.query(`SELECT document_type AS "documentType", indicator_codes AS "indicatorCodes", status FROM evidence_document WHERE submission_id = $1`, [
          submissionId,
        ])
      : [];
  return subjectFromRow(row, documents);
}

/** The columns `loadSubjectForScoring` selects (and a batch's bulk load with it), as the driver returns them. */
export type SubjectRow = Record<string, unknown> & { id: string; programme: string };
export interface SubjectDocumentRow {
  documentType: DocumentType;
  indicatorCodes: string[];
  status: DocumentStatus;
}

/** The columns of a submission selected for scoring, in the order `loadSubjectForScoring` names them. */
export const SUBJECT_COLUMNS = `s.id, s.province_code, s.region_code, s.organisation_id, s.programme, s.period_key, s.status, s.answers, s.verified_answers,
            s.rejections, s.adjustments, s.current_snapshot_id, o.kind AS organisation_kind`;

/** A row of SUBJECT_COLUMNS and its documents as the scorer's subject. */
export function subjectFromRow(row: SubjectRow, documents: SubjectDocumentRow[]) {
  return {
    id: row.id,
    provinceCode: row.province_code as string | null,
    regionCode: row.region_code as string | null,
    organisationId: row.organisation_id as string | null,
    programme: row.programme as Submission['programme'],
    periodKey: row.period_key as string,
    status: row.status as Submission['status'],
    answers: row.answers as Submission['answers'],
    verifiedAnswers: row.verified_answers as Submission['verifiedAnswers'],
    rejections: row.rejections as Record<string, string>,
    adjustments: row.adjustments as Record<string, number>,
    currentSnapshotId: row.current_snapshot_id as string | null,
    organisationKind: row.organisation_kind as OrganisationKind | null,
    documents: documents.map(({ documentType, indicatorCodes, status }) => ({ documentType, indicatorCodes, accepted: status === DocumentStatus.ACCEPTED })),
  };
}

export type ScoringSubjectRow = ReturnType<typeof subjectFromRow>;

/**
 * Scores a submission and makes the snapshot its current score. The snapshot's identity is (submission, framework
 * version, input hash), unique in the database: the same inputs under the same version reuse the stored snapshot,
 * so a job run twice, or a version switched back, never writes a second one.
 */
export async function storeScore(manager: EntityManager, subject: ScoringSubjectRow, framework: LoadedFramework, options: StoreOptions): Promise<StoredScore> {
  const score: SubmissionScore = framework.scorer(subject);
  const previous: { total: number; band: string }[] = subject.currentSnapshotId
    ? await manager.query(`SELECT total::float AS total, band FROM score_snapshot WHERE id = $1`, [subject.currentSnapshotId])
    : [];
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO score_snapshot
       (submission_id, region_code, organisation_id, period_key, framework_version, framework_version_id, recalculation_run_id,
        basis, input_hash, total, band, breakdown, province_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT ON CONSTRAINT score_snapshot_inputs_uq DO NOTHING
     RETURNING id`,
    [
      subject.id,
      subject.regionCode,
      subject.organisationId,
      subject.periodKey,
      score.frameworkStamp,
      framework.record.id,
      options.runId ?? null,
      snapshotBasis(score),
      score.inputHash,
      score.total,
      score.band,
      JSON.stringify(score.breakdown),
      subject.provinceCode,
    ],
  );
  const created = inserted.length > 0;
  const snapshotId = created
    ? inserted[0].id
    : ((await manager.query(`SELECT id FROM score_snapshot WHERE submission_id = $1 AND framework_version = $2 AND input_hash = $3`, [
        subject.id,
        score.frameworkStamp,
        score.inputHash,
      ])) as { id: string }[])[0].id;
  if ((options.makeCurrent ?? true) && subject.currentSnapshotId !== snapshotId) {
    // A superseded duplicate keeps its snapshots as history but never becomes current again.
    await manager.query(`UPDATE submission SET current_snapshot_id = $2 WHERE id = $1 AND superseded_by IS NULL`, [subject.id, snapshotId]);
  }
  if (created) {
    if (options.notify) await recordEvent(manager, JobName.SubmissionScored, { submissionId: subject.id, snapshotId });
    await recordAudit(manager, snapshotCreatedAudit(subject, score, snapshotId, options.runId));
  }
  return { snapshotId, created, total: score.total, band: score.band, previous: previous[0] ?? null };
}

export const snapshotBasis = (score: SubmissionScore) => (score.basis === 'VERIFIED' ? ScoreBasis.VERIFIED : ScoreBasis.SELF_ASSESSED);

/** The audit record of a new snapshot, the same whether it was stored alone or with a recalculation's batch. */
export function snapshotCreatedAudit(subject: ScoringSubjectRow, score: SubmissionScore, snapshotId: string, runId?: string): AuditRecord {
  return {
    actor: SYSTEM_ACTOR,
    action: 'score.snapshot_created',
    entityType: 'score_snapshot',
    entityId: snapshotId,
    after: { submissionId: subject.id, frameworkVersion: score.frameworkStamp, basis: score.basis, total: score.total, band: score.band, runId },
    provinceCode: subject.provinceCode,
    regionCode: subject.regionCode,
  };
}
