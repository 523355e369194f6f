import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ApiConfig } from '@peduli/config';
import type { LoginThrottleScope } from '@peduli/db';
import { isIP } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { API_CONFIG } from '../infrastructure/tokens';

/** One sign-in attempt's standing, counted before its password is checked. */
export interface AttemptStanding {
  /** This attempt's number in the current window of the email and client address pair. */
  pairAttempt: number;
  /** The same across every email tried from the client address. */
  addressAttempt: number;
  /** The same across every client address trying the email. */
  accountAttempt: number;
  /** Seconds left of a lock on the pair or on the address (0: none). */
  pairLockedSeconds: number;
  addressLockedSeconds: number;
}

/** A lock just set: how long it lasts, and whether this call set it (a lock already running is not extended). */
export interface LockOutcome {
  seconds: number;
  newlySet: boolean;
}

/**
 * IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d; one client, one key. Anything that is not an address
 * can only come from an X-Forwarded-For entry trusted by mistake (TRUST_PROXY with more hops than there are proxies):
 * it is kept short so it still fits the key column.
 */
export function normaliseAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  return isIP(address) === 0 ? address.slice(0, 60) : address.toLowerCase();
}

const pairKey = (email: string, address: string) => `${email} ${address}`;

/**
 * The counts behind sign-in slowing, in login_throttle (one row per pair, address and account; see the entity).
 * PostgreSQL rather than Redis: a lock must outlast a Redis restart, and each statement here serialises on its rows,
 * so a burst of concurrent guesses cannot get more attempts past the check than the limit allows.
 */
@Injectable()
export class LoginThrottleStore {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Seconds a row is kept after its window and lock end, so a repeated lock keeps growing during a long attack. */
  private get memorySeconds(): number {
    return this.config.LOGIN_LOCK_MAX_SECONDS;
  }

  /**
   * Counts one attempt for the pair, the address and the account in one statement and returns where each stands.
   * A locked row's counter does not move; a row whose window or whole life has ended starts again at 1.
   */
  async reserve(email: string, address: string): Promise<AttemptStanding> {
    const rows: { scope: LoginThrottleScope; failed_count: number; locked_seconds: number }[] = await this.dataSource.query(
      `INSERT INTO login_throttle AS t (scope, key, failed_count, window_started_at, expires_at)
       VALUES ('pair', $1, 1, now(), now() + make_interval(secs => $4::int + $5::int)),
              ('address', $2, 1, now(), now() + make_interval(secs => $4::int + $5::int)),
              ('account', $3, 1, now(), now() + make_interval(secs => $4::int + $5::int))
       ON CONFLICT (scope, key) DO UPDATE SET
         failed_count = CASE
           WHEN t.expires_at <= now() THEN 1
           WHEN t.locked_until > now() THEN t.failed_count
           WHEN t.window_started_at <= now() - make_interval(secs => $4::int) THEN 1
           ELSE t.failed_count + 1 END,
         window_started_at = CASE
           WHEN t.expires_at <= now() THEN now()
           WHEN t.locked_until > now() THEN t.window_started_at
           WHEN t.window_started_at <= now() - make_interval(secs => $4::int) THEN now()
           ELSE t.window_started_at END,
         lock_count = CASE WHEN t.expires_at <= now() THEN 0 ELSE t.lock_count END,
         locked_until = CASE WHEN t.expires_at <= now() THEN NULL ELSE t.locked_until END,
         expires_at = GREATEST(t.expires_at, now() + make_interval(secs => $4::int + $5::int))
       RETURNING scope, failed_count,
         CASE WHEN locked_until > now() THEN CEIL(EXTRACT(EPOCH FROM locked_until - now()))::int ELSE 0 END AS locked_seconds`,
      [pairKey(email, address), address, email, this.config.LOGIN_WINDOW_SECONDS, this.memorySeconds],
    );
    const of = (scope: LoginThrottleScope) => rows.find((row) => row.scope === scope)!;
    return {
      pairAttempt: of('pair').failed_count,
      addressAttempt: of('address').failed_count,
      accountAttempt: of('account').failed_count,
      pairLockedSeconds: of('pair').locked_seconds,
      addressLockedSeconds: of('address').locked_seconds,
    };
  }

  /**
   * Locks the pair or the address for LOGIN_LOCK_SECONDS, doubled for each lock it had before (up to
   * LOGIN_LOCK_MAX_SECONDS), and starts its count again. A lock already running is left as it is.
   */
  async lock(manager: EntityManager, scope: 'pair' | 'address', email: string, address: string): Promise<LockOutcome> {
    const key = scope === 'pair' ? pairKey(email, address) : address;
    const [rows] = await manager.query(
      `UPDATE login_throttle SET
         locked_until = now() + make_interval(secs => LEAST($3::float8 * power(2, lock_count), $4::float8)),
         lock_count = lock_count + 1,
         failed_count = 0,
         window_started_at = now(),
         expires_at = now() + make_interval(secs => LEAST($3::float8 * power(2, lock_count), $4::float8) + $5::float8 + $4::float8)
       WHERE scope = $1 AND key = $2 AND (locked_until IS NULL OR locked_until <= now())
       RETURNING CEIL(EXTRACT(EPOCH FROM locked_until - now()))::int AS seconds`,
      [scope, key, this.config.LOGIN_LOCK_SECONDS, this.config.LOGIN_LOCK_MAX_SECONDS, this.config.LOGIN_WINDOW_SECONDS],
    );
    if (rows.length > 0) return { seconds: rows[0].seconds, newlySet: true };
    const [running] = await manager.query(
      `SELECT GREATEST(CEIL(EXTRACT(EPOCH FROM locked_until - now()))::int, 1) AS seconds FROM login_throttle WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return { seconds: running?.seconds ?? this.config.LOGIN_LOCK_SECONDS, newlySet: false };
  }

  /**
   * After a right password: the pair's failures are forgiven (unless a lock set meanwhile by a burst is running), and
   * this attempt no longer counts against the address or the account.
   */
  async succeeded(manager: EntityManager, email: string, address: string): Promise<void> {
    await manager.query(
      `DELETE FROM login_throttle WHERE scope = 'pair' AND key = $1 AND (locked_until IS NULL OR locked_until <= now())`,
      [pairKey(email, address)],
    );
    await manager.query(
      `UPDATE login_throttle SET failed_count = GREATEST(failed_count - 1, 0)
        WHERE (scope = 'address' AND key = $1) OR (scope = 'account' AND key = $2)`,
      [address, email],
    );
  }

  /** Deletes rows whose window, lock and memory have all ended; returns how many. */
  async removeExpired(): Promise<number> {
    const [, removed] = await this.dataSource.query(`DELETE FROM login_throttle WHERE expires_at <= now()`);
    return removed as number;
  }
}

/** Deletes expired login_throttle rows every LOGIN_THROTTLE_CLEANUP_INTERVAL_MS, so the table stays small. */
@Injectable()
export class LoginThrottleCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottleCleanup.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: LoginThrottleStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = null));
    }, this.config.LOGIN_THROTTLE_CLEANUP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.store.removeExpired();
      if (removed > 0) this.logger.log({ removed, msg: 'expired login_throttle rows removed' });
    } catch (error) {
      // Every replica sweeps, and the next sweep catches up: a failure here costs nothing but a log line.
      this.logger.warn({ err: error instanceof Error ? error.message : String(error), msg: 'login_throttle cleanup failed' });
    }
  }
}
