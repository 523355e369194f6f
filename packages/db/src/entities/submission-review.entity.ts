import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Answers, ReturnReason, ReturnTarget, ReviewStage } from '@peduli/domain';
import { Submission } from './submission.entity';

export enum ReviewDecision {
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
  VERIFIED = 'VERIFIED',
}

/** One reviewer's decision on a submission at one stage; the history a unit sees when its report comes back. */
@Entity({ name: 'submission_review' })
@Index('submission_review_submission_idx', ['submissionId', 'createdAt'])
@Check('submission_review_return_to_ck', `(decision = 'RETURNED') = (return_to IS NOT NULL)`)
export class SubmissionReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** Which submission of the unit was reviewed (it may be submitted again after a return). */
  @Column({ name: 'submit_count', type: 'integer' })
  submitCount: number;

  @Column({ type: 'varchar', length: 16 })
  stage: ReviewStage;

  @Column({ type: 'varchar', length: 16 })
  decision: ReviewDecision;

  /** Return reasons, each optionally naming the indicator (or action) it is about. */
  @Column({ type: 'jsonb', default: [] })
  reasons: { code: ReturnReason; indicatorCode?: string }[];

  /** A return's target: the reporter (status RETURNED) or, from the centre, the Kanwil (back to its stage). */
  @Column({ name: 'return_to', type: 'varchar', length: 16, nullable: true })
  returnTo: ReturnTarget | null;

  /** The verified values a verifying stage set with its approval: the Kanwil's proposal, or the centre's final set. */
  @Column({ name: 'verified_answers', type: 'jsonb', nullable: true })
  verifiedAnswers: Answers | null;

  /** The rejections a verifying stage set with its approval, as `verifiedAnswers`. */
  @Column({ type: 'jsonb', nullable: true })
  rejections: Record<string, ReturnReason> | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
