import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed logins per email address, known or not, so that lockout behaves the same for addresses that have no account
 * (no user enumeration through lockout messages).
 */
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'failed_count', type: 'integer', default: 0 })
  failedCount: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
