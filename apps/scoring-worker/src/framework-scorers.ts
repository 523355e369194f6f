import { FrameworkVersionRecord, frameworkVersionIdForPeriod } from '@peduli/db';
import { FrameworkStatus, prepareSubmissionScorer, Programme, SubmissionScorer } from '@peduli/domain';
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

  /** The version a period is scored against (see `frameworkVersionIdForPeriod`). */
  async forPeriod(manager: EntityManager, programme: Programme, periodKey: string): Promise<LoadedFramework | null> {
    const id = await frameworkVersionIdForPeriod(manager, programme, periodKey);
    return id ? this.byId(manager, id) : null;
  }
}
