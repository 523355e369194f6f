import { HttpStatus, Injectable } from '@nestjs/common';
import { Organisation, recordAudit } from '@peduli/db';
import { ORGANISATION_LEVEL, OrganisationKind, Permission, Scope } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal, RequestActor } from '../auth/principal';
import { organisationScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/pagination';
import type { CreateOrganisationBody, OrganisationQuery, OrganisationView, UpdateOrganisationBody } from './organisations.dto';
import { OrganisationsRepository } from './organisations.repository';

function toView(o: Organisation): OrganisationView {
  return { id: o.id, kind: o.kind, name: o.name, provinceCode: o.provinceCode, regionCode: o.regionCode, parentId: o.parentId, active: o.active };
}

const LEVEL_HINT = {
  NATIONAL: { id: 'tanpa provinceCode dan regionCode', en: 'give neither provinceCode nor regionCode' },
  PROVINCE: { id: 'isi provinceCode saja', en: 'give provinceCode only' },
  REGION: { id: 'isi regionCode (kabupaten/kota)', en: 'give regionCode (the regency/city)' },
} as const;

/** Organisations, placed where their kind belongs, managed within the caller's scope. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsRepository,
    private readonly access: AccessService,
  ) {}

  async create(body: CreateOrganisationBody, principal: Principal, actor: RequestActor): Promise<OrganisationView> {
    // An OPD given a province and no regency/city is a province's OPD: a unit of the province's Biro Hukum.
    const provinceOpd = body.kind === OrganisationKind.OPD && Boolean(body.provinceCode) && !body.regionCode;
    const level = provinceOpd ? 'PROVINCE' : ORGANISATION_LEVEL[body.kind];
    const placedRight =
      (level === 'NATIONAL' && !body.provinceCode && !body.regionCode) ||
      (level === 'PROVINCE' && body.provinceCode && !body.regionCode) ||
      (level === 'REGION' && body.regionCode && (!body.provinceCode || body.provinceCode === body.regionCode.slice(0, 2)));
    if (!placedRight) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'organisation.wrongPlace', {
        kind: body.kind,
        levelId: { NATIONAL: 'nasional', PROVINCE: 'provinsi', REGION: 'kabupaten/kota' }[level],
        levelEn: { NATIONAL: 'national', PROVINCE: 'province', REGION: 'regency/city' }[level],
        hintId: LEVEL_HINT[level].id,
        hintEn: LEVEL_HINT[level].en,
      });
    }
    if (body.regionCode && !(await this.organisations.regionExists(body.regionCode))) {
      throw ApiError.notFound('region.notFound', { code: body.regionCode });
    }
    const provinceCode = body.regionCode ? body.regionCode.slice(0, 2) : (body.provinceCode ?? null);
    if (provinceCode && !(await this.organisations.provinceExists(provinceCode))) {
      throw ApiError.notFound('province.notFound', { code: provinceCode });
    }
    const parent = await this.parentOf(body, provinceCode, provinceOpd);
    const target: Scope = { provinceCode, regionCode: body.regionCode ?? null, organisationId: null, parentOrganisationId: parent?.id ?? null };
    if (!this.access.allowed(principal, Permission.ORGANISATIONS_MANAGE, target)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.insert(manager, {
        kind: body.kind,
        name: body.name.trim(),
        provinceCode,
        regionCode: body.regionCode ?? null,
        parentId: parent?.id ?? null,
      });
      await recordAudit(manager, {
        ...actor,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisation.id,
        after: toView(organisation),
        provinceCode,
        regionCode: organisation.regionCode,
      });
      return organisation;
    });
    return toView(saved);
  }

  /**
   * The reporting organisation a new unit belongs to: a directorate's ministry (required), a province OPD's Biro Hukum
   * (the one given, or the province's own when there is exactly one). Other kinds have none.
   */
  private async parentOf(body: CreateOrganisationBody, provinceCode: string | null, provinceOpd: boolean): Promise<Organisation | null> {
    const refuse = (hint: { id: string; en: string }) =>
      ApiError.badRequest('organisation.wrongParent', { parentId: body.parentId ?? '-', hintId: hint.id, hintEn: hint.en });
    if (body.kind === OrganisationKind.DIRECTORATE) {
      const ministryHint = { id: 'direktorat memerlukan parentId sebuah kementerian/lembaga (MINISTRY) yang aktif', en: 'a directorate needs the parentId of an active ministry or agency (MINISTRY)' };
      if (!body.parentId) throw refuse(ministryHint);
      const ministry = await this.organisations.findById(body.parentId);
      if (!ministry || !ministry.active || ministry.kind !== OrganisationKind.MINISTRY) throw refuse(ministryHint);
      return ministry;
    }
    if (provinceOpd) {
      const biroHint = { id: `OPD provinsi memerlukan Biro Hukum (BIRO_HUKUM) aktif provinsi ${provinceCode} sebagai induk; buat Biro Hukum itu dahulu atau sebutkan parentId-nya`, en: `a province's OPD needs the active Biro Hukum (BIRO_HUKUM) of province ${provinceCode} as its parent; create it first or give its parentId` };
      const biro = body.parentId ? await this.organisations.findById(body.parentId) : await this.organisations.onlyBiroHukumOf(provinceCode!);
      if (!biro || !biro.active || biro.kind !== OrganisationKind.BIRO_HUKUM || biro.provinceCode !== provinceCode) throw refuse(biroHint);
      return biro;
    }
    if (body.parentId) {
      throw refuse({ id: 'hanya direktorat (DIRECTORATE) dan OPD provinsi yang memiliki induk', en: 'only a directorate (DIRECTORATE) and a province’s OPD have a parent' });
    }
    return null;
  }

  async list(query: OrganisationQuery, principal: Principal): Promise<Page<OrganisationView>> {
    const scope = this.access.listFilter(principal, Permission.ORGANISATIONS_READ, {
      province: 'o.province_code',
      region: 'o.region_code',
      organisation: 'o.id',
      parent: 'o.parent_id',
    });
    const [items, total] = await this.organisations.list(scope, query, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: items.map(toView), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string, principal: Principal): Promise<OrganisationView> {
    return toView(await this.load(id, principal, Permission.ORGANISATIONS_READ));
  }

  async update(id: string, body: UpdateOrganisationBody, principal: Principal, actor: RequestActor): Promise<OrganisationView> {
    const before = await this.load(id, principal, Permission.ORGANISATIONS_MANAGE);
    return this.change(before, { name: body.name?.trim() ?? before.name }, 'organisation.updated', actor, null);
  }

  /** Kept for history; no new submissions. */
  async deactivate(id: string, reason: string | null, principal: Principal, actor: RequestActor): Promise<OrganisationView> {
    const before = await this.load(id, principal, Permission.ORGANISATIONS_MANAGE);
    return this.change(before, { active: false }, 'organisation.deactivated', actor, reason);
  }

  private async load(id: string, principal: Principal, permission: Permission): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw ApiError.notFound('organisation.notFound', { id });
    this.access.assertAllowed(principal, permission, organisationScope(organisation), 'organisation.notFound', id);
    return organisation;
  }

  private async change(
    before: Organisation,
    patch: Partial<Pick<Organisation, 'name' | 'active'>>,
    action: string,
    actor: RequestActor,
    reason: string | null,
  ): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      const after = await this.organisations.update(manager, before.id, patch);
      await recordAudit(manager, {
        ...actor,
        action,
        entityType: 'organisation',
        entityId: before.id,
        before: toView(before),
        after: toView(after),
        reason,
        provinceCode: after.provinceCode,
        regionCode: after.regionCode,
      });
      return toView(after);
    });
  }
}
