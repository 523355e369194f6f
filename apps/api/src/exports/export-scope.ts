import { Injectable } from '@nestjs/common';
import { isAllowed, Permission } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import type { Principal } from '../auth/principal';

/** A province and/or regency/city a caller asked an export to be narrowed to. */
export interface PlaceFilter {
  provinceCode?: string;
  regionCode?: string;
}

/** Where one of the caller's grants applies; `everywhere` for a national one. */
type GrantPlace =
  | { kind: 'everywhere' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'region'; provinceCode: string; regionCode: string }
  | { kind: 'organisation'; provinceCode: string | null; regionCode: string | null };

/**
 * Scope checks for export filters. A list endpoint quietly narrows to the caller's scope; an export asked for a place
 * the caller cannot see answers 404 instead (as a missing place does, so it does not reveal whether the place exists),
 * rather than an empty file that looks like "nothing happened there".
 */
@Injectable()
export class ExportScope {
  constructor(private readonly dataSource: DataSource) {}

  /** Where the caller's grants holding `permission` apply, with each unit's province and regency/city looked up. */
  private async places(principal: Principal, permission: Permission): Promise<GrantPlace[]> {
    const grants = principal.grants.filter((grant) => isAllowed([grant], permission, grant.scope));
    const organisationIds = grants.map((grant) => grant.scope.organisationId).filter((id): id is string => Boolean(id));
    const organisations: { id: string; province_code: string | null; region_code: string | null }[] = organisationIds.length
      ? await this.dataSource.query(`SELECT id, province_code, region_code FROM organisation WHERE id = ANY($1)`, [organisationIds])
      : [];
    return grants.flatMap((grant): GrantPlace[] => {
      const { organisationId, regionCode, provinceCode } = grant.scope;
      if (organisationId) {
        const found = organisations.find((organisation) => organisation.id === organisationId);
        return found ? [{ kind: 'organisation', provinceCode: found.province_code, regionCode: found.region_code }] : [];
      }
      if (regionCode) return [{ kind: 'region', provinceCode: regionCode.slice(0, 2), regionCode }];
      if (provinceCode) return [{ kind: 'province', provinceCode }];
      return [{ kind: 'everywhere' }];
    });
  }

  /**
   * Checks that the filtered place exists and that the caller may see something in it with `permission`; 404 naming the
   * place otherwise. Returns the provinces an export may have rows in, in code order (null: every province).
   */
  async provincesOf(principal: Principal, permission: Permission, filter: PlaceFilter): Promise<string[] | null> {
    let wanted: PlaceFilter = {};
    if (filter.regionCode) {
      const [region]: { province_code: string }[] = await this.dataSource.query(`SELECT province_code FROM region WHERE code = $1`, [filter.regionCode]);
      if (!region) throw ApiError.notFound('export.regionOutOfScope', { code: filter.regionCode });
      wanted = { provinceCode: region.province_code, regionCode: filter.regionCode };
    }
    if (filter.provinceCode) {
      const [province]: unknown[] = await this.dataSource.query(`SELECT 1 FROM province WHERE code = $1`, [filter.provinceCode]);
      if (!province) throw ApiError.notFound('export.provinceOutOfScope', { code: filter.provinceCode });
      // A regency/city of another province than the one asked for: nothing can match, and that is the caller's mistake.
      if (wanted.provinceCode && wanted.provinceCode !== filter.provinceCode) throw ApiError.notFound('export.regionOutOfScope', { code: filter.regionCode! });
      wanted.provinceCode = filter.provinceCode;
    }
    const places = await this.places(principal, permission);
    const seen = places.filter((place) => overlaps(place, wanted));
    if (seen.length === 0) {
      if (wanted.regionCode) throw ApiError.notFound('export.regionOutOfScope', { code: wanted.regionCode });
      if (wanted.provinceCode) throw ApiError.notFound('export.provinceOutOfScope', { code: wanted.provinceCode });
    }
    if (seen.some((place) => place.kind === 'everywhere')) return wanted.provinceCode ? [wanted.provinceCode] : null;
    const provinces = new Set(
      seen.map((place) => (place.kind === 'everywhere' ? null : place.provinceCode)).filter((code): code is string => code !== null),
    );
    return [...provinces].filter((code) => !wanted.provinceCode || code === wanted.provinceCode).sort();
  }
}

/** Whether a grant's place and a filter can have anything in common. */
function overlaps(place: GrantPlace, wanted: PlaceFilter): boolean {
  switch (place.kind) {
    case 'everywhere':
      return true;
    case 'province':
      return !wanted.provinceCode || wanted.provinceCode === place.provinceCode;
    case 'region':
    case 'organisation':
      // A unit's grant covers the unit only: a filter must name the unit's own province or regency/city (a unit with
      // none, such as a ministry, has nothing in any of them).
      return (!wanted.provinceCode || wanted.provinceCode === place.provinceCode) && (!wanted.regionCode || wanted.regionCode === place.regionCode);
  }
}
