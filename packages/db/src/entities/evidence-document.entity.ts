import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentCheckReason, DocumentStatus, DocumentType } from '@peduli/domain';
import { Submission } from './submission.entity';

@Entity({ name: 'evidence_document' })
@Index('evidence_document_submission_idx', ['submissionId'])
@Index('evidence_document_owner_idx', ['ownerKey', 'sha256'])
export class EvidenceDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** Whose evidence this is: the reporting unit's id, or `region:<code>` for a regency/city reporting itself. */
  @Column({ name: 'owner_key', type: 'varchar', length: 64, nullable: true })
  ownerKey: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  /** The legal product's number, e.g. "Perwal No. 12 Tahun 2025". */
  @Column({ name: 'legal_number', type: 'varchar', length: 120, nullable: true })
  legalNumber: string | null;

  @Column({ name: 'legal_date', type: 'date', nullable: true })
  legalDate: string | null;

  /** The period the document covers, as written (e.g. "2025", "Januari-April 2025"). */
  @Column({ name: 'period_covered', type: 'varchar', length: 100, nullable: true })
  periodCovered: string | null;

  /** The indicators (or RANHAM actions) this document backs. */
  @Column({ name: 'indicator_codes', type: 'jsonb', default: [] })
  indicatorCodes: string[];

  @Column({ name: 'document_type', type: 'varchar', length: 32 })
  documentType: DocumentType;

  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName: string;

  @Column({ name: 'declared_mime', type: 'varchar', length: 255, nullable: true })
  declaredMime: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ type: 'varchar', length: 16, default: DocumentStatus.QUARANTINED })
  status: DocumentStatus;

  @Column({ name: 'sniffed_mime', type: 'varchar', length: 255, nullable: true })
  sniffedMime: string | null;

  /** Reasons the document was rejected; empty when accepted. */
  @Column({ name: 'check_reasons', type: 'jsonb', default: [] })
  checkReasons: DocumentCheckReason[];

  /** Findings that do not reject the document (e.g. PDF_JAVASCRIPT), for reviewers. */
  @Column({ name: 'check_flags', type: 'jsonb', default: [] })
  checkFlags: DocumentCheckReason[];

  /** Detail per reason or flag where a check gave one (a virus signature, the zip limit exceeded, ...). */
  @Column({ name: 'check_details', type: 'jsonb', default: {} })
  checkDetails: Partial<Record<DocumentCheckReason, string>>;

  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
