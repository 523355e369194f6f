import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountTokenPurpose, Organisation, recordAudit, RoleAssignment, UserAccount } from '@peduli/db';
import { assignmentScopeFits, mayAssign, Permission, Role, ROLE_SCOPE, Scope } from '@peduli/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AccessService } from '../auth/access.service';
import { organisationScope } from '../auth/scopes';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { Page } from '../common/pagination';
import { uuidParam } from '../common/uuid-param';
import { ReasonBody } from '../organisations/organisations.dto';
import { CreateUserBody, RoleAssignmentBody, RoleAssignmentView, UpdateUserBody, UserQuery, UserView } from './users.dto';

const SCOPE_WORDS: Record<(typeof ROLE_SCOPE)[Role], string> = {
  NATIONAL: 'nasional / national (no provinceCode, regionCode or organisationId)',
  PROVINCE: 'provinceCode',
  REGION: 'regionCode',
  ORGANISATION: 'organisationId',
  ANY: 'provinceCode, regionCode, organisationId or none',
};

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({
    summary: 'Create an account, optionally with roles; its owner is mailed an invitation to set their own password (7 days)',
    description: 'A password is not accepted: nobody but the owner ever knows it.',
  })
  async create(@Body() body: CreateUserBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<UserView> {
    const home = await this.homeScope(body.organisationId ?? null, principal);
    if (!this.access.allowed(principal, Permission.USERS_MANAGE, home)) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    const email = body.email.trim().toLowerCase();
    const id = await this.dataSource.transaction(async (manager) => {
      // No password until the owner sets one from the invitation; until then nobody can sign in to the account.
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO user_account (email, display_name, password_hash, organisation_id, locale) VALUES ($1, $2, NULL, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, body.displayName.trim(), body.organisationId ?? null, body.locale ?? 'id'],
      );
      if (inserted.length === 0) throw ApiError.conflict('user.emailTaken', { email });
      await recordAudit(manager, {
        ...actor,
        action: 'user.created',
        entityType: 'user_account',
        entityId: inserted[0].id,
        after: { email, displayName: body.displayName, organisationId: body.organisationId ?? null, invited: true },
        provinceCode: home.provinceCode ?? null,
        regionCode: home.regionCode ?? null,
      });
      for (const role of body.roles ?? []) await this.assign(manager, inserted[0].id, role, principal, actor);
      await this.accounts.issueToken(manager, inserted[0].id, AccountTokenPurpose.INVITATION);
      return inserted[0].id;
    });
    this.accounts.mailQueued();
    return this.view(id);
  }

  @Get()
  @RequirePermission(Permission.USERS_READ)
  @ApiOperation({ summary: 'Accounts within the caller’s scope (by their organisation)' })
  async list(@Query() query: UserQuery, @CurrentPrincipal() principal: Principal): Promise<Page<UserView>> {
    const builder = this.dataSource
      .getRepository(UserAccount)
      .createQueryBuilder('u')
      .leftJoin(Organisation, 'o', 'o.id = u.organisation_id')
      .orderBy('u.email', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const scope = this.access.listFilter(principal, Permission.USERS_READ, { province: 'o.province_code', region: 'o.region_code', organisation: 'o.id' });
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (query.organisationId) builder.andWhere('u.organisation_id = :org', { org: query.organisationId });
    if (query.regionCode) builder.andWhere('o.region_code = :region', { region: query.regionCode });
    if (query.role) builder.andWhere('EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = u.id AND ra.role = :role)', { role: query.role });
    const [users, total] = await builder.getManyAndCount();
    return { items: await this.viewsOf(users), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @RequirePermission(Permission.USERS_READ)
  async get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    const { user } = await this.load(id, principal, Permission.USERS_READ);
    const [view] = await this.viewsOf([user]);
    return view;
  }

  @Patch(':id')
  @RequirePermission(Permission.USERS_MANAGE)
  async update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateUserBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    const { user, home } = await this.loadToManage(id, principal);
    await this.dataSource.transaction(async (manager) => {
      const patch = { displayName: body.displayName?.trim() ?? user.displayName, locale: body.locale ?? user.locale };
      await manager.update(UserAccount, id, patch);
      await recordAudit(manager, {
        ...actor,
        action: 'user.updated',
        entityType: 'user_account',
        entityId: id,
        before: { displayName: user.displayName, locale: user.locale },
        after: patch,
        provinceCode: home.provinceCode ?? null,
        regionCode: home.regionCode ?? null,
      });
    });
    return this.view(id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Deactivate an account: its tokens stop working at once and its sessions are revoked' })
  async deactivate(
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    const { user, home } = await this.loadToManage(id, principal);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserAccount, id, { active: false });
      await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      await this.accounts.revokeTokens(manager, id);
      await recordAudit(manager, {
        ...actor,
        action: 'user.deactivated',
        entityType: 'user_account',
        entityId: id,
        before: { active: user.active },
        after: { active: false },
        reason: body.reason ?? null,
        provinceCode: home.provinceCode ?? null,
        regionCode: home.regionCode ?? null,
      });
    });
    return this.view(id);
  }

  @Post(':id/roles')
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Give a role over a scope; only within the caller’s own scope and never a broader role' })
  async addRole(
    @Param('id', uuidParam) id: string,
    @Body() body: RoleAssignmentBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    await this.loadToManage(id, principal);
    await this.dataSource.transaction((manager) => this.assign(manager, id, body, principal, actor));
    return this.view(id);
  }

  @Delete(':id/roles/:assignmentId')
  @RequirePermission(Permission.USERS_MANAGE)
  async removeRole(
    @Param('id', uuidParam) id: string,
    @Param('assignmentId', uuidParam) assignmentId: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    await this.loadToManage(id, principal);
    const assignment = await this.dataSource.getRepository(RoleAssignment).findOne({ where: { id: assignmentId, userId: id } });
    if (!assignment) throw ApiError.notFound('role.notFound', { id: assignmentId });
    // Removing a role needs the same right as giving it.
    const grant = { role: assignment.role, scope: await this.placeOf(this.dataSource.manager, assignment) };
    if (!mayAssign(principal.grants, grant)) throw new ApiError(HttpStatus.FORBIDDEN, 'role.notAllowed', { role: assignment.role });
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(RoleAssignment, assignmentId);
      await recordAudit(manager, {
        ...actor,
        action: 'role.removed',
        entityType: 'user_account',
        entityId: id,
        before: { assignmentId, role: assignment.role, ...grant.scope },
        provinceCode: grant.scope.provinceCode ?? null,
        regionCode: grant.scope.regionCode ?? null,
      });
    });
    return this.view(id);
  }

  @Post(':id/invitation')
  @HttpCode(202)
  @RequirePermission(Permission.USERS_MANAGE)
  @ApiOperation({ summary: 'Mail the invitation again (a new link; earlier ones stop working), while the owner has not set a password' })
  async resendInvitation(
    @Param('id', uuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserView> {
    const { user, home } = await this.loadToManage(id, principal);
    if (user.passwordHash) throw ApiError.conflict('user.invitationAccepted', { id });
    if (!user.active) throw ApiError.conflict('user.inactive', { id });
    await this.dataSource.transaction(async (manager) => {
      const tokenId = await this.accounts.issueToken(manager, id, AccountTokenPurpose.INVITATION);
      await recordAudit(manager, {
        ...actor,
        action: 'user.invitation_resent',
        entityType: 'user_account',
        entityId: id,
        after: { email: user.email, tokenId },
        provinceCode: home.provinceCode ?? null,
        regionCode: home.regionCode ?? null,
      });
    });
    this.accounts.mailQueued();
    return this.view(id);
  }

  private async assign(manager: EntityManager, userId: string, body: RoleAssignmentBody, principal: Principal, actor: RequestActor) {
    if (!assignmentScopeFits(body.role, body)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'role.wrongScope', { role: body.role, scope: SCOPE_WORDS[ROLE_SCOPE[body.role]] });
    }
    const scope = await this.placeOf(manager, body);
    if (!mayAssign(principal.grants, { role: body.role, scope })) throw new ApiError(HttpStatus.FORBIDDEN, 'role.notAllowed', { role: body.role });
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO role_assignment (user_id, role, province_code, region_code, organisation_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [userId, body.role, body.provinceCode ?? null, body.regionCode ?? null, body.organisationId ?? null],
    );
    if (inserted.length === 0) throw ApiError.conflict('role.duplicate', {});
    await recordAudit(manager, {
      ...actor,
      action: 'role.assigned',
      entityType: 'user_account',
      entityId: userId,
      after: { assignmentId: inserted[0].id, role: body.role, provinceCode: body.provinceCode ?? null, regionCode: body.regionCode ?? null, organisationId: body.organisationId ?? null },
      provinceCode: scope.provinceCode ?? null,
      regionCode: scope.regionCode ?? null,
    });
  }

  /** The full place of an assignment's scope: an organisation's province and region, a region's province. */
  private async placeOf(
    manager: EntityManager,
    fields: { provinceCode?: string | null; regionCode?: string | null; organisationId?: string | null },
  ): Promise<Scope> {
    if (fields.organisationId) {
      const organisation = await manager.getRepository(Organisation).findOne({ where: { id: fields.organisationId } });
      if (!organisation) throw ApiError.notFound('organisation.notFound', { id: fields.organisationId });
      return organisationScope(organisation);
    }
    if (fields.regionCode) return { provinceCode: fields.regionCode.slice(0, 2), regionCode: fields.regionCode, organisationId: null };
    return { provinceCode: fields.provinceCode ?? null, regionCode: null, organisationId: null };
  }

  /** Where an account belongs: its organisation's place, or national when it has none. */
  private async homeScope(organisationId: string | null, principal: Principal): Promise<Scope> {
    if (!organisationId) return {};
    const organisation = await this.dataSource.getRepository(Organisation).findOne({ where: { id: organisationId } });
    if (!organisation || !this.access.allowed(principal, Permission.ORGANISATIONS_READ, organisationScope(organisation))) {
      throw ApiError.notFound('organisation.notFound', { id: organisationId });
    }
    return organisationScope(organisation);
  }

  private async load(id: string, principal: Principal, permission: Permission): Promise<{ user: UserAccount; home: Scope }> {
    const user = await this.dataSource.getRepository(UserAccount).findOne({ where: { id } });
    if (!user) throw ApiError.notFound('user.notFound', { id });
    const organisation = user.organisationId
      ? await this.dataSource.getRepository(Organisation).findOne({ where: { id: user.organisationId } })
      : null;
    const home: Scope = organisation ? organisationScope(organisation) : {};
    this.access.assertAllowed(principal, permission, home, 'user.notFound', id);
    return { user, home };
  }

  /**
   * An account the caller may change: within its scope, and holding no role the caller could not give, so a
   * coordinator cannot deactivate, reset or re-role another coordinator, a Kanwil verifier or an admin.
   */
  private async loadToManage(id: string, principal: Principal): Promise<{ user: UserAccount; home: Scope }> {
    const loaded = await this.load(id, principal, Permission.USERS_MANAGE);
    const held = await this.dataSource.getRepository(RoleAssignment).find({ where: { userId: id } });
    for (const assignment of held) {
      const scope = await this.placeOf(this.dataSource.manager, assignment);
      if (!mayAssign(principal.grants, { role: assignment.role, scope })) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'user.widerRole', { role: assignment.role });
      }
    }
    return loaded;
  }

  /** The account as it is now, after a change. */
  private async view(id: string): Promise<UserView> {
    const [view] = await this.viewsOf([await this.dataSource.getRepository(UserAccount).findOneOrFail({ where: { id } })]);
    return view;
  }

  /** Accounts with their roles, reading the roles of all of them in one query. */
  private async viewsOf(users: UserAccount[]): Promise<UserView[]> {
    const roles = users.length
      ? await this.dataSource.getRepository(RoleAssignment).find({ where: { userId: In(users.map((u) => u.id)) }, order: { createdAt: 'ASC' } })
      : [];
    return users.map((user) => ({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      active: user.active,
      invitationPending: user.passwordHash === null,
      organisationId: user.organisationId,
      roles: roles
        .filter((r) => r.userId === user.id)
        .map((r): RoleAssignmentView => ({ id: r.id, role: r.role, provinceCode: r.provinceCode, regionCode: r.regionCode, organisationId: r.organisationId })),
    }));
  }
}
