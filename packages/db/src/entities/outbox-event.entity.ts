import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written in the same transaction as the state change it announces. The relay publishes it to its queue
 * with the row id as the BullMQ job id, so publishing twice (after a crash) adds the job once.
 */
@Entity({ name: 'outbox_event' })
@Index('outbox_event_unpublished_idx', ['createdAt'], { where: 'published_at IS NULL' })
/** The recovery sweeps read the last week's published notice and scoring events every minute. */
@Index('outbox_event_recovery_idx', ['publishedAt'], {
  where: `event IN ('submission.scored', 'submission.check_failed', 'submission.checked', 'submission.verified')`,
})
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  event: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'publish_attempts', type: 'integer', default: 0 })
  publishAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
