import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { AccountTokenPurpose, accountTokenHash, Actor, ActorType, hashPassword, recordAudit, UserAccount } from '@peduli/db';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import { DataSource, EntityManager } from 'typeorm';
import { tokenHash } from '../auth/secrets';
import { ApiError } from '../common/api-error';

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
  ) {}

  /**
   * Issues a token and asks for its mail, in the caller's transaction; earlier unused tokens of the same purpose stop
   * working, so only the newest link does. Call `mailQueued` after the commit.
   */
  async issueToken(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<string> {
    await manager.query(
      `UPDATE account_token SET revoked_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, purpose],
    );
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO account_token (user_id, purpose, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id`,
      [userId, purpose, TOKEN_LIFETIME_MINUTES[purpose]],
    );
    await recordEvent(manager, JobName.AccountMailRequested, { tokenId: row.id });
    return row.id;
  }

  /** Every unused token of an account stops working (it was deactivated). */
  async revokeTokens(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE account_token SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [userId]);
  }

  mailQueued(): void {
    this.relay.kick();
  }

  async changePassword(
    userId: string,
    body: { currentPassword: string; newPassword: string; refreshToken?: string },
    context: AuditContext,
  ): Promise<void> {
    const user = await this.dataSource.getRepository(UserAccount).findOne({ where: { id: userId } });
    if (!user?.passwordHash || !(await verify(user.passwordHash, body.currentPassword).catch(() => false))) {
      await this.dataSource.transaction((manager) =>
        recordAudit(manager, { ...context, action: 'account.password_change_failed', entityType: 'user_account', entityId: userId, reason: 'wrong current password' }),
      );
      throw ApiError.badRequest('account.currentPasswordWrong');
    }
    const passwordHash = await hashPassword(body.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const [kept]: { family_id: string }[] = body.refreshToken
        ? await manager.query(`SELECT family_id FROM refresh_token WHERE token_hash = $1 AND user_id = $2 AND revoked_at IS NULL`, [
            tokenHash(body.refreshToken),
            userId,
          ])
        : [];
      await manager.update(UserAccount, userId, { passwordHash });
      const [, revoked]: [unknown, number] = await manager.query(
        `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2`,
        [userId, kept?.family_id ?? null],
      );
      // A reset link asked for before the change must not undo it.
      await manager.query(
        `UPDATE account_token SET revoked_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`,
        [userId, AccountTokenPurpose.PASSWORD_RESET],
      );
      await recordAudit(manager, {
        ...context,
        action: 'account.password_changed',
        entityType: 'user_account',
        entityId: userId,
        after: { sessionKept: Boolean(kept), refreshTokensRevoked: revoked },
      });
    });
  }

  /**
   * Asks for a reset mail. Known or not, active or not, the caller learns nothing: the answer is the same, and both
   * paths read the account and write one transaction, so they take about as long.
   */
  async requestPasswordReset(rawEmail: string, requestId: string | null): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    const user = await this.dataSource.getRepository(UserAccount).findOne({ where: { email } });
    let queued = false;
    await this.dataSource.transaction(async (manager) => {
      let reason: string | null = null;
      if (!user) reason = 'unknown email';
      else if (!user.active) reason = 'account deactivated';
      else {
        const [{ recent }]: { recent: number }[] = await manager.query(
          `SELECT count(*)::int AS recent FROM account_token
            WHERE user_id = $1 AND purpose = $2 AND created_at > now() - make_interval(mins => $3)`,
          [user.id, AccountTokenPurpose.PASSWORD_RESET, TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.PASSWORD_RESET]],
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
      const [user] = await manager.query(`SELECT active FROM user_account WHERE id = $1`, [userId]);
      if (!user?.active) throw ApiError.badRequest('account.tokenInvalid');
      await manager.update(UserAccount, userId, { passwordHash });
      const [, revoked]: [unknown, number] = await manager.query(
        `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      );
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
      const [rows]: [{ email: string }[], number] = await manager.query(
        `UPDATE user_account SET password_hash = $2, active = true, updated_at = now() WHERE id = $1 AND password_hash IS NULL RETURNING email`,
        [userId, passwordHash],
      );
      if (!rows[0]) throw ApiError.badRequest('account.tokenInvalid');
      await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      await recordAudit(manager, {
        actor: { type: ActorType.USER, id: userId },
        action: 'account.invitation_accepted',
        entityType: 'user_account',
        entityId: userId,
        before: { active: false },
        after: { active: true },
        requestId,
      });
      return { email: rows[0].email };
    });
  }

  /** Marks a usable token used, once: of two concurrent uses only one succeeds. Any other case is one answer. */
  private async consume(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string> {
    const [rows]: [{ user_id: string }[], number] = await manager.query(
      `UPDATE account_token SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [accountTokenHash(token), purpose],
    );
    if (!rows[0]) throw ApiError.badRequest('account.tokenInvalid');
    return rows[0].user_id;
  }
}
