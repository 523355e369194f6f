import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission, REGION_CODE_PATTERN } from '@peduli/domain';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { PageQuery } from '../common/pagination';
import { AuditPage, readAuditPage } from './audit-page';

/** An audit id as the listing hands it out; at most 18 digits, so it always fits PostgreSQL's bigint. */
const CURSOR_PATTERN = /^[1-9][0-9]{0,17}$/;

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; the next page starts after it. Replaces `page`.', example: '1234' })
  @IsOptional()
  @Matches(CURSOR_PATTERN, { context: { example: '1234' } })
  cursor?: string;

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
  @ApiOperation({
    summary: 'Audit entries with filters, newest first',
    description: 'Page with `cursor` (the previous page\'s `nextCursor`, null on the last page). There is no total: counting a trail that only grows costs a scan of it.',
  })
  async list(@Query() query: AuditQuery, @CurrentPrincipal() principal: Principal): Promise<AuditPage> {
    if (query.cursor && query.page > 1) throw ApiError.badRequest('audit.cursorWithPage');
    const scope = this.access.listFilter(principal, Permission.AUDIT_READ, { province: 'a.province_code', region: 'a.region_code', organisation: 'NULL' });
    const position = query.cursor ? { cursor: query.cursor } : { offset: (query.page - 1) * query.pageSize };
    const page = await readAuditPage(this.dataSource, scope, query, position, query.pageSize);
    return { ...page, page: query.cursor ? null : query.page };
  }
}
