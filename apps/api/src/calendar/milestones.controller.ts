import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CycleMilestone, recordAudit, ReportingCycle, ReportingPeriod } from '@peduli/db';
import { defaultKkpMilestones, isLocalDeadline, KkpMilestone, milestonesOutOfOrder, Permission, Programme } from '@peduli/domain';
import { IsOptional, Matches } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { ReminderPlanning } from './reminder-planning.service';

class MilestoneBody {
  @ApiProperty({ example: '2026-03-31', description: 'Local date in each regency/city’s zone' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2026-03-31' } }) date: string;
  @ApiPropertyOptional({ example: '16:00', description: 'Local time; omitted means the end of the day' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { context: { example: '16:00' } })
  time?: string;
}

interface MilestoneView {
  code: KkpMilestone;
  date: string;
  time: string | null;
  /** True while the cycle keeps the usual date for this step. */
  isDefault: boolean;
}

/** The TAHUNAN period of a KKP HAM cycle: its deadline is the regency/city input close. */
const KKP_PERIOD = 'TAHUNAN';

/**
 * The KKP HAM calendar of one award year: regency/city input close (the TAHUNAN period's deadline, which reminders
 * count down to), Kanwil verification close, central review close, decree and award. All editable, in order.
 */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles/:cycleId/milestones')
export class MilestonesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planning: ReminderPlanning,
  ) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The KKP HAM cycle’s milestones, with the usual dates where none was set' })
  async list(@Param('cycleId', uuidParam) cycleId: string): Promise<MilestoneView[]> {
    const cycle = await this.kkpCycle(this.dataSource.manager, cycleId);
    return this.current(this.dataSource.manager, cycle);
  }

  @Put(':code')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Move one milestone; the steps must stay in order. Moving the input close moves the TAHUNAN deadline and re-plans reminders' })
  async set(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string, @Body() body: MilestoneBody, @CurrentActor() actor: RequestActor) {
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
        const period = await manager.query(
          `INSERT INTO reporting_period (cycle_id, code, deadline_date, deadline_time) VALUES ($1, $2, $3, $4)
           ON CONFLICT (cycle_id, code) DO UPDATE SET deadline_date = $3, deadline_time = $4, updated_at = now() RETURNING id`,
          [cycle.id, KKP_PERIOD, body.date, body.time ?? null],
        );
        await this.planning.requestForPeriods(manager, [period[0].id]);
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
