import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InternalDeadline, recordAudit, Region, ReportingPeriod } from '@peduli/db';
import { deadlineInstant, formatDeadline, isLocalDeadline, Permission, REGION_CODE_PATTERN } from '@peduli/domain';
import { IsOptional, Matches } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { ANY_SIGNED_IN, CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { ReminderPlanning } from './reminder-planning.service';

class InternalDeadlineBody {
  @ApiProperty({ example: '2026-09-01', description: 'Local date in the regency/city’s zone' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2026-09-01' } }) deadlineDate: string;
  @ApiPropertyOptional({ example: '16:00' }) @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { context: { example: '16:00' } }) deadlineTime?: string;
}

/**
 * A coordinator's earlier deadline for the units of its own regency/city. It binds the units' reminders (they count
 * down to it); the official deadline still decides what is late.
 */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles/:cycleId/periods/:code/internal-deadlines')
export class InternalDeadlinesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly planning: ReminderPlanning,
  ) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The internal deadlines coordinators set for this period' })
  async list(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string) {
    const period = await this.period(this.dataSource.manager, cycleId, code);
    const rows = await this.dataSource.getRepository(InternalDeadline).find({ where: { periodId: period.id }, order: { regionCode: 'ASC' } });
    const zones = await this.zones(rows.map((row) => row.regionCode));
    return rows.map((row) => this.view(row, period, zones.get(row.regionCode)!));
  }

  @Put(':regionCode')
  @RequirePermission(Permission.INTERNAL_DEADLINES_SET)
  @ApiOperation({ summary: 'Set the internal deadline for the units of a regency/city (its coordinator, or an admin); must fall before the official one' })
  async set(
    @Param('cycleId', uuidParam) cycleId: string,
    @Param('code') code: string,
    @Param('regionCode') regionCode: string,
    @Body() body: InternalDeadlineBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ) {
    this.assertScope(principal, regionCode);
    const deadline = { date: body.deadlineDate, time: body.deadlineTime ?? null };
    if (!isLocalDeadline(deadline)) throw ApiError.badRequest('period.badDeadline');
    const view = await this.dataSource.transaction(async (manager) => {
      const period = await this.period(manager, cycleId, code);
      const region = await manager.getRepository(Region).findOne({ where: { code: regionCode } });
      if (!region) throw ApiError.notFound('region.notFound', { code: regionCode });
      const zone = period.timeZone ?? region.ianaZone;
      const internal = deadlineInstant(deadline, zone);
      const official = deadlineInstant({ date: period.deadlineDate, time: period.deadlineTime }, zone);
      if (internal >= official) {
        throw ApiError.badRequest('internalDeadline.afterOfficial', { internal: formatDeadline(internal, zone, 'en'), official: formatDeadline(official, zone, 'en') });
      }
      if (period.opensOn && body.deadlineDate < period.opensOn) {
        throw ApiError.badRequest('internalDeadline.beforeOpening', { internal: body.deadlineDate, opensOn: period.opensOn });
      }
      const before = await manager.getRepository(InternalDeadline).findOne({ where: { periodId: period.id, regionCode } });
      await manager.getRepository(InternalDeadline).save({ periodId: period.id, regionCode, deadlineDate: deadline.date, deadlineTime: deadline.time, setBy: principal.userId });
      await recordAudit(manager, {
        ...actor,
        action: 'internal_deadline.set',
        entityType: 'reporting_period',
        entityId: period.id,
        before: before ? { deadlineDate: before.deadlineDate, deadlineTime: before.deadlineTime } : null,
        after: { regionCode, deadlineDate: deadline.date, deadlineTime: deadline.time },
        regionCode,
      });
      await this.planning.requestForPeriods(manager, [period.id]);
      const saved = await manager.getRepository(InternalDeadline).findOneOrFail({ where: { periodId: period.id, regionCode } });
      return this.view(saved, period, region.ianaZone);
    });
    this.planning.kick();
    return view;
  }

  @Delete(':regionCode')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.INTERNAL_DEADLINES_SET)
  @ApiOperation({ summary: 'Drop the internal deadline: the units count down to the official deadline again' })
  async remove(
    @Param('cycleId', uuidParam) cycleId: string,
    @Param('code') code: string,
    @Param('regionCode') regionCode: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    this.assertScope(principal, regionCode);
    await this.dataSource.transaction(async (manager) => {
      const period = await this.period(manager, cycleId, code);
      const existing = await manager.getRepository(InternalDeadline).findOne({ where: { periodId: period.id, regionCode } });
      if (!existing) throw ApiError.notFound('internalDeadline.notFound', { regionCode });
      await manager.getRepository(InternalDeadline).delete({ periodId: period.id, regionCode });
      await recordAudit(manager, {
        ...actor,
        action: 'internal_deadline.removed',
        entityType: 'reporting_period',
        entityId: period.id,
        before: { regionCode, deadlineDate: existing.deadlineDate, deadlineTime: existing.deadlineTime },
        after: null,
        regionCode,
      });
      await this.planning.requestForPeriods(manager, [period.id]);
    });
    this.planning.kick();
  }

  private assertScope(principal: Principal, regionCode: string): void {
    if (!REGION_CODE_PATTERN.test(regionCode)) throw ApiError.notFound('region.notFound', { code: regionCode });
    const scope = { provinceCode: regionCode.slice(0, 2), regionCode, organisationId: null };
    if (!this.access.allowed(principal, Permission.INTERNAL_DEADLINES_SET, scope)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'internalDeadline.outOfScope', { regionCode });
    }
  }

  private async period(manager: EntityManager, cycleId: string, code: string): Promise<ReportingPeriod> {
    const period = await manager.getRepository(ReportingPeriod).findOne({ where: { cycleId, code } });
    if (!period) throw ApiError.notFound('period.notFound', { code });
    return period;
  }

  private async zones(regionCodes: string[]): Promise<Map<string, string>> {
    if (regionCodes.length === 0) return new Map();
    const regions = await this.dataSource.getRepository(Region).find({ where: regionCodes.map((code) => ({ code })), select: { code: true, ianaZone: true } });
    return new Map(regions.map((region) => [region.code, region.ianaZone]));
  }

  private view(row: InternalDeadline, period: ReportingPeriod, regionZone: string) {
    const zone = period.timeZone ?? regionZone;
    const instant = deadlineInstant({ date: row.deadlineDate, time: row.deadlineTime }, zone);
    return {
      regionCode: row.regionCode,
      deadlineDate: row.deadlineDate,
      deadlineTime: row.deadlineTime,
      deadlineAt: instant.toISOString(),
      deadline: { id: formatDeadline(instant, zone, 'id'), en: formatDeadline(instant, zone, 'en') },
    };
  }
}
