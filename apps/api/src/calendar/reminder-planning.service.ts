import { Injectable } from '@nestjs/common';
import { ReportingPeriod } from '@peduli/db';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import type { EntityManager } from 'typeorm';

/**
 * Asks the reminder worker to plan a period's reminders again, through the outbox, in the caller's transaction: a
 * deadline, internal deadline, extension or policy change and its re-plan commit together or not at all.
 */
@Injectable()
export class ReminderPlanning {
  constructor(private readonly relay: OutboxRelay) {}

  async requestForPeriods(manager: EntityManager, periodIds: string[]): Promise<void> {
    for (const periodId of periodIds) await recordEvent(manager, JobName.RemindersPlanRequested, { periodId });
  }

  async requestForCycle(manager: EntityManager, cycleId: string): Promise<void> {
    const periods = await manager.getRepository(ReportingPeriod).find({ where: { cycleId }, select: { id: true } });
    await this.requestForPeriods(manager, periods.map((period) => period.id));
  }

  /** After the commit: publish now rather than at the next sweep. */
  kick(): void {
    this.relay.kick();
  }
}
