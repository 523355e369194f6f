import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiToken, Organisation, recordAudit } from '@peduli/db';
import { assignmentScopeFits, Permission, ROLE_SCOPE } from '@peduli/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { API_TOKEN_PREFIX, newOpaqueToken, tokenHash } from '../auth/secrets';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { RoleAssignmentBody } from '../users/users.dto';

class CreateApiTokenBody extends RoleAssignmentBody {
  @ApiProperty({ example: 'Sinkronisasi data Dinas Kesehatan' }) @IsString() @MinLength(3) @MaxLength(120) name: string;
}

interface ApiTokenView {
  id: string;
  name: string;
  tokenPrefix: string;
  role: string;
  provinceCode: string | null;
  regionCode: string | null;
  organisationId: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

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
@ApiTags('api-tokens')
@ApiBearerAuth()
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @RequirePermission(Permission.API_TOKENS_MANAGE)
  @ApiOperation({ summary: 'Create an API token with one role over one scope; the response is the only time the token is shown' })
  async create(
    @Body() body: CreateApiTokenBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<ApiTokenView & { token: string }> {
    // A token is owned by the person who created it (created_by), and a token minting tokens would let automation
    // outlive its own revocation: only a signed-in user may create one.
    if (!principal.userId) throw new ApiError(HttpStatus.FORBIDDEN, 'apiToken.mintedByToken');
    if (!assignmentScopeFits(body.role, body)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'role.wrongScope', { role: body.role, scope: ROLE_SCOPE[body.role] });
    }
    if (body.organisationId && !(await this.dataSource.getRepository(Organisation).exists({ where: { id: body.organisationId } }))) {
      throw ApiError.notFound('organisation.notFound', { id: body.organisationId });
    }
    const userId = principal.userId;
    const token = newOpaqueToken(API_TOKEN_PREFIX);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(ApiToken).save({
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

  @Get()
  @RequirePermission(Permission.API_TOKENS_MANAGE)
  async list(): Promise<ApiTokenView[]> {
    const tokens = await this.dataSource.getRepository(ApiToken).find({ order: { createdAt: 'DESC' } });
    return tokens.map(toView);
  }

  @Delete(':id')
  @HttpCode(200)
  @RequirePermission(Permission.API_TOKENS_MANAGE)
  @ApiOperation({ summary: 'Revoke an API token; it stops working at once' })
  async revoke(@Param('id', uuidParam) id: string, @CurrentActor() actor: RequestActor): Promise<ApiTokenView> {
    const token = await this.dataSource.getRepository(ApiToken).findOne({ where: { id } });
    if (!token) throw ApiError.notFound('apiToken.notFound', { id });
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE api_token SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1`, [id]);
      const after = await manager.getRepository(ApiToken).findOneOrFail({ where: { id } });
      await recordAudit(manager, { ...actor, action: 'api_token.revoked', entityType: 'api_token', entityId: id, before: toView(token), after: toView(after) });
      return toView(after);
    });
  }
}
