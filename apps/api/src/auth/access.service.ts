import { Injectable } from '@nestjs/common';
import { isAllowed, Permission, Scope } from '@peduli/domain';
import { ApiError } from '../common/api-error';
import type { MessageKey } from '../common/messages';
import type { Principal } from './principal';

/**
 * Scope checks on single resources. A resource outside the caller's scope answers 404, exactly as a missing one does,
 * so ids belonging to another tenant do not reveal that they exist.
 */
@Injectable()
export class AccessService {
  assertAllowed(principal: Principal, permission: Permission, target: Scope, notFound: MessageKey, id: string): void {
    if (!isAllowed(principal.grants, permission, target)) throw ApiError.notFound(notFound, { id });
  }

  allowed(principal: Principal, permission: Permission, target: Scope): boolean {
    return isAllowed(principal.grants, permission, target);
  }

  /**
   * A SQL condition restricting a list to what the caller may see with a permission, over the given columns.
   * Returns null when the caller sees everything. With a `parent` column (the organisation's parent), a grant over a
   * reporting organisation also covers its units, as `scopeCovers` does.
   */
  listFilter(
    principal: Principal,
    permission: Permission,
    columns: { province: string; region: string; organisation: string; parent?: string },
  ): { sql: string; params: Record<string, unknown> } | null {
    const grants = principal.grants.filter((grant) => isAllowed([grant], permission, grant.scope));
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    grants.forEach((grant, index) => {
      const { organisationId, regionCode, provinceCode } = grant.scope;
      if (organisationId) {
        clauses.push(
          columns.parent
            ? `(${columns.organisation} = :scopeOrg${index} OR ${columns.parent} = :scopeOrg${index})`
            : `${columns.organisation} = :scopeOrg${index}`,
        );
        params[`scopeOrg${index}`] = organisationId;
      } else if (regionCode) {
        clauses.push(`${columns.region} = :scopeRegion${index}`);
        params[`scopeRegion${index}`] = regionCode;
      } else if (provinceCode) {
        clauses.push(`${columns.province} = :scopeProvince${index}`);
        params[`scopeProvince${index}`] = provinceCode;
      } else {
        clauses.push('TRUE');
      }
    });
    if (clauses.includes('TRUE')) return null;
    return { sql: clauses.length ? `(${clauses.join(' OR ')})` : 'FALSE', params };
  }
}
