import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserAccount } from './user-account.entity';

export enum AccountTokenPurpose {
  /** A new account's link to set its own password; the account becomes active when it is used. */
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * A single-use token mailed to an account's owner (an invitation or a password reset). Only its SHA-256 hash is
 * stored, and only once the mailer has made the token at send time: the token itself is never written anywhere but
 * into the mail, not even into the outbox that asks for it.
 */
@Entity({ name: 'account_token' })
@Unique('account_token_hash_uq', ['tokenHash'])
@Index('account_token_user_idx', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  @Column({ type: 'varchar', length: 16 })
  purpose: AccountTokenPurpose;

  /** Null until the mail carrying the token is sent; replaced if a failed send is tried again. */
  @Column({ name: 'token_hash', type: 'char', length: 64, nullable: true })
  tokenHash: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Superseded by a newer token of the same purpose, or the account was deactivated. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
