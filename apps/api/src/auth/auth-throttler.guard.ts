import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { refreshCookieOf } from './refresh-cookie';
import { REFRESH_TOKEN_PREFIX, tokenHash } from './secrets';

/**
 * The sign-in endpoints' rate limit, per client address, except for a request carrying a live refresh token: that one
 * counts against its own session family. Otherwise anyone sending junk from the same address (everyone behind one
 * NAT or a misconfigured proxy) would make refresh answer 429 and end people's sessions.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const http = request as unknown as Request;
    const family = await this.liveFamilyOf(http.body?.refreshToken ?? refreshCookieOf(http));
    return family ? `family:${family}` : `address:${(request as unknown as Request).ip ?? 'unknown'}`;
  }

  /** The throttler names its header after itself (Retry-After-auth); clients and proxies know only Retry-After. */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }

  /** The session family of an unused, unrevoked, unexpired refresh token, or null. */
  private async liveFamilyOf(token: unknown): Promise<string | null> {
    if (typeof token !== 'string' || !token.startsWith(REFRESH_TOKEN_PREFIX) || token.length > 200) return null;
    const [row] = await this.dataSource.query(
      `SELECT family_id FROM refresh_token WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [tokenHash(token)],
    );
    return (row?.family_id as string | undefined) ?? null;
  }
}
