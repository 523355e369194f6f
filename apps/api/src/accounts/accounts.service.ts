import { HttpStatus, Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { AccountTokenPurpose, accountTokenHash, Actor, ActorType, hashPassword, recordAudit } from '@peduli/db';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { tokenHash } from '../auth/secrets';
import { SessionsRepository } from '../auth/sessions.repository';
import { ApiError } from '../common/api-error';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';

/** How long a mailed link works. */
export const TOKEN_LIFETIME_MINUTES: Readonly<Record<AccountTokenPurpose, number>> = {
  [AccountTokenPurpose.INVITATION]: 7 * 24 * 60,
  [AccountTokenPurpose.PASSWORD_RESET]: 30,
};
/** Reset mails per account within one token lifetime; more requests are answered alike but send nothing. */
const RESETS_PER_LIFETIME = 3;

const ANONYMOUS: Actor = { type: ActorType.ANONYMOUS, id: null };

interface AuditContext {
  actor: Actor;
  requestId: string | null;
}

/**
 * The account owner's own operations: changing a password, resetting a forgotten one by email, accepting an
 * invitation. Tokens are single use, stored as hashes, and mailed by the reminder worker through the email ledger.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: AccountTokensRepository,
  ) {}

  /**
   * Issues a token and asks for its mail, in the caller's transaction; earlier unused tokens of the same purpose stop
   * working, so only the newest link does. Call `mailQueued` after the commit.
   */
  async issueToken(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<string> {
    await this.tokens.revokeUnused(manager, userId, purpose);
    const id = await this.tokens.insert(manager, userId, purpose, TOKEN_LIFETIME_MINUTES[purpose]);
    await recordEvent(manager, JobName.AccountMailRequested, { tokenId: id });
    return id;
  }

  /** Every unused token of an account stops working (it was deactivated). */
  async revokeTokens(manager: EntityManager, userId: string): Promise<void> {
    await this.tokens.revokeUnused(manager, userId);
  }

  /** Every session of an account ends (it was deactivated). */
  async endSessions(manager: EntityManager, userId: string): Promise<void> {
    await this.sessions.revokeAllOf(manager, userId);
  }

  mailQueued(): void {
    this.relay.kick();
  }

  async changePassword(
    principal: Principal,
    body: { currentPassword: string; newPassword: string; refreshToken?: string },
    context: AuditContext,
  ): Promise<void> {
    if (!principal.userId) throw new ApiError(HttpStatus.FORBIDDEN, 'account.userOnly');
    const userId = principal.userId;
    const user = await this.users.findById(userId);
    if (!user?.passwordHash || !(await verify(user.passwordHash, body.currentPassword).catch(() => false))) {
      await this.dataSource.transaction((manager) =>
        recordAudit(manager, { ...context, action: 'account.password_change_failed', entityType: 'user_account', entityId: userId, reason: 'wrong current password' }),
      );
      throw ApiError.badRequest('account.currentPasswordWrong');
    }
    const passwordHash = await hashPassword(body.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const kept = body.refreshToken ? await this.sessions.liveFamilyOf(manager, tokenHash(body.refreshToken), userId) : null;
      await this.users.update(manager, userId, { passwordHash });
      const revoked = await this.sessions.revokeAllOf(manager, userId, kept);
      // A reset link asked for before the change must not undo it.
      await this.tokens.revokeUnused(manager, userId, AccountTokenPurpose.PASSWORD_RESET);
      await recordAudit(manager, {
        ...context,
        action: 'account.password_changed',
        entityType: 'user_account',
        entityId: userId,
        after: { sessionKept: kept !== null, refreshTokensRevoked: revoked },
      });
    });
  }

  /**
   * Asks for a reset mail. Known or not, active or not, the caller learns nothing: the answer is the same, and both
   * paths read the account and write one transaction, so they take about as long.
   */
  async requestPasswordReset(rawEmail: string, requestId: string | null): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    const user = await this.users.findByEmail(email);
    let queued = false;
    await this.dataSource.transaction(async (manager) => {
      let reason: string | null = null;
      if (!user) reason = 'unknown email';
      else if (!user.active) reason = 'account deactivated';
      else {
        const recent = await this.tokens.countRecent(
          manager,
          user.id,
          AccountTokenPurpose.PASSWORD_RESET,
          TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.PASSWORD_RESET],
        );
        if (recent >= RESETS_PER_LIFETIME) reason = 'too many reset requests for this account';
      }
      if (user && !reason) {
        await this.issueToken(manager, user.id, AccountTokenPurpose.PASSWORD_RESET);
        queued = true;
      }
      await recordAudit(manager, {
        actor: ANONYMOUS,
        action: reason ? 'account.password_reset_refused' : 'account.password_reset_requested',
        entityType: 'user_account',
        entityId: user?.id ?? null,
        after: { email },
        reason,
        requestId,
      });
    });
    if (queued) this.mailQueued();
  }

  async confirmPasswordReset(token: string, password: string, requestId: string | null): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.consume(manager, token, AccountTokenPurpose.PASSWORD_RESET);
      if (!(await this.users.isActive(manager, userId))) throw ApiError.badRequest('account.tokenInvalid');
      await this.users.update(manager, userId, { passwordHash });
      const revoked = await this.sessions.revokeAllOf(manager, userId);
      await recordAudit(manager, {
        actor: { type: ActorType.USER, id: userId },
        action: 'account.password_reset',
        entityType: 'user_account',
        entityId: userId,
        after: { refreshTokensRevoked: revoked },
        requestId,
      });
    });
  }

  async acceptInvitation(token: string, password: string, requestId: string | null): Promise<{ email: string }> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.consume(manager, token, AccountTokenPurpose.INVITATION);
      // Only an account still waiting for its first password: an invitation never replaces a password already set.
      const email = await this.users.setFirstPassword(manager, userId, passwordHash);
      if (!email) throw ApiError.badRequest('account.tokenInvalid');
      await this.sessions.revokeAllOf(manager, userId);
      await recordAudit(manager, {
        actor: { type: ActorType.USER, id: userId },
        action: 'account.invitation_accepted',
        entityType: 'user_account',
        entityId: userId,
        before: { active: false },
        after: { active: true },
        requestId,
      });
      return { email };
    });
  }

  /** Marks a usable token used, once: of two concurrent uses only one succeeds. Any other case is one answer. */
  private async consume(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string> {
    const userId = await this.tokens.consume(manager, accountTokenHash(token), purpose);
    if (!userId) throw ApiError.badRequest('account.tokenInvalid');
    return userId;
  }
}
