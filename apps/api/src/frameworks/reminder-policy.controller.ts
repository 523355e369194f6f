import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission, REMINDER_UNITS, ReminderUnit } from '@peduli/domain';
import { IsBoolean, IsOptional } from 'class-validator';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { PolicyView, ReminderPolicyService, WeeklyDigestDto } from './reminder-policy.service';

// Types are spelt out: TypeScript's number[] and number | null reach Swagger as an untyped array and an object.
class PolicyBody {
  @ApiPropertyOptional({
    enum: REMINDER_UNITS,
    description: 'DAYS (default): offsetsDays and overdueAfterDays, sent at sendAt local time. MINUTES: offsetsMinutes and overdueAfterMinutes from the deadline’s instant',
  })
  @IsOptional()
  unit?: ReminderUnit;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [3, 1], description: 'DAYS: days before each deadline (1-90)' }) @IsOptional() offsetsDays?: number[];
  @ApiPropertyOptional({ description: 'DAYS: also remind on the day the period’s window opens (the default policy does); no reminder ever goes out before the opening' })
  @IsOptional()
  @IsBoolean()
  atOpening?: boolean;
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

/** A cycle's reminder policy: the defaults until an admin sets one; every field is checked and named when wrong. */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles/:cycleId/reminder-policy')
export class ReminderPolicyController {
  constructor(private readonly policies: ReminderPolicyService) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The cycle’s reminder policy (offsets before each deadline in days or minutes, local send time, overdue notice, escalation, weekly digest, grace)' })
  @ApiOkResponse({ type: PolicyView })
  @ApiErrors(400, 401, 404)
  get(@Param('cycleId', uuidParam) cycleId: string): Promise<PolicyView> {
    return this.policies.get(cycleId);
  }

  @Put()
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Set the cycle’s reminder policy; fields left out keep their current value' })
  @ApiOkResponse({ type: PolicyView, description: 'The policy now in force; every period of the cycle is planned again under it' })
  @ApiErrors(400, 401, 403, 404)
  set(@Param('cycleId', uuidParam) cycleId: string, @Body() body: PolicyBody, @CurrentActor() actor: RequestActor): Promise<PolicyView> {
    return this.policies.set(cycleId, body, actor);
  }
}
