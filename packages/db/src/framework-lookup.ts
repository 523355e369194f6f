import { FrameworkStatus, parsePeriodKey, Programme } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import { FrameworkVersionRecord } from './entities/framework-version.entity';
import { ReportingCycle } from './entities/reporting-cycle.entity';

/**
 * The id of the version a period's submissions are answered and scored against: the one its cycle pins. Decision:
 * without a cycle for that programme and year, the newest published version of the programme applies, so a period
 * opened before its cycle was set up still works (and is rescored when the cycle is created).
 */
export async function frameworkVersionIdForPeriod(manager: EntityManager, programme: Programme, periodKey: string): Promise<string | null> {
  const period = parsePeriodKey(periodKey);
  if (period) {
    const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { programme, year: period.year }, select: { frameworkVersionId: true } });
    if (cycle) return cycle.frameworkVersionId;
  }
  const newest = await manager.getRepository(FrameworkVersionRecord).findOne({
    where: { programme, status: FrameworkStatus.PUBLISHED },
    order: { publishedAt: 'DESC', version: 'DESC' },
    select: { id: true },
  });
  return newest?.id ?? null;
}
