import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { recordAudit, ReminderPolicyRecord, ReportingCycle } from '@peduli/db';
import { DEFAULT_REMINDER_POLICY, Permission, ReminderPolicy, REMINDER_UNITS, ReminderUnit, validateReminderPolicy } from '@peduli/domain';
import { IsBoolean, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { ReminderPlanning } from '../calendar/reminder-planning.service';

class PolicyBody {
  @ApiPropertyOptional({
    enum: REMINDER_UNITS,
    description: 'DAYS (default): offsetsDays and overdueAfterDays, sent at sendAt local time. MINUTES: offsetsMinutes and overdueAfterMinutes from the deadline’s instant',
  })
  @IsOptional()
  unit?: ReminderUnit;
  @ApiPropertyOptional({ example: [14, 7, 3, 1] }) @IsOptional() offsetsDays?: number[];
  @ApiPropertyOptional({ example: '09:00' }) @IsOptional() sendAt?: string;
  @ApiPropertyOptional({ example: 1, nullable: true }) @IsOptional() overdueAfterDays?: number | null;
  @ApiPropertyOptional({ example: [30, 5], description: 'MINUTES: minutes before the deadline (1-1440), required with that unit' }) @IsOptional() offsetsMinutes?: number[];
  @ApiPropertyOptional({ example: 5, nullable: true, description: 'MINUTES: minutes after the deadline for the overdue notice (1-1440), null for none' })
  @IsOptional()
  overdueAfterMinutes?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() escalateOverdue?: boolean;
  @ApiPropertyOptional({ example: { weekday: 1, time: '09:00' }, nullable: true }) @IsOptional() weeklyDigest?: { weekday: number; time: string } | null;
  @ApiPropertyOptional({ example: 24 }) @IsOptional() graceHours?: number;
}

class PolicyView {
  @ApiProperty() cycleId: string;
  @ApiProperty({ description: 'true while the cycle uses the defaults' }) isDefault: boolean;
  @ApiProperty() policy: ReminderPolicy;
}

/** A cycle's reminder policy: the defaults until an admin sets one; every field is checked and named when wrong. */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles/:cycleId/reminder-policy')
export class ReminderPolicyController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planning: ReminderPlanning,
  ) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The cycle’s reminder policy (offsets before each deadline in days or minutes, local send time, overdue notice, escalation, weekly digest, grace)' })
  async get(@Param('cycleId', uuidParam) cycleId: string): Promise<PolicyView> {
    await this.assertCycle(cycleId);
    const record = await this.dataSource.getRepository(ReminderPolicyRecord).findOne({ where: { cycleId } });
    return { cycleId, isDefault: !record, policy: record?.policy ?? DEFAULT_REMINDER_POLICY };
  }

  @Put()
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Set the cycle’s reminder policy; fields left out keep their current value' })
  async set(@Param('cycleId', uuidParam) cycleId: string, @Body() body: PolicyBody, @CurrentActor() actor: RequestActor): Promise<PolicyView> {
    await this.assertCycle(cycleId);
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await manager.getRepository(ReminderPolicyRecord).findOne({ where: { cycleId }, lock: { mode: 'pessimistic_write' } });
      const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      const policy: ReminderPolicy = { ...(current?.policy ?? DEFAULT_REMINDER_POLICY), ...given };
      const problems = validateReminderPolicy(policy);
      if (problems.length > 0) {
        throw ApiError.badRequest(
          'reminderPolicy.invalid',
          {},
          problems.map((problem) => ({ field: problem.path, constraint: problem.code, fallback: problem.message.en, messages: problem.message })),
        );
      }
      await manager.getRepository(ReminderPolicyRecord).save({ cycleId, policy });
      await recordAudit(manager, {
        ...actor,
        action: 'reminder_policy.set',
        entityType: 'reporting_cycle',
        entityId: cycleId,
        before: current?.policy ?? null,
        after: policy,
      });
      // Every period of the cycle is planned again under the new policy: old timers void, new ones made.
      await this.planning.requestForCycle(manager, cycleId);
      return { cycleId, isDefault: false, policy };
    });
    this.planning.kick();
    return view;
  }

  private async assertCycle(id: string): Promise<void> {
    if (!(await this.dataSource.getRepository(ReportingCycle).exists({ where: { id } }))) throw ApiError.notFound('cycle.notFound', { id });
  }
}
