import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { recordAudit, Reminder, ReminderKind, ReminderPolicyRecord, ReminderStatus, ReportingCycle, ReportingPeriod } from '@peduli/db';
import { DEFAULT_REMINDER_POLICY, formatDeadline, Permission } from '@peduli/domain';
import { JobName, recordEvent } from '@peduli/queue';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { MAX_OFFSET } from '../common/pagination';
import { uuidParam } from '../common/uuid-param';
import { ReminderPlanning } from './reminder-planning.service';

class ReminderQuery {
  @ApiPropertyOptional({ enum: ReminderStatus }) @IsOptional() @IsEnum(ReminderStatus) status?: ReminderStatus;
  @ApiPropertyOptional({ enum: ReminderKind }) @IsOptional() @IsEnum(ReminderKind) kind?: ReminderKind;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') organisationId?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
  @ApiPropertyOptional({ default: 0, maximum: MAX_OFFSET }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset: number = 0;
}

class ResendBody {
  @ApiProperty({ example: 'Operator baru menggantikan yang lama' }) @IsString() @MinLength(5) @MaxLength(1000) reason: string;
}

function reminderView(reminder: Reminder) {
  return {
    id: reminder.id,
    kind: reminder.kind,
    slot: reminder.slot,
    status: reminder.status,
    recipientUserId: reminder.recipientUserId,
    recipientEmail: reminder.recipientEmail,
    regionCode: reminder.regionCode,
    organisationId: reminder.organisationId,
    deadlineAt: reminder.deadlineAt.toISOString(),
    deadline: { id: formatDeadline(reminder.deadlineAt, reminder.timeZone, 'id'), en: formatDeadline(reminder.deadlineAt, reminder.timeZone, 'en') },
    timeZone: reminder.timeZone,
    sendAt: reminder.sendAt.toISOString(),
    attempts: reminder.attempts,
    generation: reminder.generation,
    retryAt: reminder.retryAt?.toISOString() ?? null,
    sentAt: reminder.sentAt?.toISOString() ?? null,
    messageId: reminder.messageId,
    smtpResponse: reminder.smtpResponse,
    lastError: reminder.lastError,
    skipReason: reminder.skipReason,
  };
}

/** The reminder ledger of a period, as coordinators, the Kanwil and admins follow it up; and a resend by hand. */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller()
export class RemindersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly planning: ReminderPlanning,
  ) {}

  @Get('cycles/:cycleId/periods/:code/reminders')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Planned, sent, skipped and failed reminders of a period, by unit, within the caller’s scope, with totals per status' })
  async list(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string, @Query() query: ReminderQuery, @CurrentPrincipal() principal: Principal) {
    const cycle = await this.dataSource.getRepository(ReportingCycle).findOne({ where: { id: cycleId } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: cycleId });
    const period = await this.dataSource.getRepository(ReportingPeriod).findOne({ where: { cycleId, code } });
    if (!period) throw ApiError.notFound('period.notFound', { code });

    const filtered = this.dataSource.getRepository(Reminder).createQueryBuilder('r').where('r.period_id = :periodId', { periodId: period.id });
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 'left(r.region_code, 2)',
      region: 'r.region_code',
      organisation: 'r.organisation_id',
    });
    if (scope) filtered.andWhere(scope.sql, scope.params);
    if (query.regionCode) filtered.andWhere('r.region_code = :regionCode', { regionCode: query.regionCode });
    if (query.organisationId) filtered.andWhere('r.organisation_id = :organisationId', { organisationId: query.organisationId });
    if (query.kind) filtered.andWhere('r.kind = :kind', { kind: query.kind });

    const counts: { status: ReminderStatus; count: string }[] = await filtered.clone().select('r.status', 'status').addSelect('count(*)', 'count').groupBy('r.status').getRawMany();
    const totals = Object.fromEntries(Object.values(ReminderStatus).map((status) => [status, Number(counts.find((c) => c.status === status)?.count ?? 0)]));
    if (query.status) filtered.andWhere('r.status = :status', { status: query.status });
    const [items, total] = await filtered.orderBy('r.send_at', 'ASC').addOrderBy('r.id', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
    return { periodId: period.id, periodKey: `${cycle.year}-${code}`, totals, total, items: items.map(reminderView) };
  }

  @Post('reminders/:id/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission(Permission.REMINDERS_RESEND)
  @ApiOperation({ summary: 'Send a sent, skipped or failed reminder again now, with a reason (audited); it gets a new Message-ID' })
  async resend(@Param('id', uuidParam) id: string, @Body() body: ResendBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor) {
    const view = await this.dataSource.transaction(async (manager) => {
      const reminder = await manager.getRepository(Reminder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const scope = reminder && { provinceCode: reminder.regionCode.slice(0, 2), regionCode: reminder.regionCode, organisationId: reminder.organisationId };
      if (!reminder || !this.access.allowed(principal, Permission.REMINDERS_RESEND, scope!)) throw ApiError.notFound('reminder.notFound', { id });
      if (![ReminderStatus.SENT, ReminderStatus.SKIPPED, ReminderStatus.FAILED].includes(reminder.status)) {
        throw ApiError.conflict('reminder.inFlight', { id });
      }
      const period = await manager.getRepository(ReportingPeriod).findOneOrFail({ where: { id: reminder.periodId } });
      const policy = (await manager.getRepository(ReminderPolicyRecord).findOne({ where: { cycleId: period.cycleId } }))?.policy ?? DEFAULT_REMINDER_POLICY;
      const [rows]: [Reminder[], number] = await manager.query(
        `UPDATE reminder SET status = $2, generation = generation + 1, attempts = 0, send_at = now(),
                expires_at = now() + make_interval(hours => $3), retry_at = NULL, leased_until = NULL, skip_reason = NULL,
                last_error = NULL, message_id = NULL, smtp_response = NULL, sent_at = NULL, updated_at = now()
          WHERE id = $1 RETURNING generation`,
        [id, ReminderStatus.PLANNED, policy.graceHours],
      );
      await recordAudit(manager, {
        ...actor,
        action: 'reminder.resent',
        entityType: 'reminder',
        entityId: id,
        before: { status: reminder.status, generation: reminder.generation, messageId: reminder.messageId, lastError: reminder.lastError },
        after: { status: ReminderStatus.PLANNED, generation: (rows[0] as unknown as { generation: number }).generation },
        reason: body.reason,
        regionCode: reminder.regionCode,
      });
      await recordEvent(manager, JobName.RemindersDue, { periodId: reminder.periodId });
      return reminderView(await manager.getRepository(Reminder).findOneOrFail({ where: { id } }));
    });
    this.planning.kick();
    return view;
  }
}
