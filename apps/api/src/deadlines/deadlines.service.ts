import { Injectable } from '@nestjs/common';
import { DeadlineExtension, Region, ReportingCycle, ReportingPeriod } from '@peduli/db';
import { deadlineInstant, isAfterDeadline, parsePeriodKey, Programme } from '@peduli/domain';
import { EntityManager, In, IsNull } from 'typeorm';

export interface UnitDeadline {
  periodId: string;
  /** The deadline as an instant, in the unit's own zone. */
  instant: Date;
  ianaZone: string;
  /** The latest extension for the unit (or its whole regency/city), if any. */
  extendedUntil: Date | null;
}

export interface DeadlineVerdict {
  late: boolean;
  allowed: boolean;
  deadline: UnitDeadline | null;
}

/** Where a period's deadline falls for one unit, and whether something done now is on time. */
@Injectable()
export class DeadlinesService {
  async forUnit(
    manager: EntityManager,
    subject: { programme: Programme; periodKey: string; regionCode: string; organisationId: string | null },
  ): Promise<UnitDeadline | null> {
    const key = parsePeriodKey(subject.periodKey);
    if (!key) return null;
    const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { programme: subject.programme, year: key.year }, select: { id: true } });
    if (!cycle) return null;
    const period = await manager.getRepository(ReportingPeriod).findOne({ where: { cycleId: cycle.id, code: key.code } });
    if (!period) return null;
    const region = await manager.getRepository(Region).findOneOrFail({ where: { code: subject.regionCode }, select: { code: true, ianaZone: true } });
    const extension = await manager.getRepository(DeadlineExtension).findOne({
      where: [
        { periodId: period.id, regionCode: subject.regionCode, organisationId: IsNull() },
        ...(subject.organisationId ? [{ periodId: period.id, regionCode: subject.regionCode, organisationId: In([subject.organisationId]) }] : []),
      ],
      order: { until: 'DESC' },
    });
    return {
      periodId: period.id,
      instant: deadlineInstant({ date: period.deadlineDate, time: period.deadlineTime }, period.timeZone ?? region.ianaZone),
      ianaZone: period.timeZone ?? region.ianaZone,
      extendedUntil: extension?.until ?? null,
    };
  }

  /** Server time decides: a unit cannot be on time by its own clock. Without a deadline, anything is on time. */
  async verdict(manager: EntityManager, subject: Parameters<DeadlinesService['forUnit']>[1], now = new Date()): Promise<DeadlineVerdict> {
    const deadline = await this.forUnit(manager, subject);
    if (!deadline) return { late: false, allowed: true, deadline: null };
    return { ...isAfterDeadline(now, deadline.instant, deadline.extendedUntil), deadline };
  }
}
