import { FrameworkVersionRecord, ReportingCycle } from '@peduli/db';
import { FrameworkStatus, parsePeriodKey, prepareSubmissionScorer, Programme, SubmissionScorer } from '@peduli/domain';
import type { EntityManager } from 'typeorm';

export interface LoadedFramework {
  record: FrameworkVersionRecord;
  scorer: SubmissionScorer;
}

/**
 * Framework versions and their prepared scorers. Only published and retired versions are cached: they never change
 * again, so checking a version once serves every submission of a run.
 */
export class FrameworkScorers {
  private readonly cache = new Map<string, LoadedFramework>();

  async byId(manager: EntityManager, id: string): Promise<LoadedFramework | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id } });
    if (!record) return null;
    const loaded = { record, scorer: prepareSubmissionScorer(record) };
    if (record.status !== FrameworkStatus.DRAFT) this.cache.set(id, loaded);
    return loaded;
  }

  /**
   * The version a submission is scored against: the one its cycle pins. Decision: without a cycle for that
   * programme and year, the newest published version of the programme applies, so a period opened before its cycle
   * was set up is still scored (and rescored when the cycle is created with another version).
   */
  async forPeriod(manager: EntityManager, programme: Programme, periodKey: string): Promise<LoadedFramework | null> {
    const period = parsePeriodKey(periodKey);
    if (period) {
      const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { programme, year: period.year } });
      if (cycle) return this.byId(manager, cycle.frameworkVersionId);
    }
    const newest = await manager.getRepository(FrameworkVersionRecord).findOne({
      where: { programme, status: FrameworkStatus.PUBLISHED },
      order: { publishedAt: 'DESC', version: 'DESC' },
      select: { id: true },
    });
    return newest ? this.byId(manager, newest.id) : null;
  }
}
