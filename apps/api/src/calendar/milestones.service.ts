import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CycleMilestone, recordAudit, ReportingCycle, ReportingPeriod } from '@peduli/db';
import { defaultKkpMilestones, isLocalDeadline, KkpMilestone, milestonesOutOfOrder, Programme } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { upsertPeriodDeadline } from './calendar-queries';
import { ReminderPlanning } from './reminder-planning.service';

export class MilestoneView {
  @ApiProperty({ enum: KkpMilestone, enumName: 'KkpMilestone' }) code: KkpMilestone;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) date: string;
  @ApiProperty({ type: String, nullable: true, example: '16:00', description: 'null: the end of the day' }) time: string | null;
  @ApiProperty({ description: 'true while the cycle keeps the usual date for this step' }) isDefault: boolean;
}

/** The TAHUNAN period of a KKP HAM cycle: its deadline is the regency/city input close. */
const KKP_PERIOD = 'TAHUNAN';

/**
 * The KKP HAM calendar of one award year: regency/city input close (the TAHUNAN period's deadline, which reminders
 * count down to), Kanwil verification close, central review close, decree and award. All editable, in order.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planning: ReminderPlanning,
  ) {}

  async list(cycleId: string): Promise<MilestoneView[]> {
    const cycle = await this.kkpCycle(this.dataSource.manager, cycleId);
    return this.current(this.dataSource.manager, cycle);
  }

  async set(cycleId: string, code: string, body: { date: string; time?: string }, actor: RequestActor): Promise<MilestoneView[]> {
    const codes = Object.values(KkpMilestone) as string[];
    if (!codes.includes(code)) throw ApiError.badRequest('milestone.unknown', { code, codes: codes.join(', ') });
    if (!isLocalDeadline({ date: body.date, time: body.time })) throw ApiError.badRequest('period.badDeadline');
    const milestone = code as KkpMilestone;
    const views = await this.dataSource.transaction(async (manager) => {
      const cycle = await this.kkpCycle(manager, cycleId, true);
      const before = await this.current(manager, cycle);
      const dates = Object.fromEntries(before.map((view) => [view.code, view.date])) as Record<KkpMilestone, string>;
      dates[milestone] = body.date;
      const disorder = milestonesOutOfOrder(dates);
      if (disorder) {
        const [earlier, later] = disorder;
        throw ApiError.badRequest('milestone.outOfOrder', { earlier, earlierDate: dates[earlier], later, laterDate: dates[later] });
      }
      if (milestone === KkpMilestone.PEMDA_INPUT_CLOSE) {
        const periodId = await upsertPeriodDeadline(manager, { cycleId: cycle.id, code: KKP_PERIOD, deadlineDate: body.date, deadlineTime: body.time ?? null });
        await this.planning.requestForPeriods(manager, [periodId]);
      } else {
        await manager.getRepository(CycleMilestone).save({ cycleId: cycle.id, code: milestone, date: body.date, time: body.time ?? null });
      }
      const previous = before.find((view) => view.code === milestone)!;
      await recordAudit(manager, {
        ...actor,
        action: 'milestone.set',
        entityType: 'reporting_cycle',
        entityId: cycle.id,
        before: { code: milestone, date: previous.date, time: previous.time },
        after: { code: milestone, date: body.date, time: body.time ?? null },
      });
      return this.current(manager, cycle);
    });
    this.planning.kick();
    return views;
  }

  private async kkpCycle(manager: EntityManager, id: string, lock = false): Promise<ReportingCycle> {
    const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id });
    if (cycle.programme !== Programme.KKP_HAM) throw ApiError.badRequest('milestone.notKkp');
    return cycle;
  }

  private async current(manager: EntityManager, cycle: ReportingCycle): Promise<MilestoneView[]> {
    const defaults = defaultKkpMilestones(cycle.year);
    const stored = new Map((await manager.getRepository(CycleMilestone).find({ where: { cycleId: cycle.id } })).map((row) => [row.code, row]));
    const inputClose = await manager.getRepository(ReportingPeriod).findOne({ where: { cycleId: cycle.id, code: KKP_PERIOD } });
    return Object.values(KkpMilestone).map((code) => {
      if (code === KkpMilestone.PEMDA_INPUT_CLOSE && inputClose) {
        return { code, date: inputClose.deadlineDate, time: inputClose.deadlineTime, isDefault: false };
      }
      const row = stored.get(code);
      return row ? { code, date: row.date, time: row.time, isDefault: false } : { code, date: defaults[code], time: null, isDefault: true };
    });
  }
}
