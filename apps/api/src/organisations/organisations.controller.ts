import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Organisation, Province, recordAudit, Region } from '@peduli/db';
import { ORGANISATION_LEVEL, Permission, Scope } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { organisationScope } from '../auth/scopes';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { Page } from '../common/pagination';
import { uuidParam } from '../common/uuid-param';
import { CreateOrganisationBody, OrganisationQuery, OrganisationView, ReasonBody, UpdateOrganisationBody } from './organisations.dto';

function toView(o: Organisation): OrganisationView {
  return { id: o.id, kind: o.kind, name: o.name, provinceCode: o.provinceCode, regionCode: o.regionCode, active: o.active };
}

const LEVEL_HINT = {
  NATIONAL: { id: 'tanpa provinceCode dan regionCode', en: 'give neither provinceCode nor regionCode' },
  PROVINCE: { id: 'isi provinceCode saja', en: 'give provinceCode only' },
  REGION: { id: 'isi regionCode (kabupaten/kota)', en: 'give regionCode (the regency/city)' },
} as const;

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  @Post()
  @RequirePermission(Permission.ORGANISATIONS_MANAGE)
  @ApiOperation({ summary: 'Create an organisation in the place its kind belongs (national, province or regency/city)' })
  async create(
    @Body() body: CreateOrganisationBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<OrganisationView> {
    const level = ORGANISATION_LEVEL[body.kind];
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
    if (body.regionCode && !(await this.dataSource.getRepository(Region).exists({ where: { code: body.regionCode } }))) {
      throw ApiError.notFound('region.notFound', { code: body.regionCode });
    }
    const provinceCode = body.regionCode ? body.regionCode.slice(0, 2) : (body.provinceCode ?? null);
    if (provinceCode && !(await this.dataSource.getRepository(Province).exists({ where: { code: provinceCode } }))) {
      throw ApiError.notFound('province.notFound', { code: provinceCode });
    }
    const target: Scope = { provinceCode, regionCode: body.regionCode ?? null, organisationId: null };
    if (!this.access.allowed(principal, Permission.ORGANISATIONS_MANAGE, target)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      const organisation = await manager.getRepository(Organisation).save({
        kind: body.kind,
        name: body.name.trim(),
        provinceCode,
        regionCode: body.regionCode ?? null,
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

  @Get()
  @RequirePermission(Permission.ORGANISATIONS_READ)
  @ApiOperation({ summary: 'Organisations within the caller’s scope, filtered and paginated' })
  async list(@Query() query: OrganisationQuery, @CurrentPrincipal() principal: Principal): Promise<Page<OrganisationView>> {
    const builder = this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .orderBy('o.name', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const scope = this.access.listFilter(principal, Permission.ORGANISATIONS_READ, {
      province: 'o.province_code',
      region: 'o.region_code',
      organisation: 'o.id',
    });
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (query.kind) builder.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.provinceCode) builder.andWhere('o.province_code = :p', { p: query.provinceCode });
    if (query.regionCode) builder.andWhere('o.region_code = :r', { r: query.regionCode });
    if (query.active !== undefined) builder.andWhere('o.active = :a', { a: query.active });
    const [items, total] = await builder.getManyAndCount();
    return { items: items.map(toView), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @RequirePermission(Permission.ORGANISATIONS_READ)
  async get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<OrganisationView> {
    return toView(await this.load(id, principal, Permission.ORGANISATIONS_READ));
  }

  @Patch(':id')
  @RequirePermission(Permission.ORGANISATIONS_MANAGE)
  async update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateOrganisationBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<OrganisationView> {
    const before = await this.load(id, principal, Permission.ORGANISATIONS_MANAGE);
    return this.change(before, { name: body.name?.trim() ?? before.name }, 'organisation.updated', actor, null);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission(Permission.ORGANISATIONS_MANAGE)
  @ApiOperation({ summary: 'Deactivate an organisation (kept for history; no new submissions)' })
  async deactivate(
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<OrganisationView> {
    const before = await this.load(id, principal, Permission.ORGANISATIONS_MANAGE);
    return this.change(before, { active: false }, 'organisation.deactivated', actor, body.reason ?? null);
  }

  private async load(id: string, principal: Principal, permission: Permission): Promise<Organisation> {
    const organisation = await this.dataSource.getRepository(Organisation).findOne({ where: { id } });
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
      await manager.update(Organisation, before.id, patch);
      const after = await manager.getRepository(Organisation).findOneOrFail({ where: { id: before.id } });
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
