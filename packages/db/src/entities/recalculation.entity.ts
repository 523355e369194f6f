import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FrameworkVersionRecord } from './framework-version.entity';
import { ReportingCycle } from './reporting-cycle.entity';
import { Submission } from './submission.entity';

export enum RecalculationStatus {
  /** Waiting for the scoring worker to list the subjects and fan out. */
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  FINISHED = 'FINISHED',
}

export enum RecalculationItemStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** Rescoring every submission of a cycle under a (new) framework version. Old snapshots stay. */
@Entity({ name: 'recalculation_run' })
@Index('recalculation_run_cycle_idx', ['cycleId', 'createdAt'])
export class RecalculationRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @Column({ name: 'framework_version_id', type: 'uuid' })
  frameworkVersionId: string;

  @ManyToOne(() => FrameworkVersionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_version_id' })
  frameworkVersion?: FrameworkVersionRecord;

  @Column({ name: 'previous_framework_version_id', type: 'uuid', nullable: true })
  previousFrameworkVersionId: string | null;

  /** Why the run started, e.g. VERSION_SWITCHED or VERSION_PUBLISHED. */
  @Column({ type: 'varchar', length: 32 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: RecalculationStatus.PLANNED })
  status: RecalculationStatus;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  done: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One subject (a submission of a region or unit) of a run: scored exactly once, with its band before and after. */
@Entity({ name: 'recalculation_item' })
@Index('recalculation_item_run_status_idx', ['runId', 'status'])
export class RecalculationItem {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @ManyToOne(() => RecalculationRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: RecalculationRun;

  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'varchar', length: 16, default: RecalculationItemStatus.PENDING })
  status: RecalculationItemStatus;

  @Column({ name: 'snapshot_id', type: 'uuid', nullable: true })
  snapshotId: string | null;

  @Column({ name: 'from_band', type: 'varchar', length: 32, nullable: true })
  fromBand: string | null;

  @Column({ name: 'to_band', type: 'varchar', length: 32, nullable: true })
  toBand: string | null;

  @Column({ name: 'from_total', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  fromTotal: number | null;

  @Column({ name: 'to_total', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  toTotal: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
