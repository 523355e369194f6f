import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Submission } from './submission.entity';

/**
 * The history of the central team's adjustments of one submission: every set and every removal, with its reason and
 * where the value came from. The value in force is also in `submission.adjustments` (what the scorer reads); this
 * table says why it is what it is. Rows are only ever added.
 */
@Entity({ name: 'score_adjustment' })
@Index('score_adjustment_submission_code_idx', ['submissionId', 'code', 'createdAt'])
export class ScoreAdjustmentEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** The adjustment code of the framework's rules, e.g. AKSI_HAM_BONUS. */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  /** Units or points as the rule counts them; null when the adjustment was removed. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  value: number | null;

  @Column({ type: 'text' })
  reason: string;

  /** Where the value came from, e.g. a complaint register or "RANHAM yearly score 2025: 80.5". */
  @Column({ type: 'varchar', length: 500 })
  source: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
