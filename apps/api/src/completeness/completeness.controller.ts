import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DeadlineExtension, ReportingCycle, ReportingPeriod } from '@peduli/db';
import { CompletenessStatus, completenessOf, deadlineInstant, isAfterDeadline, Permission, REPORTING_UNIT_KINDS, SubmissionStatus } from '@peduli/domain';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';

class CompletenessQuery {
  @ApiProperty() @IsUUID('4') cycleId: string;
  @ApiProperty({ example: 'B08' }) @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { context: { example: 'B08' } }) periodCode: string;
  @ApiPropertyOptional({ example: '64' }) @IsOptional() @Matches(/^\d{2}$/, { context: { example: '64' } }) provinceCode?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
}


interface UnitRow {
  region_code: string;
  region_name: string;
  iana_zone: string;
  organisation_id: string | null;
  organisation_name: string | null;
  submission_id: string | null;
  status: SubmissionStatus | null;
  late: boolean | null;
}

export interface CompletenessRow {
  regionCode: string;
  regionName: string;
  organisationId: string | null;
  organisationName: string | null;
  status: CompletenessStatus;
  /** Submitted after the deadline, within an extension. */
  late: boolean;
  submissionId: string | null;
}

/** Turns TypeORM-style named parameters (:name) of a scope filter into positional ones after `offset`. */
function positional(sql: string, params: Record<string, unknown>, offset: number): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const text = sql.replace(/:(\w+)/g, (_match, name: string) => {
    values.push(params[name]);
    return `$${offset + values.length}`;
  });
  return { sql: text, values };
}

/** For coordinators and the Kanwil: which units of a cycle's period have not started, are in draft, submitted, returned, verified or late. */
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('completeness')
export class CompletenessController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  @Get()
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Units by status for a cycle’s period, filterable by province and regency/city, within the caller’s scope' })
  async matrix(@Query() query: CompletenessQuery, @CurrentPrincipal() principal: Principal) {
    const cycle = await this.dataSource.getRepository(ReportingCycle).findOne({ where: { id: query.cycleId } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    const periodKey = `${cycle.year}-${query.periodCode}`;
    const period = await this.dataSource.getRepository(ReportingPeriod).findOne({ where: { cycleId: cycle.id, code: query.periodCode } });

    const base: unknown[] = [cycle.programme, periodKey, REPORTING_UNIT_KINDS];
    const filters: string[] = [];
    if (query.provinceCode) filters.push(`u.province_code = $${base.push(query.provinceCode)}`);
    if (query.regionCode) filters.push(`u.region_code = $${base.push(query.regionCode)}`);
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, { province: 'u.province_code', region: 'u.region_code', organisation: 'u.organisation_id' });
    if (scope) {
      const { sql, values } = positional(scope.sql, scope.params, base.length);
      base.push(...values);
      filters.push(sql);
    }
    const rows: UnitRow[] = await this.dataSource.query(
      `WITH units AS (
         SELECT r.code AS region_code, r.name AS region_name, r.province_code, r.iana_zone, NULL::uuid AS organisation_id, NULL::varchar AS organisation_name
           FROM region r
         UNION ALL
         SELECT o.region_code, r.name, o.province_code, r.iana_zone, o.id, o.name
           FROM organisation o JOIN region r ON r.code = o.region_code
          WHERE o.active AND o.kind = ANY($3)
       )
       SELECT u.region_code, u.region_name, u.iana_zone, u.organisation_id, u.organisation_name, s.id AS submission_id, s.status, s.late
         FROM units u
         LEFT JOIN LATERAL (
           SELECT id, status, late FROM submission s
            WHERE s.region_code = u.region_code AND s.organisation_id IS NOT DISTINCT FROM u.organisation_id
              AND s.programme = $1 AND s.period_key = $2
            ORDER BY s.created_at DESC LIMIT 1) s ON TRUE
        WHERE ${filters.length ? filters.join(' AND ') : 'TRUE'}
        ORDER BY u.region_code, u.organisation_id NULLS FIRST, u.organisation_name`,
      base,
    );

    const extensions = period ? await this.dataSource.getRepository(DeadlineExtension).find({ where: { periodId: period.id } }) : [];
    const now = new Date();
    const mayStillSubmit = (row: UnitRow): boolean => {
      if (!period) return true;
      const deadline = deadlineInstant({ date: period.deadlineDate, time: period.deadlineTime }, period.timeZone ?? row.iana_zone);
      const extendedUntil = extensions
        .filter((e) => e.regionCode === row.region_code && (e.organisationId === null || e.organisationId === row.organisation_id))
        .reduce<Date | null>((latest, e) => (latest === null || e.until > latest ? e.until : latest), null);
      return isAfterDeadline(now, deadline, extendedUntil).allowed;
    };
    const units: CompletenessRow[] = rows.map((row) => ({
      regionCode: row.region_code,
      regionName: row.region_name,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      status: completenessOf(row.status, mayStillSubmit(row)),
      late: row.late === true,
      submissionId: row.submission_id,
    }));
    const totals = Object.fromEntries(Object.values(CompletenessStatus).map((status) => [status, units.filter((unit) => unit.status === status).length]));
    return { cycleId: cycle.id, periodKey, deadlineSet: period !== null, totals, units };
  }
}
