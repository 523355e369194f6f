import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiToken, recordAudit } from '@peduli/db';
import { assignmentScopeFits, ROLE_SCOPE } from '@peduli/domain';
import { DataSource } from 'typeorm';
import type { Principal, RequestActor } from '../auth/principal';
import { API_TOKEN_PREFIX, newOpaqueToken, tokenHash } from '../auth/secrets';
import { ApiError } from '../common/api-error';
import { ApiTokensRepository } from './api-tokens.repository';
import type { ApiTokenView, CreateApiTokenBody, CreatedApiTokenView } from './api-tokens.dto';

function toView(t: ApiToken): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    tokenPrefix: t.tokenPrefix,
    role: t.role,
    provinceCode: t.provinceCode,
    regionCode: t.regionCode,
    organisationId: t.organisationId,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

/** Tokens for automation, managed by national admins. The token itself is shown once, in the creation response. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: ApiTokensRepository,
  ) {}

  async create(body: CreateApiTokenBody, principal: Principal, actor: RequestActor): Promise<CreatedApiTokenView> {
    // A token is owned by the person who created it (created_by), and a token minting tokens would let automation
    // outlive its own revocation: only a signed-in user may create one.
    if (!principal.userId) throw new ApiError(HttpStatus.FORBIDDEN, 'apiToken.mintedByToken');
    if (!assignmentScopeFits(body.role, body)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'role.wrongScope', { role: body.role, scope: ROLE_SCOPE[body.role] });
    }
    if (body.organisationId && !(await this.tokens.organisationExists(body.organisationId))) {
      throw ApiError.notFound('organisation.notFound', { id: body.organisationId });
    }
    const userId = principal.userId;
    const token = newOpaqueToken(API_TOKEN_PREFIX);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.insert(manager, {
        name: body.name.trim(),
        tokenHash: tokenHash(token),
        tokenPrefix: token.slice(0, 12),
        role: body.role,
        provinceCode: body.provinceCode ?? null,
        regionCode: body.regionCode ?? null,
        organisationId: body.organisationId ?? null,
        createdBy: userId,
      });
      await recordAudit(manager, { ...actor, action: 'api_token.created', entityType: 'api_token', entityId: row.id, after: toView(row) });
      return row;
    });
    return { ...toView(saved), token };
  }

  async list(): Promise<ApiTokenView[]> {
    return (await this.tokens.list()).map(toView);
  }

  async revoke(id: string, actor: RequestActor): Promise<ApiTokenView> {
    const token = await this.tokens.findById(id);
    if (!token) throw ApiError.notFound('apiToken.notFound', { id });
    return this.dataSource.transaction(async (manager) => {
      await this.tokens.revoke(manager, id);
      const after = await this.tokens.findById(id, manager);
      if (!after) throw ApiError.notFound('apiToken.notFound', { id });
      await recordAudit(manager, { ...actor, action: 'api_token.revoked', entityType: 'api_token', entityId: id, before: toView(token), after: toView(after) });
      return toView(after);
    });
  }
}
