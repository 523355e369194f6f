import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Answers, Programme, ReviewStage, SubmissionStatus } from '@peduli/domain';
import { Organisation } from './organisation.entity';
import { Region } from './region.entity';

@Entity({ name: 'submission' })
@Index('submission_region_period_idx', ['regionCode', 'programme', 'periodKey'])
@Index('submission_status_idx', ['status'])
/** One current regency/city-level KKP HAM submission per regency/city and year: the one scored and counted. */
@Index('submission_kkp_region_current_uq', ['regionCode', 'programme', 'periodKey'], {
  unique: true,
  where: `programme = 'KKP_HAM' AND organisation_id IS NULL AND superseded_by IS NULL`,
})
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  /** The reporting unit, when a unit (not the whole regency/city) reports. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 16 })
  programme: Programme;

  /** e.g. "2026-B08" (RANHAM) or "2026-TAHUNAN" (KKP HAM award year). */
  @Column({ name: 'period_key', type: 'varchar', length: 24 })
  periodKey: string;

  @Column({ type: 'varchar', length: 16, default: SubmissionStatus.DRAFT })
  status: SubmissionStatus;

  /** Self-assessed answers keyed by indicator code. */
  @Column({ type: 'jsonb', default: {} })
  answers: Answers;

  /** While IN_REVIEW: whose turn it is (unit head, coordinator, Kanwil). */
  @Column({ name: 'review_stage', type: 'varchar', length: 16, nullable: true })
  reviewStage: ReviewStage | null;

  /** Values a reviewer set where they differ from the unit's own; both are kept, the verified one counts. */
  @Column({ name: 'verified_answers', type: 'jsonb', default: {} })
  verifiedAnswers: Answers;

  /** Indicators (or RANHAM actions) a reviewer rejected, with the reason code: they score 0. */
  @Column({ type: 'jsonb', default: {} })
  rejections: Record<string, string>;

  /** The central team's adjustments (adjustment code to units or points), per the framework's rules. */
  @Column({ type: 'jsonb', default: {} })
  adjustments: Record<string, number>;

  /** The snapshot that is this submission's score now (the latest under the cycle's current version). */
  @Column({ name: 'current_snapshot_id', type: 'uuid', nullable: true })
  currentSnapshotId: string | null;

  /** Where notices about this submission go until accounts own submissions. */
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Problems of the submission as a whole found by the document check (e.g. an indicator without its evidence). */
  @Column({ name: 'check_problems', type: 'jsonb', default: [] })
  checkProblems: { code: string; indicatorCode?: string; message: { id: string; en: string } }[];

  /** Submitted after the unit's deadline (by server time), within an extension. */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  /** A duplicate settled when uniqueness came in: the submission current in its place. It no longer counts as current. */
  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy: string | null;

  @Column({ name: 'submit_count', type: 'integer', default: 0 })
  submitCount: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
