import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a login_throttle row counts failed sign-ins of. */
export type LoginThrottleScope = 'pair' | 'address' | 'account';

/**
 * Failed sign-ins counted three ways (OWASP's credential-stuffing advice): per email address and client address
 * (`pair`, locked after a few), per client address across emails (`address`, locked after many), and per email address
 * across client addresses (`account`, only ever slowed, so an attack from elsewhere cannot lock the owner out). Email
 * addresses are counted whether or not an account exists, so the answers tell nothing about which addresses have one.
 */
@Entity({ name: 'login_throttle' })
@Index('login_throttle_expires_idx', ['expiresAt'])
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  scope: LoginThrottleScope;

  /** `email` for account, `address` for address, `email address` for pair (an email has no spaces). */
  @PrimaryColumn({ type: 'varchar', length: 320 })
  key: string;

  @Column({ name: 'failed_count', type: 'integer', default: 0 })
  failedCount: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Locks so far: each lasts twice as long as the one before, until the row expires after a quiet period. */
  @Column({ name: 'lock_count', type: 'integer', default: 0 })
  lockCount: number;

  /** When the row stops mattering (window and lock over, plus a memory of past locks); deleted after that. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
