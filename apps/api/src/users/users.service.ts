import { HttpStatus, Injectable } from '@nestjs/common';
import { AccountTokenPurpose, recordAudit, RoleAssignment, UserAccount } from '@peduli/db';
import { assignmentScopeFits, mayAssign, OrganisationKind, Permission, Role, ROLE_SCOPE, Scope } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AccessService } from '../auth/access.service';
import type { Principal, RequestActor } from '../auth/principal';
import { organisationScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/pagination';
import type { CreateUserBody, RoleAssignmentBody, RoleAssignmentView, UpdateUserBody, UserQuery, UserView } from './users.dto';
import { UsersRepository } from './users.repository';

const SCOPE_WORDS: Record<(typeof ROLE_SCOPE)[Role], string> = {
  NATIONAL: 'nasional / national (no provinceCode, regionCode or organisationId)',
  PROVINCE: 'provinceCode',
  REGION: 'regionCode',
  REPORTER: 'regionCode (a regency/city) or organisationId (a ministry or a province’s Biro Hukum)',
  ORGANISATION: 'organisationId',
  ANY: 'provinceCode, regionCode, organisationId or none',
};

/**
 * Accounts and their roles, managed by admins and coordinators within their own scope. Nobody can give a role
 * broader than their own, nor change an account holding one.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly access: AccessService,
    private readonly accounts: AccountsService,
  ) {}

  async create(body: CreateUserBody, principal: Principal, actor: RequestActor): Promise<UserView> {
    const home = await this.homeScope(body.organisationId ?? null, principal);
    if (!this.access.allowed(principal, Permission.USERS_MANAGE, home)) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    const email = body.email.trim().toLowerCase();
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.users.insertInvited(manager, {
        email,
        displayName: body.displayName.trim(),
        organisationId: body.organisationId ?? null,
        locale: body.locale ?? 'id',
      });
      if (!inserted) throw ApiError.conflict('user.emailTaken', { email });
      await recordAudit(manager, {
        ...actor,
        action: 'user.created',
        entityType: 'user_account',
        entityId: inserted,
        after: { email, displayName: body.displayName, organisationId: body.organisationId ?? null, invited: true },
        provinceCode: home.provinceCode ?? null,
        regionCode: home.regionCode ?? null,
      });
      for (const role of body.roles ?? []) await this.assign(manager, inserted, role, principal, actor);
      await this.accounts.issueToken(manager, inserted, AccountTokenPurpose.INVITATION);
      return inserted;
    });
    this.accounts.mailQueued();
    return this.view(id);
  }

  async list(query: UserQuery, principal: Principal): Promise<Page<UserView>> {
    // A ministry's or a Biro Hukum's coordinator sees the people of its units too.
    const scope = this.access.listFilter(principal, Permission.USERS_READ, { province: 'o.province_code', region: 'o.region_code', organisation: 'o.id', parent: 'o.parent_id' });
    const [users, total] = await this.users.list(scope, query, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: await this.viewsOf(users), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string, principal: Principal): Promise<UserView> {
    const { user } = await this.load(id, principal, Permission.USERS_READ);
    const [view] = await this.viewsOf([user]);
    return view;
  }

  async update(id: string, body: UpdateUserBody, principal: Principal, actor: RequestActor): Promise<UserView> {
    const { user, home } = await this.loadToManage(id, principal);
    await this.dataSource.transaction(async (manager) => {
      const patch = { displayName: body.displayName?.trim() ?? user.displayName, locale: body.locale ?? user.locale };
      await this.users.update(manager, id, patch);
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

  /** Its tokens stop working at once and its sessions are revoked. */
  async deactivate(id: string, reason: string | null, principal: Principal, actor: RequestActor): Promise<UserView> {
    const { user, home } = await this.loadToManage(id, principal);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, id, { active: false });
      await this.accounts.endSessions(manager, id);
      await this.accounts.revokeTokens(manager, id);
      await recordAudit(manager, {
        ...actor,
        action: 'user.deactivated',
        entityType: 'user_account',
        entityId: id,
        before: { active: user.active },
        after: { active: false },
        reason,
        provinceCode: home.provinceCode ?? null,
        regionCode: home.regionCode ?? null,
      });
    });
    return this.view(id);
  }

  async addRole(id: string, body: RoleAssignmentBody, principal: Principal, actor: RequestActor): Promise<UserView> {
    await this.loadToManage(id, principal);
    await this.dataSource.transaction((manager) => this.assign(manager, id, body, principal, actor));
    return this.view(id);
  }

  async removeRole(id: string, assignmentId: string, principal: Principal, actor: RequestActor): Promise<UserView> {
    await this.loadToManage(id, principal);
    const assignment = await this.users.findRole(id, assignmentId);
    if (!assignment) throw ApiError.notFound('role.notFound', { id: assignmentId });
    // Removing a role needs the same right as giving it.
    const grant = { role: assignment.role, scope: await this.placeOf(this.dataSource.manager, assignment) };
    if (!mayAssign(principal.grants, grant)) throw new ApiError(HttpStatus.FORBIDDEN, 'role.notAllowed', { role: assignment.role });
    await this.dataSource.transaction(async (manager) => {
      await this.users.deleteRole(manager, assignmentId);
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

  /** A new link (earlier ones stop working), while the owner has not set a password. */
  async resendInvitation(id: string, principal: Principal, actor: RequestActor): Promise<UserView> {
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
    if (body.role === Role.COORDINATOR && body.organisationId) await this.assertReportingOrganisation(manager, body.organisationId);
    if (!mayAssign(principal.grants, { role: body.role, scope })) throw new ApiError(HttpStatus.FORBIDDEN, 'role.notAllowed', { role: body.role });
    const assignmentId = await this.users.insertRole(manager, userId, body);
    if (!assignmentId) throw ApiError.conflict('role.duplicate', {});
    await recordAudit(manager, {
      ...actor,
      action: 'role.assigned',
      entityType: 'user_account',
      entityId: userId,
      after: { assignmentId, role: body.role, provinceCode: body.provinceCode ?? null, regionCode: body.regionCode ?? null, organisationId: body.organisationId ?? null },
      provinceCode: scope.provinceCode ?? null,
      regionCode: scope.regionCode ?? null,
    });
  }

  /**
   * A coordinator given an organisation coordinates a reporter's report: a ministry's, or a province's through its Biro
   * Hukum (a regency/city's Bagian Hukum coordinates by regionCode). A unit cannot have one.
   */
  private async assertReportingOrganisation(manager: EntityManager, organisationId: string): Promise<void> {
    const organisation = await this.users.findOrganisation(organisationId, manager);
    if (organisation && organisation.kind !== OrganisationKind.MINISTRY && organisation.kind !== OrganisationKind.BIRO_HUKUM) {
      throw ApiError.badRequest('role.notReporterOrganisation', { id: organisation.id, kind: organisation.kind });
    }
  }

  /** The full place of an assignment's scope: an organisation's province and region, a region's province. */
  private async placeOf(
    manager: EntityManager,
    fields: { provinceCode?: string | null; regionCode?: string | null; organisationId?: string | null },
  ): Promise<Scope> {
    if (fields.organisationId) {
      const organisation = await this.users.findOrganisation(fields.organisationId, manager);
      if (!organisation) throw ApiError.notFound('organisation.notFound', { id: fields.organisationId });
      return organisationScope(organisation);
    }
    if (fields.regionCode) return { provinceCode: fields.regionCode.slice(0, 2), regionCode: fields.regionCode, organisationId: null };
    return { provinceCode: fields.provinceCode ?? null, regionCode: null, organisationId: null };
  }

  /** Where an account belongs: its organisation's place, or national when it has none. */
  private async homeScope(organisationId: string | null, principal: Principal): Promise<Scope> {
    if (!organisationId) return {};
    const organisation = await this.users.findOrganisation(organisationId);
    if (!organisation || !this.access.allowed(principal, Permission.ORGANISATIONS_READ, organisationScope(organisation))) {
      throw ApiError.notFound('organisation.notFound', { id: organisationId });
    }
    return organisationScope(organisation);
  }

  private async load(id: string, principal: Principal, permission: Permission): Promise<{ user: UserAccount; home: Scope }> {
    const user = await this.users.findById(id);
    if (!user) throw ApiError.notFound('user.notFound', { id });
    const organisation = user.organisationId ? await this.users.findOrganisation(user.organisationId) : null;
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
    for (const assignment of await this.users.rolesHeld(id)) {
      const scope = await this.placeOf(this.dataSource.manager, assignment);
      if (!mayAssign(principal.grants, { role: assignment.role, scope })) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'user.widerRole', { role: assignment.role });
      }
    }
    return loaded;
  }

  /** The account as it is now, after a change. */
  private async view(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw ApiError.notFound('user.notFound', { id });
    const [view] = await this.viewsOf([user]);
    return view;
  }

  /** Accounts with their roles, reading the roles of all of them in one query. */
  private async viewsOf(users: UserAccount[]): Promise<UserView[]> {
    const roles: RoleAssignment[] = await this.users.rolesOf(users.map((u) => u.id));
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
