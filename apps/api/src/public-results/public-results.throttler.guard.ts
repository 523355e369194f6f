import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';

/** Requests a client address may make to the public results per minute; answers are cacheable, so few need more. */
export const PUBLIC_RATE_LIMIT_PER_MINUTE = 120;
const WINDOW_MS = 60_000;

/**
 * The public results' rate limit, per client address across all their endpoints, counted in the same Redis storage as
 * the sign-in limit (so every API replica shares it) under a throttler name of its own.
 */
@Injectable()
export class PublicResultsThrottlerGuard extends ThrottlerGuard {
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = [{ name: 'public', ttl: WINDOW_MS, limit: PUBLIC_RATE_LIMIT_PER_MINUTE }];
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return `address:${(request as unknown as Request).ip ?? 'unknown'}`;
  }

  /** One count per address for every public endpoint, not one per handler. */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(detail.timeToBlockExpire));
    response.setHeader('Cache-Control', 'no-store');
    throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'publicResults.rateLimited', { seconds: detail.timeToBlockExpire });
  }
}
