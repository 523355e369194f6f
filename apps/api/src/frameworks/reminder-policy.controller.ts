import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { recordAudit, ReminderPolicyRecord, ReportingCycle } from '@peduli/db';
import { DEFAULT_REMINDER_POLICY, Permission, ReminderPolicy, REMINDER_UNITS, ReminderUnit, validateReminderPolicy } from '@peduli/domain';
import { IsBoolean, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { ReminderPlanning } from '../calendar/reminder-planning.service';

class WeeklyDigestDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, example: 1, description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @ApiProperty({ example: '09:00', description: 'HH:mm in the recipient’s zone' }) time: string;
}

// Types are spelt out: TypeScript's number[] and number | null reach Swagger as an untyped array and an object.
class PolicyBody {
  @ApiPropertyOptional({
    enum: REMINDER_UNITS,
    description: 'DAYS (default): offsetsDays and overdueAfterDays, sent at sendAt local time. MINUTES: offsetsMinutes and overdueAfterMinutes from the deadline’s instant',
  })
  @IsOptional()
  unit?: ReminderUnit;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [14, 7, 3, 1], description: 'DAYS: days before each deadline (1-90)' }) @IsOptional() offsetsDays?: number[];
  @ApiPropertyOptional({ example: '09:00', description: 'DAYS: local time of day (HH:mm) reminders are sent at' }) @IsOptional() sendAt?: string;
  @ApiPropertyOptional({ type: 'integer', example: 1, nullable: true, description: 'DAYS: days after the deadline for the overdue notice, null for none' })
  @IsOptional()
  overdueAfterDays?: number | null;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [30, 5], description: 'MINUTES: minutes before the deadline (1-1440), required with that unit' })
  @IsOptional()
  offsetsMinutes?: number[];
  @ApiPropertyOptional({ type: 'integer', example: 5, nullable: true, description: 'MINUTES: minutes after the deadline for the overdue notice (1-1440), null for none' })
  @IsOptional()
  overdueAfterMinutes?: number | null;
  @ApiPropertyOptional({ description: 'Whether overdue units are also reported to the regency/city coordinator and the province’s Kanwil' })
  @IsOptional()
  @IsBoolean()
  escalateOverdue?: boolean;
  @ApiPropertyOptional({ type: WeeklyDigestDto, nullable: true, description: 'The weekly digest to coordinators; null for none' })
  @IsOptional()
  weeklyDigest?: { weekday: number; time: string } | null;
  @ApiPropertyOptional({ type: 'integer', example: 24, description: 'A reminder found due more than this many hours late is skipped, not sent' }) @IsOptional() graceHours?: number;
}

class PolicyDto {
  @ApiPropertyOptional({ enum: REMINDER_UNITS, description: 'Absent: DAYS' }) unit?: ReminderUnit;
  @ApiProperty({ type: 'integer', isArray: true, example: [14, 7, 3, 1] }) offsetsDays: number[];
  @ApiProperty({ example: '09:00' }) sendAt: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) overdueAfterDays: number | null;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [30, 5] }) offsetsMinutes?: number[];
  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 5 }) overdueAfterMinutes?: number | null;
  @ApiProperty() escalateOverdue: boolean;
  @ApiProperty({ type: WeeklyDigestDto, nullable: true }) weeklyDigest: { weekday: number; time: string } | null;
  @ApiProperty({ type: 'integer', example: 24 }) graceHours: number;
}

class PolicyView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ description: 'true while the cycle uses the defaults' }) isDefault: boolean;
  @ApiProperty({ type: PolicyDto }) policy: ReminderPolicy;
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
  @ApiOkResponse({ type: PolicyView })
  @ApiErrors(400, 401, 404)
  async get(@Param('cycleId', uuidParam) cycleId: string): Promise<PolicyView> {
    await this.assertCycle(cycleId);
    const record = await this.dataSource.getRepository(ReminderPolicyRecord).findOne({ where: { cycleId } });
    return { cycleId, isDefault: !record, policy: record?.policy ?? DEFAULT_REMINDER_POLICY };
  }

  @Put()
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Set the cycle’s reminder policy; fields left out keep their current value' })
  @ApiOkResponse({ type: PolicyView, description: 'The policy now in force; every period of the cycle is planned again under it' })
  @ApiErrors(400, 401, 403, 404)
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
