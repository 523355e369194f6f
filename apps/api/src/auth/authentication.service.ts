import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ActorType } from '@peduli/db';
import { isUUID } from 'class-validator';
import { ApiTokensRepository } from '../api-tokens/api-tokens.repository';
import { ApiError } from '../common/api-error';
import { UsersRepository } from '../users/users.repository';
import type { MeView } from './auth.dto';
import { API_TOKEN_PREFIX, tokenHash } from './secrets';
import type { Principal } from './principal';

export const JWT_ISSUER = 'peduli';
const LAST_USED_RESOLUTION_MS = 60_000;
export const JWT_AUDIENCE = 'peduli-api';
/** Only this algorithm is accepted: a token claiming "none" or another algorithm is refused before its payload is read. */
export const JWT_ALGORITHM = 'HS256' as const;

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

/**
 * Turns an Authorization header into a principal. The account and its roles are read from the database on every
 * request, so deactivating a user or removing a role takes effect at once, not when the token expires.
 */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly users: UsersRepository,
    private readonly apiTokens: ApiTokensRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async authenticate(header: string | undefined): Promise<Principal> {
    const match = /^Bearer ([^\s]+)$/i.exec(header ?? '');
    if (!match) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.required');
    const token = match[1];
    return token.startsWith(API_TOKEN_PREFIX) ? this.fromApiToken(token) : this.fromAccessToken(token);
  }

  private async fromAccessToken(token: string): Promise<Principal> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new ApiError(HttpStatus.UNAUTHORIZED, expired ? 'auth.expiredToken' : 'auth.invalidToken');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !isUUID(claims.sub)) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.invalidToken');
    const user = await this.users.activeGrants(claims.sub);
    if (!user || !user.active) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.inactive');
    return { actor: { type: ActorType.USER, id: claims.sub }, userId: claims.sub, grants: user.grants };
  }

  private async fromApiToken(token: string): Promise<Principal> {
    const row = await this.apiTokens.findUsable(tokenHash(token));
    if (!row) throw new ApiError(HttpStatus.UNAUTHORIZED, 'auth.invalidToken');
    // last_used_at is informational: write it at most once a minute per token, and decide that from the row already
    // read, so a busy token costs no write per request. The condition is repeated in SQL for concurrent requests.
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) await this.apiTokens.touchLastUsed(row.id);
    return {
      actor: { type: ActorType.API_TOKEN, id: row.id },
      userId: null,
      grants: [
        { role: row.role, scope: { provinceCode: row.provinceCode, regionCode: row.regionCode, organisationId: row.organisationId } },
      ],
    };
  }

  /** Who the caller is: the signed-in account (none for an API token) and every role it holds. */
  async describe(principal: Principal): Promise<MeView> {
    const user = principal.userId ? await this.users.findById(principal.userId) : null;
    return {
      actor: principal.actor,
      user: user
        ? { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, organisationId: user.organisationId }
        : null,
      roles: principal.grants.map(({ role, scope }) => ({
        role,
        scope: { provinceCode: scope.provinceCode ?? null, regionCode: scope.regionCode ?? null, organisationId: scope.organisationId ?? null },
      })),
    };
  }
}
