import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts a hit and, past the limit, starts a block, in one step (a script runs atomically in Redis). Returns
 * [hits, ms until the window ends, blocked 0/1, ms until the block ends]. Hits are not counted while blocked, and a
 * block starts a fresh window, as in the throttler's in-memory storage.
 */
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockLeft}
end
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}
`;

/** How often, at most, a Redis failure is logged: under a flood every request would log it. */
const FAILURE_LOG_INTERVAL_MS = 30_000;

/**
 * Rate-limit counts in Redis, so that every API replica counts against the same limit (in memory, each pod had its
 * own). Uses the API's Redis connection, which fails fast while Redis is down (no offline queue): then the limit is
 * not applied (fail open) and a warning is logged, because refusing every sign-in during a Redis outage would be a worse
 * outage than unthrottled sign-in, which still has the per-account and per-address slowing kept in PostgreSQL.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('ThrottlerStorage');
  private lastFailureLoggedAt = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    // The braces keep a key's two entries in one Redis Cluster slot, which a script touching both needs.
    const base = `${this.prefix}:throttle:${throttlerName}:{${key}}`;
    try {
      const [hits, left, blocked, blockLeft] = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration)) as number[];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(left / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeft / 1000),
      };
    } catch (error) {
      const now = Date.now();
      if (now - this.lastFailureLoggedAt >= FAILURE_LOG_INTERVAL_MS) {
        this.lastFailureLoggedAt = now;
        this.logger.warn({ err: error instanceof Error ? error.message : String(error), msg: 'rate limit not applied: Redis is unavailable' });
      }
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
