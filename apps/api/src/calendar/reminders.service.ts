import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { recordAudit, Reminder, ReminderKind, ReminderPolicyRecord, ReminderStatus, ReportingCycle, ReportingPeriod } from '@peduli/db';
import { DEFAULT_REMINDER_POLICY, formatDeadline, Permission } from '@peduli/domain';
import { JobName, recordEvent } from '@peduli/queue';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { LocalisedDeadline } from './internal-deadlines.service';
import { planReminderAgain } from './calendar-queries';
import { ReminderPlanning } from './reminder-planning.service';

export interface ReminderFilter {
  status?: ReminderStatus;
  kind?: ReminderKind;
  regionCode?: string;
  organisationId?: string;
  limit: number;
  offset: number;
}

export class ReminderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ReminderKind, enumName: 'ReminderKind' }) kind: ReminderKind;
  @ApiProperty({ example: 'D-7', description: 'Which reminder of the plan: D-7 (days before), D+1 (after), M-30 (minutes), ESCALATION:<region>, DIGEST:<region>:<date> or MOVED' }) slot: string;
  @ApiProperty({ enum: ReminderStatus, enumName: 'ReminderStatus' }) status: ReminderStatus;
  @ApiProperty({ format: 'uuid' }) recipientUserId: string;
  @ApiProperty({ example: 'operator@balikpapan.go.id' }) recipientEmail: string;
  @ApiProperty({ nullable: true, type: String, example: '64.71', description: 'Null for a reminder about a province’s or a ministry’s report or its units’ inputs' }) regionCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the regency/city itself' }) organisationId: string | null;
  @ApiProperty({ format: 'date-time' }) deadlineAt: string;
  @ApiProperty({ type: LocalisedDeadline }) deadline: LocalisedDeadline;
  @ApiProperty({ example: 'Asia/Makassar' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) sendAt: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: 'integer', description: 'Raised by each resend by hand' }) generation: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retryAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) messageId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The SMTP server’s reply' }) smtpResponse: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'COMPLETED' }) skipReason: string | null;
}

export class ReminderPage {
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ example: '2026-B08' }) periodKey: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Reminders per status under the other filters (every status present)',
    example: { PLANNED: 12, SENDING: 0, SENT: 30, SKIPPED: 2, FAILED: 1, VOID: 4 },
  })
  totals: Record<string, number>;
  @ApiProperty({ type: 'integer', description: 'Reminders matching every filter, over all pages' }) total: number;
  @ApiProperty({ type: [ReminderView] }) items: ReminderView[];
}

function reminderView(reminder: Reminder): ReminderView {
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
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly planning: ReminderPlanning,
  ) {}

  async list(cycleId: string, code: string, query: ReminderFilter, principal: Principal): Promise<ReminderPage> {
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

  async resend(id: string, body: { reason: string }, principal: Principal, actor: RequestActor): Promise<ReminderView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const reminder = await manager.getRepository(Reminder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const scope = reminder && { provinceCode: reminder.regionCode?.slice(0, 2) ?? null, regionCode: reminder.regionCode, organisationId: reminder.organisationId };
      if (!reminder || !this.access.allowed(principal, Permission.REMINDERS_RESEND, scope!)) throw ApiError.notFound('reminder.notFound', { id });
      if (![ReminderStatus.SENT, ReminderStatus.SKIPPED, ReminderStatus.FAILED].includes(reminder.status)) {
        throw ApiError.conflict('reminder.inFlight', { id });
      }
      const period = await manager.getRepository(ReportingPeriod).findOneOrFail({ where: { id: reminder.periodId } });
      const policy = (await manager.getRepository(ReminderPolicyRecord).findOne({ where: { cycleId: period.cycleId } }))?.policy ?? DEFAULT_REMINDER_POLICY;
      const generation = await planReminderAgain(manager, id, policy.graceHours);
      await recordAudit(manager, {
        ...actor,
        action: 'reminder.resent',
        entityType: 'reminder',
        entityId: id,
        before: { status: reminder.status, generation: reminder.generation, messageId: reminder.messageId, lastError: reminder.lastError },
        after: { status: ReminderStatus.PLANNED, generation },
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
