import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReportingCycle } from './reporting-cycle.entity';
import { Submission } from './submission.entity';

export type PrintedReportKind = 'KKP_SCORE_REPORT' | 'RANHAM_PERIOD_REPORT' | 'RANHAM_YEAR_SUMMARY' | 'CERTIFICATE';
export type PrintedReportStatus = 'PENDING' | 'READY' | 'FAILED';

/**
 * A printed document (PDF) asked for, made by the report worker and kept in blob storage. The subject says what it
 * is about; the source key identifies the data it is made from (the snapshots, the decree), so asking again with
 * nothing changed finds this row instead of making another.
 */
@Entity({ name: 'printed_report' })
@Unique('printed_report_source_uq', ['subjectKey', 'sourceKey'])
@Index('printed_report_subject_hash_idx', ['subjectKey', 'contentHash'])
@Index('printed_report_region_idx', ['regionCode', 'createdAt'])
@Index('printed_report_organisation_idx', ['organisationId', 'createdAt'])
@Index('printed_report_cycle_idx', ['cycleId', 'kind'])
@Check('printed_report_kind_ck', `"kind" IN ('KKP_SCORE_REPORT', 'RANHAM_PERIOD_REPORT', 'RANHAM_YEAR_SUMMARY', 'CERTIFICATE')`)
@Check('printed_report_status_ck', `"status" IN ('PENDING', 'READY', 'FAILED')`)
@Check(
  'printed_report_ready_ck',
  `"status" <> 'READY' OR ("content_hash" IS NOT NULL AND "storage_key" IS NOT NULL AND "size_bytes" IS NOT NULL AND "ready_at" IS NOT NULL)`,
)
export class PrintedReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_printed_report' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: PrintedReportKind;

  /** What the document is about, e.g. "submission:<id>", "ranham-year:<cycle>:region:64.71", "certificate:<cycle>:64.71". */
  @Column({ name: 'subject_key', type: 'varchar', length: 200 })
  subjectKey: string;

  /** SHA-256 of the identities of the data the document is made from. */
  @Column({ name: 'source_key', type: 'char', length: 64 })
  sourceKey: string;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'FK_printed_report_submission' })
  submission?: Submission;

  @Column({ name: 'cycle_id', type: 'uuid', nullable: true })
  cycleId: string | null;

  @ManyToOne(() => ReportingCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_printed_report_cycle' })
  cycle?: ReportingCycle;

  /** Where the subject sits, for access checks: the same scope as its submissions'. */
  @Column({ name: 'province_code', type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: PrintedReportStatus;

  /** The rendered input's content hash, as stamped on every page. */
  @Column({ name: 'content_hash', type: 'char', length: 64, nullable: true })
  contentHash: string | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 200, nullable: true })
  storageKey: string | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes: number | null;

  /** The download's name, e.g. "Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf". */
  @Column({ name: 'file_name', type: 'varchar', length: 300 })
  fileName: string;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The account that asked; null for certificates made when a decree is recorded. */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt: Date | null;
}
