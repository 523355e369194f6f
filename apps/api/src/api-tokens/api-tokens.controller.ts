import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { ApiTokenView, CreateApiTokenBody, CreatedApiTokenView } from './api-tokens.dto';
import { ApiTokensService } from './api-tokens.service';

/** Tokens for automation, managed by national admins. */
@ApiTags('api-tokens')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @RequirePermission(Permission.API_TOKENS_MANAGE)
  @ApiOperation({
    summary: 'Create an API token with one role over one scope; the response is the only time the token is shown',
    description: 'Only a signed-in national admin can create one: an API token cannot create API tokens (403).',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenView })
  @ApiErrors(400, 404)
  create(@Body() body: CreateApiTokenBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<CreatedApiTokenView> {
    return this.tokens.create(body, principal, actor);
  }

  @Get()
  @RequirePermission(Permission.API_TOKENS_MANAGE)
  @ApiOperation({ summary: 'Every API token, newest first, revoked ones included; never the tokens themselves' })
  @ApiOkResponse({ type: [ApiTokenView] })
  list(): Promise<ApiTokenView[]> {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(200)
  @RequirePermission(Permission.API_TOKENS_MANAGE)
  @ApiOperation({ summary: 'Revoke an API token; it stops working at once (revoking it again changes nothing)' })
  @ApiOkResponse({ type: ApiTokenView })
  @ApiErrors(400, 404)
  revoke(@Param('id', uuidParam) id: string, @CurrentActor() actor: RequestActor): Promise<ApiTokenView> {
    return this.tokens.revoke(id, actor);
  }
}
