import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { recordAudit, ReminderPolicyRecord, ReportingCycle } from '@peduli/db';
import { DEFAULT_REMINDER_POLICY, ReminderPolicy, REMINDER_UNITS, ReminderUnit, validateReminderPolicy } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { ReminderPlanning } from '../calendar/reminder-planning.service';

export class WeeklyDigestDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, example: 1, description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @ApiProperty({ example: '09:00', description: 'HH:mm in the recipient’s zone' }) time: string;
}

export class PolicyDto {
  @ApiPropertyOptional({ enum: REMINDER_UNITS, description: 'Absent: DAYS' }) unit?: ReminderUnit;
  @ApiProperty({ type: 'integer', isArray: true, example: [3, 1] }) offsetsDays: number[];
  @ApiPropertyOptional({ description: 'DAYS: also remind on the day the period’s window opens; absent: no' }) atOpening?: boolean;
  @ApiProperty({ example: '09:00' }) sendAt: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) overdueAfterDays: number | null;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [30, 5] }) offsetsMinutes?: number[];
  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 5 }) overdueAfterMinutes?: number | null;
  @ApiProperty() escalateOverdue: boolean;
  @ApiProperty({ type: WeeklyDigestDto, nullable: true }) weeklyDigest: { weekday: number; time: string } | null;
  @ApiProperty({ type: 'integer', example: 24 }) graceHours: number;
}

export class PolicyView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ description: 'true while the cycle uses the defaults' }) isDefault: boolean;
  @ApiProperty({ type: PolicyDto }) policy: ReminderPolicy;
}

/** A cycle's reminder policy: the defaults until an admin sets one; every field is checked and named when wrong. */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planning: ReminderPlanning,
  ) {}

  async get(cycleId: string): Promise<PolicyView> {
    await this.assertCycle(cycleId);
    const record = await this.dataSource.getRepository(ReminderPolicyRecord).findOne({ where: { cycleId } });
    return { cycleId, isDefault: !record, policy: record?.policy ?? DEFAULT_REMINDER_POLICY };
  }

  async set(cycleId: string, body: Partial<ReminderPolicy>, actor: RequestActor): Promise<PolicyView> {
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
