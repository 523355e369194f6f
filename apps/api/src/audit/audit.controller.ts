import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditEntry } from '@peduli/db';
import { Permission, REGION_CODE_PATTERN } from '@peduli/domain';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { Page, PageQuery } from '../common/pagination';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'submission' }) @IsOptional() @IsString() @MaxLength(48) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ example: 'submission.submitted' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actorId?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

/** The audit trail, newest first: national admins see all of it, a Kanwil the changes made in its province. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  @Get()
  @RequirePermission(Permission.AUDIT_READ)
  @ApiOperation({ summary: 'Audit entries with filters, newest first' })
  async list(@Query() query: AuditQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AuditEntry>> {
    const builder = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const scope = this.access.listFilter(principal, Permission.AUDIT_READ, { province: 'a.province_code', region: 'a.region_code', organisation: 'NULL' });
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (query.entityType) builder.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.regionCode) builder.andWhere('a.region_code = :regionCode', { regionCode: query.regionCode });
    if (query.from) builder.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.occurred_at <= :to', { to: query.to });
    const [items, total] = await builder.getManyAndCount();
    return { items, page: query.page, pageSize: query.pageSize, total };
  }
}
