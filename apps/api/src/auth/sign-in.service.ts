import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { verify } from '@node-rs/argon2';
import type { ApiConfig } from '@peduli/config';
import { ActorType, hashPassword, recordAudit, RefreshToken, UserAccount } from '@peduli/db';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error';
import { API_CONFIG } from '../infrastructure/tokens';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './authentication.service';
import { newOpaqueToken, REFRESH_TOKEN_PREFIX, tokenHash } from './secrets';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
}

const ANONYMOUS = { type: ActorType.ANONYMOUS, id: null };

/**
 * Sign-in, refresh and sign-out. Failed attempts are counted per email address, whether or not an account exists,
 * and unknown addresses are checked against a dummy hash, so neither the answer, its timing nor the lockout tells
 * whether an address has an account.
 */
@Injectable()
export class SignInService {
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async signIn(rawEmail: string, password: string, requestId: string | null): Promise<TokenPair> {
    const email = rawEmail.trim().toLowerCase();
    // Every attempt is counted before the password is checked, in one statement that Postgres serialises per email:
    // a burst of concurrent guesses cannot get more than LOGIN_MAX_FAILURES of them past this point.
    const attempt = await this.reserveAttempt(email);
    if (attempt.lockedMinutes > 0) throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'auth.locked', { minutes: attempt.lockedMinutes });
    if (attempt.number > this.config.LOGIN_MAX_FAILURES) {
      await this.lock(email, requestId, 'too many attempts in the window');
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'auth.locked', { minutes: this.config.LOGIN_LOCKOUT_MINUTES });
    }

    const user = await this.dataSource.getRepository(UserAccount).findOne({ where: { email } });
    const passwordMatches = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !passwordMatches || !user.active) {
      const reason = !user ? 'unknown email' : !user.active ? 'account deactivated' : 'wrong password';
      if (attempt.number >= this.config.LOGIN_MAX_FAILURES) {
        await this.lock(email, requestId, reason, user?.id ?? null);
      } else {
        await this.dataSource.transaction((manager) =>
          recordAudit(manager, {
            actor: ANONYMOUS,
            action: 'auth.login_failed',
            entityType: 'user_account',
            entityId: user?.id ?? null,
            after: { email },
            reason,
            requestId,
          }),
        );
      }
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.badCredentials');
    }

    return this.dataSource.transaction(async (manager) => {
      // A lock set meanwhile by other attempts in a burst stays: success clears only an unlocked counter.
      await manager.query(`DELETE FROM login_throttle WHERE email = $1 AND (locked_until IS NULL OR locked_until <= now())`, [email]);
      await manager.update(UserAccount, user.id, { lastLoginAt: new Date() });
      await recordAudit(manager, {
        actor: { type: ActorType.USER, id: user.id },
        action: 'auth.login',
        entityType: 'user_account',
        entityId: user.id,
        requestId,
      });
      return this.issue(manager, user.id, randomUUID());
    });
  }

  async refresh(refreshToken: string, requestId: string | null): Promise<TokenPair> {
    const row = await this.dataSource.getRepository(RefreshToken).findOne({ where: { tokenHash: tokenHash(refreshToken) } });
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.refreshInvalid');
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      // Conditional: of two concurrent uses of one token, only one can mark it used.
      const [, marked] = await manager.query(
        `UPDATE refresh_token SET used_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
        [row.id],
      );
      if (marked === 0) {
        await this.revokeFamily(manager, row.familyId);
        await recordAudit(manager, {
          actor: { type: ActorType.USER, id: row.userId },
          action: 'auth.refresh_reused',
          entityType: 'refresh_token_family',
          entityId: row.familyId,
          reason: 'a refresh token was presented after it had been used: the family is revoked',
          requestId,
        });
        return null;
      }
      const user = await manager.getRepository(UserAccount).findOne({ where: { id: row.userId } });
      if (!user?.active) return 'inactive' as const;
      return this.issue(manager, row.userId, row.familyId);
    });
    if (outcome === null) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.refreshReused');
    if (outcome === 'inactive') throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.inactive');
    return outcome;
  }

  async signOut(refreshToken: string, requestId: string | null): Promise<void> {
    const row = await this.dataSource.getRepository(RefreshToken).findOne({ where: { tokenHash: tokenHash(refreshToken) } });
    if (!row || row.revokedAt) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.refreshInvalid');
    await this.dataSource.transaction(async (manager) => {
      await this.revokeFamily(manager, row.familyId);
      await recordAudit(manager, {
        actor: { type: ActorType.USER, id: row.userId },
        action: 'auth.logout',
        entityType: 'refresh_token_family',
        entityId: row.familyId,
        requestId,
      });
    });
  }

  private async issue(manager: EntityManager, userId: string, familyId: string): Promise<TokenPair> {
    const refreshToken = newOpaqueToken(REFRESH_TOKEN_PREFIX);
    await manager.insert(RefreshToken, {
      userId,
      familyId,
      tokenHash: tokenHash(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const accessToken = await this.jwt.signAsync(
      { typ: 'access' },
      {
        subject: userId,
        algorithm: JWT_ALGORITHM,
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
        jwtid: randomUUID(),
      },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, refreshToken };
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /**
   * Counts one attempt for an email address within the window and returns its number, or the minutes left when the
   * address is locked (a locked address's counter does not move).
   */
  private async reserveAttempt(email: string): Promise<{ number: number; lockedMinutes: number }> {
    const [row] = await this.dataSource.query(
      `INSERT INTO login_throttle (email, failed_count, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (email) DO UPDATE SET
         failed_count = CASE
           WHEN login_throttle.locked_until > now() THEN login_throttle.failed_count
           WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN 1
           ELSE login_throttle.failed_count + 1 END,
         window_started_at = CASE
           WHEN login_throttle.locked_until > now() THEN login_throttle.window_started_at
           WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN now()
           ELSE login_throttle.window_started_at END
       RETURNING failed_count,
         CASE WHEN locked_until > now() THEN CEIL(EXTRACT(EPOCH FROM locked_until - now()) / 60)::int ELSE 0 END AS locked_minutes`,
      [email, this.config.LOGIN_LOCKOUT_MINUTES],
    );
    return { number: row.failed_count, lockedMinutes: row.locked_minutes };
  }

  /** Locks an address for LOGIN_LOCKOUT_MINUTES (once: a lock already running is not extended) and audits it. */
  private async lock(email: string, requestId: string | null, reason: string, userId: string | null = null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, locked] = await manager.query(
        `UPDATE login_throttle SET locked_until = now() + make_interval(mins => $2), failed_count = 0, window_started_at = now()
          WHERE email = $1 AND (locked_until IS NULL OR locked_until <= now())`,
        [email, this.config.LOGIN_LOCKOUT_MINUTES],
      );
      if (locked === 0) return;
      await recordAudit(manager, { actor: ANONYMOUS, action: 'auth.locked', entityType: 'user_account', entityId: userId, after: { email }, reason, requestId });
    });
  }
}
