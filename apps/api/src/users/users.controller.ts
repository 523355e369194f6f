import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { Page } from '../common/pagination';
import { uuidParam } from '../common/uuid-param';
import { ReasonBody } from '../organisations/organisations.dto';
import { CreateUserBody, RoleAssignmentBody, UpdateUserBody, UserPage, UserQuery, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({
    summary: 'Create an account, optionally with roles; its owner is mailed an invitation to set their own password (7 days)',
    description: 'A password is not accepted: nobody but the owner ever knows it.',
  })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(404, 409)
  create(@Body() body: CreateUserBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<UserView> {
    return this.users.create(body, principal, actor);
  }

  @Get()
  @RequirePermission(Permission.USERS_READ)
  @ApiOperation({ summary: 'Accounts within the caller’s scope (by their organisation)' })
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: UserQuery, @CurrentPrincipal() principal: Principal): Promise<Page<UserView>> {
    return this.users.list(query, principal);
  }

  @Get(':id')
  @RequirePermission(Permission.USERS_READ)
  @ApiOperation({ summary: 'One account with its roles' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.get(id, principal);
  }

  @Patch(':id')
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Change an account’s display name or language' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateUserBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    return this.users.update(id, body, principal, actor);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Deactivate an account: its tokens stop working at once and its sessions are revoked' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  deactivate(
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    return this.users.deactivate(id, body.reason ?? null, principal, actor);
  }

  @Post(':id/roles')
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Give a role over a scope; only within the caller’s own scope and never a broader role' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(404, 409)
  addRole(
    @Param('id', uuidParam) id: string,
    @Body() body: RoleAssignmentBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    return this.users.addRole(id, body, principal, actor);
  }

  @Delete(':id/roles/:assignmentId')
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Take a role away; needs the same right as giving it' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  removeRole(
    @Param('id', uuidParam) id: string,
    @Param('assignmentId', uuidParam) assignmentId: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    return this.users.removeRole(id, assignmentId, principal, actor);
  }

  @Post(':id/invitation')
  @HttpCode(202)
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Mail the invitation again (a new link; earlier ones stop working), while the owner has not set a password' })
  @ApiAcceptedResponse({ type: UserView })
  @ApiErrors(404, 409)
  resendInvitation(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<UserView> {
    return this.users.resendInvitation(id, principal, actor);
  }
}
