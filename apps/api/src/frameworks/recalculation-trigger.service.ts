import { Injectable } from '@nestjs/common';
import { recordAudit, RecalculationRun, ReportingCycle } from '@peduli/db';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';

export type RecalculationReason = 'CYCLE_CREATED' | 'VERSION_SWITCHED' | 'VERSION_PUBLISHED';

/**
 * Points a cycle at a framework version and starts the run that rescores its submissions, in the caller's
 * transaction: the switch, the run and the outbox event that starts it commit together or not at all.
 */
@Injectable()
export class RecalculationTrigger {
  constructor(private readonly relay: OutboxRelay) {}

  async adopt(
    manager: EntityManager,
    cycle: ReportingCycle,
    frameworkVersionId: string,
    reason: RecalculationReason,
    actor: RequestActor,
  ): Promise<RecalculationRun> {
    // Decision: a decreed cycle's results are final, so nothing rescores them; a new rule reaches the next cycle.
    if (cycle.decreeNumber) throw ApiError.conflict('cycle.decreed', { programme: cycle.programme, year: cycle.year, number: cycle.decreeNumber });
    const previous = reason === 'CYCLE_CREATED' ? null : cycle.frameworkVersionId;
    if (previous !== null) await manager.update(ReportingCycle, cycle.id, { frameworkVersionId });
    const run = await manager.getRepository(RecalculationRun).save({
      cycleId: cycle.id,
      frameworkVersionId,
      previousFrameworkVersionId: previous,
      reason,
    });
    await recordEvent(manager, JobName.RecalculationRequested, { runId: run.id });
    await recordAudit(manager, {
      ...actor,
      action: 'recalculation.requested',
      entityType: 'recalculation_run',
      entityId: run.id,
      after: { cycleId: cycle.id, programme: cycle.programme, year: cycle.year, frameworkVersionId, previousFrameworkVersionId: previous, reason },
    });
    return run;
  }

  /** Call after the transaction commits, so the run starts now rather than at the next sweep. */
  kick(): void {
    this.relay.kick();
  }
}
