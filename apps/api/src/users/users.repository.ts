import { Injectable } from '@nestjs/common';
import { Organisation, RoleAssignment, UserAccount } from '@peduli/db';
import type { Role, RoleAssignmentGrant } from '@peduli/domain';
import { DataSource, EntityManager, In } from 'typeorm';

export interface UserListFilters {
  organisationId?: string;
  regionCode?: string;
  role?: Role;
}

export interface NewRoleAssignment {
  role: Role;
  provinceCode?: string | null;
  regionCode?: string | null;
  organisationId?: string | null;
}

/**
 * Every query of the accounts' tables (user_account, role_assignment): the only module that writes them. Writes take
 * the caller's transaction manager, so a change and its audit row commit together.
 */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserAccount | null> {
    return manager.getRepository(UserAccount).findOne({ where: { id } });
  }

  findByEmail(email: string): Promise<UserAccount | null> {
    return this.dataSource.getRepository(UserAccount).findOne({ where: { email } });
  }

  /** Organisations are read here only to place an account or an assignment; they are written elsewhere. */
  findOrganisation(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organisation | null> {
    return manager.getRepository(Organisation).findOne({ where: { id } });
  }

  async list(
    scope: { sql: string; params: Record<string, unknown> } | null,
    filters: UserListFilters,
    page: { offset: number; limit: number },
  ): Promise<[UserAccount[], number]> {
    const builder = this.dataSource
      .getRepository(UserAccount)
      .createQueryBuilder('u')
      .leftJoin(Organisation, 'o', 'o.id = u.organisation_id')
      .orderBy('u.email', 'ASC')
      .skip(page.offset)
      .take(page.limit);
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (filters.organisationId) builder.andWhere('u.organisation_id = :org', { org: filters.organisationId });
    if (filters.regionCode) builder.andWhere('o.region_code = :region', { region: filters.regionCode });
    if (filters.role) builder.andWhere('EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = u.id AND ra.role = :role)', { role: filters.role });
    return builder.getManyAndCount();
  }

  /** An invited account: no password until the owner sets one, so nobody can sign in to it. Null when the email is taken. */
  async insertInvited(
    manager: EntityManager,
    user: { email: string; displayName: string; organisationId: string | null; locale: string },
  ): Promise<string | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO user_account (email, display_name, password_hash, organisation_id, locale) VALUES ($1, $2, NULL, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email, user.displayName, user.organisationId, user.locale],
    );
    return inserted[0]?.id ?? null;
  }

  async update(manager: EntityManager, id: string, patch: Partial<Pick<UserAccount, 'displayName' | 'locale' | 'active' | 'passwordHash' | 'lastLoginAt'>>): Promise<void> {
    await manager.update(UserAccount, id, patch);
  }

  /** Sets the first password of an account still waiting for one; never replaces a password already set. */
  async setFirstPassword(manager: EntityManager, id: string, passwordHash: string): Promise<string | null> {
    const [rows]: [{ email: string }[], number] = await manager.query(
      `UPDATE user_account SET password_hash = $2, active = true, updated_at = now() WHERE id = $1 AND password_hash IS NULL RETURNING email`,
      [id, passwordHash],
    );
    return rows[0]?.email ?? null;
  }

  async isActive(manager: EntityManager, id: string): Promise<boolean> {
    const [user]: { active: boolean }[] = await manager.query(`SELECT active FROM user_account WHERE id = $1`, [id]);
    return Boolean(user?.active);
  }

  /**
   * Whether an account is active, with every role it holds: every request of a signed-in user passes here, so the
   * account and its roles come back in one round trip. Null when there is no such account.
   */
  async activeGrants(id: string): Promise<{ active: boolean; grants: RoleAssignmentGrant[] } | null> {
    const [user]: { active: boolean; grants: RoleAssignmentGrant[] }[] = await this.dataSource.query(
      `SELECT u.active,
              coalesce(json_agg(json_build_object('role', ra.role, 'scope', json_build_object(
                'provinceCode', ra.province_code, 'regionCode', ra.region_code, 'organisationId', ra.organisation_id)))
                FILTER (WHERE ra.id IS NOT NULL), '[]') AS grants
         FROM user_account u LEFT JOIN role_assignment ra ON ra.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [id],
    );
    return user ?? null;
  }

  /** Null when the account already holds this role in this scope. */
  async insertRole(manager: EntityManager, userId: string, role: NewRoleAssignment): Promise<string | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO role_assignment (user_id, role, province_code, region_code, organisation_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [userId, role.role, role.provinceCode ?? null, role.regionCode ?? null, role.organisationId ?? null],
    );
    return inserted[0]?.id ?? null;
  }

  findRole(userId: string, assignmentId: string): Promise<RoleAssignment | null> {
    return this.dataSource.getRepository(RoleAssignment).findOne({ where: { id: assignmentId, userId } });
  }

  async deleteRole(manager: EntityManager, assignmentId: string): Promise<void> {
    await manager.delete(RoleAssignment, assignmentId);
  }

  /** Every role an account holds, as stored. */
  rolesHeld(userId: string): Promise<RoleAssignment[]> {
    return this.dataSource.getRepository(RoleAssignment).find({ where: { userId } });
  }

  rolesOf(userIds: string[]): Promise<RoleAssignment[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(RoleAssignment).find({ where: { userId: In(userIds) }, order: { createdAt: 'ASC' } });
  }
}
