import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CompletenessStatus, Permission, PROVINCE_CODE_PATTERN, REGION_CODE_PATTERN } from '@peduli/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { ApiError } from '../common/api-error';
import { translate } from '../common/messages';
import { localeOf } from '../common/request-context';
import { MEDIA_TYPES } from '../frameworks/interchange/document';
import { AuditExport } from './audit-export';
import { CompletenessExport } from './completeness-export';
import { ScoresExport } from './scores-export';
import { EXPORT_FORMATS, ExportFormat, streamTable } from './table-writer';

const FORMATS = Object.fromEntries(EXPORT_FORMATS.map((format) => [format, format])) as Record<ExportFormat, ExportFormat>;
/** An instant with its offset: without one it would be read in some guessed zone. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_EXAMPLE = '2026-01-01T00:00:00+07:00';

class FormatQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'csv (UTF-8 with BOM) or xlsx' })
  @IsEnum(FORMATS, { context: { values: EXPORT_FORMATS.join(', ') } })
  format: ExportFormat;
}

class PlaceQuery extends FormatQuery {
  @ApiPropertyOptional({ example: '64' }) @IsOptional() @Matches(PROVINCE_CODE_PATTERN, { context: { example: '64' } }) provinceCode?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
}

class ScoresExportQuery extends PlaceQuery {
  @ApiProperty({ description: 'The cycle (programme and year)' }) @IsUUID('4') cycleId: string;
}

class CompletenessExportQuery extends ScoresExportQuery {
  @ApiProperty({ example: 'B08' }) @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { context: { example: 'B08' } }) periodCode: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A ministry or a Biro Hukum: its own report and its units instead of regencies/cities' })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;
  @ApiPropertyOptional({ enum: CompletenessStatus, enumName: 'CompletenessStatus', description: 'Only the units of this status' })
  @IsOptional()
  @IsEnum(CompletenessStatus, { context: { values: Object.values(CompletenessStatus).join(', ') } })
  status?: CompletenessStatus;
  @ApiPropertyOptional({ description: 'Only the late units: LATE, or submitted after the deadline within an extension' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  lateOnly?: boolean;
}

class AuditExportQuery extends FormatQuery {
  @ApiProperty({ example: INSTANT_EXAMPLE }) @Matches(INSTANT_PATTERN, { context: { example: INSTANT_EXAMPLE } }) from: string;
  @ApiProperty({ example: '2026-12-31T23:59:59+07:00' }) @Matches(INSTANT_PATTERN, { context: { example: INSTANT_EXAMPLE } }) to: string;
  @ApiPropertyOptional({ example: 'submission' }) @IsOptional() @IsString() @MaxLength(48) entityType?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
}

/** The pattern lets through impossible dates such as 2026-02-30; those are refused like a wrong format. */
function instant(field: 'from' | 'to', value: string): Date {
  const parsed = new Date(value);
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(parsed.getTime()) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    throw ApiError.badRequest('request.invalid', {}, [
      { field, constraint: 'matches', fallback: `${field} must be an ISO 8601 instant`, context: { example: INSTANT_EXAMPLE } },
    ]);
  }
  return parsed;
}

const FILE_TYPES = ['text/csv', MEDIA_TYPES.xlsx];

/** The file an export answers with, in the format asked for, as an attachment. */
const ApiExportFile = () =>
  ApiOkResponse({
    description: 'The file, as an attachment: `text/csv` (UTF-8 with a BOM) for format=csv, an XLSX workbook for format=xlsx',
    content: Object.fromEntries(FILE_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });

/**
 * Downloads of scores, the completeness matrix and the audit trail as CSV or XLSX, streamed: rows are read in batches
 * and written as the client takes them, so an export of any size holds about one batch in memory. Headers are in the
 * request's language (Indonesian by default). Same permissions and scope as the JSON endpoints; a cycle, regency/city
 * or province the caller cannot see answers 404, bad parameters 400 naming the field.
 */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(
    private readonly scores: ScoresExport,
    private readonly completeness: CompletenessExport,
    private readonly audit: AuditExport,
  ) {}

  @Get('scores')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiExportFile()
  @ApiErrors(400, 401, 403, 404)
  @ApiOperation({ summary: 'Current scores of a cycle’s subjects in scope, one row each, with a column per criterion (KKP HAM) or per component and action (RANHAM)' })
  async exportScores(
    @Query() query: ScoresExportQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const table = await this.scores.table(query, principal);
    await streamTable(response, table, query.format, localeOf(request), this.logger);
  }

  @Get('completeness')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiExportFile()
  @ApiErrors(400, 401, 403, 404)
  @ApiOperation({ summary: 'The completeness matrix of a cycle’s period: the rows of GET /completeness, optionally only one status or only the late units' })
  async exportCompleteness(
    @Query() query: CompletenessExportQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const table = await this.completeness.table(query, principal);
    await streamTable(response, table, query.format, localeOf(request), this.logger);
  }

  @Get('audit')
  @RequirePermission(Permission.AUDIT_READ)
  @ApiExportFile()
  @ApiErrors(400, 401, 403, 404)
  @ApiOperation({ summary: 'Audit entries between two instants (inclusive), oldest first, in the caller’s scope' })
  async exportAudit(
    @Query() query: AuditExportQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const locale = localeOf(request);
    const from = instant('from', query.from);
    const to = instant('to', query.to);
    if (to < from) {
      throw ApiError.badRequest('request.invalid', {}, [
        {
          field: 'to',
          constraint: 'afterFrom',
          fallback: translate('export.rangeReversed', 'en', { from: query.from }),
          messages: { id: translate('export.rangeReversed', 'id', { from: query.from }), en: translate('export.rangeReversed', 'en', { from: query.from }) },
        },
      ]);
    }
    const table = await this.audit.table({ from, to, entityType: query.entityType, regionCode: query.regionCode }, principal);
    await streamTable(response, table, query.format, locale, this.logger);
  }
}
