import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { verify } from '@node-rs/argon2';
import type { ApiConfig } from '@peduli/config';
import { ActorType, hashPassword, recordAudit } from '@peduli/db';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error';
import { API_CONFIG } from '../infrastructure/tokens';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './authentication.service';
import { LockOutcome, LoginThrottleStore, normaliseAddress } from './login-throttle';
import { UsersRepository } from '../users/users.repository';
import { newOpaqueToken, REFRESH_TOKEN_PREFIX, tokenHash } from './secrets';
import { SessionsRepository } from './sessions.repository';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
}

const ANONYMOUS = { type: ActorType.ANONYMOUS, id: null };

/** A sign-in refused before its password was checked; the caller tells the client when to try again. */
export class SignInThrottledError extends ApiError {
  constructor(
    key: 'auth.locked' | 'auth.rateLimited',
    readonly retryAfterSeconds: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, key, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}

/** The first wait once an email is being slowed; it doubles with each further failure, up to the configured most. */
const ACCOUNT_DELAY_START_MS = 250;

/**
 * Sign-in, refresh and sign-out. Failed sign-ins are slowed as OWASP advises against guessing and credential
 * stuffing, without handing anyone a way to lock an account's owner out:
 * - per email and client address: after LOGIN_MAX_FAILURES that pair is locked, for longer at each further lock;
 * - per client address, whatever the email: locked the same way after LOGIN_ADDRESS_MAX_FAILURES;
 * - per email, from every address: after LOGIN_ACCOUNT_SLOW_AFTER each attempt waits a growing delay, but is never
 *   refused, so the owner signing in from their own address still gets in while an attack runs elsewhere.
 * Emails are counted whether or not an account exists, and unknown emails are checked against a dummy hash, so neither
 * the answer, its timing nor the slowing tells whether an address has an account.
 */
@Injectable()
export class SignInService {
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleStore,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async signIn(rawEmail: string, password: string, clientAddress: string | undefined, requestId: string | null): Promise<TokenPair> {
    const email = rawEmail.trim().toLowerCase();
    const address = normaliseAddress(clientAddress);
    // Every attempt is counted before the password is checked, in one statement that Postgres serialises per row: a
    // burst of concurrent guesses cannot get more than the limits' worth of them past this point.
    const standing = await this.throttle.reserve(email, address);
    if (standing.addressLockedSeconds > 0) throw new SignInThrottledError('auth.rateLimited', standing.addressLockedSeconds);
    if (standing.pairLockedSeconds > 0) throw new SignInThrottledError('auth.locked', standing.pairLockedSeconds);
    if (standing.addressAttempt > this.config.LOGIN_ADDRESS_MAX_FAILURES) {
      const lock = await this.lock('address', email, address, requestId, 'too many attempts from this address in the window');
      throw new SignInThrottledError('auth.rateLimited', lock.seconds);
    }
    if (standing.pairAttempt > this.config.LOGIN_MAX_FAILURES) {
      const lock = await this.lock('pair', email, address, requestId, 'too many attempts in the window');
      throw new SignInThrottledError('auth.locked', lock.seconds);
    }
    const delay = this.accountDelayMs(standing.accountAttempt);
    if (delay > 0) await setTimeout(delay);

    const user = await this.users.findByEmail(email);
    const passwordMatches = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !passwordMatches || !user.active) {
      const reason = !user ? 'unknown email' : !user.active ? 'account deactivated' : 'wrong password';
      if (standing.pairAttempt >= this.config.LOGIN_MAX_FAILURES) {
        await this.lock('pair', email, address, requestId, reason, user?.id ?? null);
      } else if (standing.addressAttempt >= this.config.LOGIN_ADDRESS_MAX_FAILURES) {
        await this.lock('address', email, address, requestId, reason, user?.id ?? null);
      } else {
        await this.dataSource.transaction((manager) =>
          recordAudit(manager, {
            actor: ANONYMOUS,
            action: 'auth.login_failed',
            entityType: 'user_account',
            entityId: user?.id ?? null,
            after: { email, address },
            reason,
            requestId,
          }),
        );
      }
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.badCredentials');
    }

    return this.dataSource.transaction(async (manager) => {
      await this.throttle.succeeded(manager, email, address);
      await this.users.update(manager, user.id, { lastLoginAt: new Date() });
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

  /** The wait before checking a password for an email failed this many times from all addresses in the window. */
  accountDelayMs(accountAttempt: number): number {
    const over = accountAttempt - this.config.LOGIN_ACCOUNT_SLOW_AFTER;
    if (over <= 0) return 0;
    return Math.min(this.config.LOGIN_ACCOUNT_MAX_DELAY_MS, ACCOUNT_DELAY_START_MS * 2 ** Math.min(over - 1, 20));
  }

  async refresh(refreshToken: string, requestId: string | null): Promise<TokenPair> {
    const row = await this.sessions.findByHash(tokenHash(refreshToken));
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.refreshInvalid');
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (!(await this.sessions.markUsed(manager, row.id))) {
        await this.sessions.revokeFamily(manager, row.familyId);
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
      const user = await this.users.findById(row.userId, manager);
      if (!user?.active) return 'inactive' as const;
      return this.issue(manager, row.userId, row.familyId);
    });
    if (outcome === null) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.refreshReused');
    if (outcome === 'inactive') throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.inactive');
    return outcome;
  }

  async signOut(refreshToken: string, requestId: string | null): Promise<void> {
    const row = await this.sessions.findByHash(tokenHash(refreshToken));
    if (!row || row.revokedAt) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.refreshInvalid');
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeFamily(manager, row.familyId);
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
    await this.sessions.insert(manager, {
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

  /** Locks the pair or the address and audits it (once: a lock already running is neither extended nor audited). */
  private async lock(
    scope: 'pair' | 'address',
    email: string,
    address: string,
    requestId: string | null,
    reason: string,
    userId: string | null = null,
  ): Promise<LockOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const outcome = await this.throttle.lock(manager, scope, email, address);
      if (outcome.newlySet) {
        await recordAudit(manager, {
          actor: ANONYMOUS,
          action: 'auth.locked',
          entityType: 'user_account',
          entityId: scope === 'pair' ? userId : null,
          after: scope === 'pair' ? { scope, email, address, seconds: outcome.seconds } : { scope, address, seconds: outcome.seconds },
          reason,
          requestId,
        });
      }
      return outcome;
    });
  }
}
