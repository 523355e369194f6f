import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkVersionRecord } from './framework-version.entity';
import { Submission } from './submission.entity';

export enum ScoreBasis {
  SELF_ASSESSED = 'SELF_ASSESSED',
  VERIFIED = 'VERIFIED',
}

/** An immutable score: the same inputs under the same framework version never produce a second row. */
@Entity({ name: 'score_snapshot' })
@Unique('score_snapshot_inputs_uq', ['submissionId', 'frameworkVersion', 'inputHash'])
@Index('score_snapshot_region_period_idx', ['regionCode', 'periodKey'])
@Index('score_snapshot_submission_idx', ['submissionId', 'createdAt'])
export class ScoreSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** The report's regency/city; null for a province's or a ministry's report. */
  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  /** The report's province; null for a ministry's (K/L) report. */
  @Column({ name: 'province_code', type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @Column({ name: 'period_key', type: 'varchar', length: 24 })
  periodKey: string;

  /** The version's stamp, "<framework code>@<version>"; part of the snapshot's identity. */
  @Column({ name: 'framework_version', type: 'varchar', length: 80 })
  frameworkVersion: string;

  @Column({ name: 'framework_version_id', type: 'uuid', nullable: true })
  frameworkVersionId: string | null;

  @ManyToOne(() => FrameworkVersionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_version_id' })
  frameworkVersionRecord?: FrameworkVersionRecord;

  /** The reporting unit, when a unit (not the whole regency/city) reported. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  /** The recalculation run that created this snapshot, if any. */
  @Column({ name: 'recalculation_run_id', type: 'uuid', nullable: true })
  recalculationRunId: string | null;

  @Column({ type: 'varchar', length: 16 })
  basis: ScoreBasis;

  @Column({ name: 'input_hash', type: 'char', length: 64 })
  inputHash: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  total: number;

  @Column({ type: 'varchar', length: 32 })
  band: string;

  @Column({ type: 'jsonb' })
  breakdown: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
