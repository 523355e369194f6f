import { Injectable } from '@nestjs/common';
import { FrameworkVersionRecord, recordAudit, ReportingCycle } from '@peduli/db';
import { Programme } from '@peduli/domain';
import { JobName, recordEvent } from '@peduli/queue';
import { DataSource, EntityManager } from 'typeorm';
import { RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { insertCycleIfAbsent } from './framework-queries';
import { assertAdoptable } from './frameworks.service';
import { CycleChange, cycleView, CycleView, runSummary } from './framework-views';
import { RecalculationTrigger } from './recalculation-trigger.service';

/**
 * Reporting cycles: one per programme and year, each pinning the framework version its submissions are scored
 * against. Creating a cycle or switching its version starts a recalculation run.
 */
@Injectable()
export class CyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recalculations: RecalculationTrigger,
  ) {}

  async list(query: { programme?: Programme }): Promise<CycleView[]> {
    const rows = await this.dataSource.getRepository(ReportingCycle).find({
      where: query.programme ? { programme: query.programme } : {},
      order: { year: 'DESC', programme: 'ASC' },
    });
    return rows.map(cycleView);
  }

  async get(id: string): Promise<CycleView> {
    return cycleView(await this.load(id));
  }

  async create(body: { programme: Programme; year: number; label: string; frameworkVersionId: string; dataYear?: number }, actor: RequestActor): Promise<CycleChange> {
    const result = await this.dataSource.transaction(async (manager) => {
      const version = await this.loadVersion(manager, body.frameworkVersionId);
      assertAdoptable(version, body);
      const insertedId = await insertCycleIfAbsent(manager, {
        programme: body.programme,
        year: body.year,
        label: body.label,
        frameworkVersionId: version.id,
        dataYear: body.dataYear,
      });
      if (insertedId === null) throw ApiError.conflict('cycle.duplicate', { programme: body.programme, year: body.year });
      const cycle = await this.load(insertedId, manager);
      await recordAudit(manager, { ...actor, action: 'cycle.created', entityType: 'reporting_cycle', entityId: cycle.id, after: cycleView(cycle) });
      const run = await this.recalculations.adopt(manager, cycle, version.id, 'CYCLE_CREATED', actor);
      return { cycle: cycleView(cycle), recalculation: runSummary(run) };
    });
    this.recalculations.kick();
    return result;
  }

  async switchVersion(id: string, body: { frameworkVersionId: string }, actor: RequestActor): Promise<CycleChange> {
    const result = await this.dataSource.transaction(async (manager) => {
      const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cycle) throw ApiError.notFound('cycle.notFound', { id });
      const version = await this.loadVersion(manager, body.frameworkVersionId);
      assertAdoptable(version, cycle);
      // Putting the same version again is a no-op, so a retried request does not start a second run.
      if (cycle.frameworkVersionId === version.id) return { cycle: cycleView(cycle), recalculation: null };
      const run = await this.recalculations.adopt(manager, cycle, version.id, 'VERSION_SWITCHED', actor);
      await recordAudit(manager, {
        ...actor,
        action: 'cycle.version_switched',
        entityType: 'reporting_cycle',
        entityId: id,
        before: { frameworkVersionId: cycle.frameworkVersionId },
        after: { frameworkVersionId: version.id, recalculationId: run.id },
      });
      return { cycle: cycleView(await this.load(id, manager)), recalculation: runSummary(run) };
    });
    if (result.recalculation) this.recalculations.kick();
    return result;
  }

  /** Records (or corrects) a KKP HAM cycle's decree; from then on its results are final. */
  async recordDecree(id: string, body: { number: string; date: string }, actor: RequestActor): Promise<CycleView> {
    const number = body.number.trim();
    const view = await this.dataSource.transaction(async (manager) => {
      const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cycle) throw ApiError.notFound('cycle.notFound', { id });
      if (cycle.programme !== Programme.KKP_HAM) throw ApiError.conflict('cycle.decreeNotKkp', { programme: cycle.programme });
      if (cycle.decreeNumber === number && cycle.decreeDate === body.date) return cycleView(cycle);
      await manager.update(ReportingCycle, id, { decreeNumber: number, decreeDate: body.date });
      await recordAudit(manager, {
        ...actor,
        action: cycle.decreeNumber ? 'cycle.decree_corrected' : 'cycle.decree_recorded',
        entityType: 'reporting_cycle',
        entityId: id,
        before: { decreeNumber: cycle.decreeNumber, decreeDate: cycle.decreeDate },
        after: { decreeNumber: number, decreeDate: body.date },
      });
      // The certificates of the regencies/cities rated PEDULI are printed under this decree.
      await recordEvent(manager, JobName.CertificatesRequested, { cycleId: id });
      return cycleView(await this.load(id, manager));
    });
    this.recalculations.kick();
    return view;
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<ReportingCycle> {
    const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id });
    return cycle;
  }

  private async loadVersion(manager: EntityManager, id: string): Promise<FrameworkVersionRecord> {
    // Shared lock: the version cannot be retired while a cycle is being pointed at it.
    const version = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
    if (!version) throw ApiError.notFound('framework.notFound', { id });
    return version;
  }
}
