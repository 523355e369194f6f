import { FrameworkStatus, parsePeriodKey, Programme, SCORABLE_STATUSES } from '@peduli/domain';
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

/**
 * Framework versions by id, for a process that reads the same few over and over (every answer update, every document
 * check). Only drafts can still change, so every other version is read once per cache.
 */
export class FrameworkVersionCache {
  private readonly versions = new Map<string, FrameworkVersionRecord>();

  async byId(manager: EntityManager, id: string): Promise<FrameworkVersionRecord | null> {
    const cached = this.versions.get(id);
    if (cached) return cached;
    const version = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id } });
    if (version && version.status !== FrameworkStatus.DRAFT) this.versions.set(id, version);
    return version;
  }
}

/**
 * The submissions of a cycle that get a score of their own (the SQL side of `isScoringSubject`): its programme and
 * year, checked or later (`SCORABLE_STATUSES`), and only reporters' own reports (`own_report`, set from
 * `isReporterOwnReport` when the submission is created), not their units' inputs, in both programmes.
 * `first` is the number of the first of the three positional parameters `cycleSubjectsParams` gives.
 */
export function cycleSubjectsCondition(alias: string, first: number): string {
  return `${alias}.programme = $${first} AND ${alias}.period_key LIKE $${first + 1} AND ${alias}.status = ANY($${first + 2})
          AND ${alias}.own_report`;
}

export function cycleSubjectsParams(cycle: { programme: Programme; year: number }): unknown[] {
  return [cycle.programme, `${cycle.year}-%`, SCORABLE_STATUSES];
}
