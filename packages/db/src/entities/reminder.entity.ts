import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { ReportingPeriod } from './reporting-period.entity';
import { UserAccount } from './user-account.entity';

export enum ReminderStatus {
  /** Waiting for its send time (or for a retry after a transient SMTP failure). */
  PLANNED = 'PLANNED',
  /** Leased by a sender that is talking to the SMTP server right now, until `leased_until`. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Not sent, on purpose: the unit completed, it was found too late (past the grace), or there was nothing to report. */
  SKIPPED = 'SKIPPED',
  /** Refused for good (an SMTP 5xx, an invalid address) or given up after the last retry; the reply is kept. */
  FAILED = 'FAILED',
  /** Planned for a deadline that has since changed; a re-plan made its successor. */
  VOID = 'VOID',
}

export enum ReminderKind {
  BEFORE_DEADLINE = 'BEFORE_DEADLINE',
  OVERDUE = 'OVERDUE',
  ESCALATION = 'ESCALATION',
  DIGEST = 'DIGEST',
  DEADLINE_MOVED = 'DEADLINE_MOVED',
}

/**
 * The reminder ledger: one row per (recipient, deadline, slot), unique in the database. The slot is the kind or the
 * offset ("D-14", "D+1", "ESCALATION", "DIGEST:2026-09-07", "MOVED"); the deadline is the period and the instant the
 * reminder was planned against, so a changed deadline plans new rows and voids the old ones instead of colliding.
 */
@Entity({ name: 'reminder' })
@Unique('reminder_recipient_deadline_slot_uq', ['recipientUserId', 'periodId', 'deadlineAt', 'slot'])
@Index('reminder_due_idx', ['sendAt'], { where: `status IN ('PLANNED', 'SENDING')` })
@Index('reminder_period_unit_idx', ['periodId', 'regionCode', 'organisationId'])
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  recipientUserId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipient?: UserAccount;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254 })
  recipientEmail: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ReminderKind;

  /** Up to 64: an escalation or a digest about a ministry or a Biro Hukum names it by id ("DIGEST:<uuid>:2026-09-07"). */
  @Column({ type: 'varchar', length: 64 })
  slot: string;

  @Column({ name: 'deadline_at', type: 'timestamptz' })
  deadlineAt: Date;

  /** The IANA zone the deadline and send time are local to (the unit's, or the period's own). */
  @Column({ name: 'time_zone', type: 'varchar', length: 40 })
  timeZone: string;

  /** Null for a reminder about a province's or a ministry's report or one of its units' inputs. */
  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  /** The unit the reminder is about; null for escalations and digests, which cover a whole regency/city. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'send_at', type: 'timestamptz' })
  sendAt: Date;

  /** After this the reminder is recorded as skipped rather than sent late (send time plus the policy's grace). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 10, default: ReminderStatus.PLANNED })
  status: ReminderStatus;

  /** SMTP attempts of the current generation; a transient failure waits 2^attempts × the base before the next. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'retry_at', type: 'timestamptz', nullable: true })
  retryAt: Date | null;

  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil: Date | null;

  /** Bumped by a manual resend, so the resent mail has its own Message-ID. */
  @Column({ type: 'integer', default: 0 })
  generation: number;

  @Column({ name: 'message_id', type: 'varchar', length: 200, nullable: true })
  messageId: string | null;

  @Column({ name: 'smtp_response', type: 'text', nullable: true })
  smtpResponse: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'skip_reason', type: 'varchar', length: 24, nullable: true })
  skipReason: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
