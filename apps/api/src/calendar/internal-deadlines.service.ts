import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InternalDeadline, recordAudit, Region, ReportingPeriod } from '@peduli/db';
import { deadlineInstant, formatDeadline, isLocalDeadline, Permission, REGION_CODE_PATTERN } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { ReminderPlanning } from './reminder-planning.service';

export class LocalisedDeadline {
  @ApiProperty({ example: '1 September 2026 pukul 16.00 WITA' }) id: string;
  @ApiProperty({ example: '1 September 2026, 16:00 WITA' }) en: string;
}

export class InternalDeadlineView {
  @ApiProperty({ example: '64.71' }) regionCode: string;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) deadlineDate: string;
  @ApiProperty({ type: String, nullable: true, example: '16:00', description: 'null: the end of the day' }) deadlineTime: string | null;
  @ApiProperty({ format: 'date-time', description: 'The instant in the regency/city’s zone (or the period’s one zone)' }) deadlineAt: string;
  @ApiProperty({ type: LocalisedDeadline, description: 'As people read it, with its zone' }) deadline: LocalisedDeadline;
}

/**
 * A coordinator's earlier deadline for the units of its own regency/city. It binds the units' reminders (they count
 * down to it), and completeness shows them LATE once it has passed; the official deadline still decides what is accepted
 * and flagged late on submission.
 */
@Injectable()
export class InternalDeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly planning: ReminderPlanning,
  ) {}

  async list(cycleId: string, code: string): Promise<InternalDeadlineView[]> {
    const period = await this.period(this.dataSource.manager, cycleId, code);
    const rows = await this.dataSource.getRepository(InternalDeadline).find({ where: { periodId: period.id }, order: { regionCode: 'ASC' } });
    const zones = await this.zones(rows.map((row) => row.regionCode));
    return rows.map((row) => this.view(row, period, zones.get(row.regionCode)!));
  }

  async set(
    cycleId: string,
    code: string,
    regionCode: string,
    body: { deadlineDate: string; deadlineTime?: string },
    principal: Principal,
    actor: RequestActor,
  ): Promise<InternalDeadlineView> {
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

  async remove(
    cycleId: string,
    code: string,
    regionCode: string,
    principal: Principal,
    actor: RequestActor,
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

  private view(row: InternalDeadline, period: ReportingPeriod, regionZone: string): InternalDeadlineView {
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
