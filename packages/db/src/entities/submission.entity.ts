import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, VirtualColumn } from 'typeorm';
import { Answers, Programme, ReviewStage, SubmissionStatus } from '@peduli/domain';
import { Organisation } from './organisation.entity';
import { Province } from './province.entity';
import { Region } from './region.entity';

@Entity({ name: 'submission' })
@Index('submission_region_period_idx', ['regionCode', 'programme', 'periodKey'])
@Index('submission_status_idx', ['status'])
/** One current regency/city-level KKP HAM submission per regency/city and year: the one scored and counted. */
@Index('submission_kkp_region_current_uq', ['regionCode', 'programme', 'periodKey'], {
  unique: true,
  where: `programme = 'KKP_HAM' AND organisation_id IS NULL AND superseded_by IS NULL`,
})
/**
 * One current RANHAM report per reporter and period: a regency/city by its region (whether filed as the region or by
 * its Bagian Hukum), a province by its Biro Hukum, a ministry as itself. An expression index written in the migration.
 */
@Index('submission_ranham_reporter_current_uq', { synchronize: false })
@Index('submission_province_period_idx', ['provinceCode', 'programme', 'periodKey'])
// A regency/city's report lies in its province; a K/L report has neither.
@Check('submission_place_ck', `region_code IS NULL OR province_code = left(region_code, 2)`)
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The regency/city of the report; null for a province's and a ministry's (K/L) reports and their units' inputs. */
  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  /** The province of a province's or a regency/city's report (its Kanwil verifies it); null for K/L reports. */
  @Column({ name: 'province_code', type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @ManyToOne(() => Province, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: Province;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  /** The reporting unit, when a unit (not the whole regency/city) reports. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /**
   * A reporter's own report (compiled, reviewed up to the centre, scored) rather than a unit's input (which ends with
   * its coordinator's approval): `isReporterOwnReport` of the submitting organisation's kind, fixed at creation.
   */
  @Column({ name: 'own_report', type: 'boolean', default: false })
  ownReport: boolean;

  /** The reporting organisation the unit belongs to (its parent), read with the submission for scope checks. */
  @VirtualColumn({ type: 'uuid', query: (alias) => `SELECT parent_id FROM organisation WHERE id = ${alias}.organisation_id` })
  parentOrganisationId?: string | null;

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
