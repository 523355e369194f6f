import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DeadlineExtension, FrameworkVersionRecord, Organisation, recordAudit, ReportingCycle, ReportingPeriod } from '@peduli/db';
import {
  asRanhamVersion,
  deadlineBeforeOpening,
  deadlineInstant,
  defaultOpening,
  IANA_ZONE,
  isLocalDeadline,
  isPeriodOfProgramme,
  Permission,
  Programme,
  RANHAM_DEFAULT_PERIODS,
  resolveIanaZone,
} from '@peduli/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { upsertPeriod } from '../calendar/calendar-queries';
import { organisationScope } from '../auth/scopes';
import { reportingOrganisationOf } from '../organisations/reporting-organisation';
import { ReminderPlanning } from '../calendar/reminder-planning.service';

const PERIOD_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;

export interface PeriodInput {
  opensOn?: string;
  deadlineDate: string;
  deadlineTime?: string;
  timeZone?: string;
}

export interface ExtensionInput {
  regionCode?: string;
  organisationId?: string;
  until: string;
  reason: string;
}

export class PeriodView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'B08' }) code: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-08-30' }) opensOn: string | null;
  @ApiProperty({ format: 'date', example: '2026-09-06' }) deadlineDate: string;
  @ApiProperty({ type: String, nullable: true, example: '16:00', description: 'null: the end of the day' }) deadlineTime: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The one zone set for everyone, or null when each unit’s own zone applies' })
  timeZone: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date-time' },
    example: { WIB: '2026-09-06T16:59:59.999Z', WITA: '2026-09-06T15:59:59.999Z', WIT: '2026-09-06T14:59:59.999Z' },
    description: 'The deadline as an instant in each of Indonesia’s zones (all the same when the period has one zone)',
  })
  deadlineByZone: Record<string, string>;
}

export class ExtensionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ type: String, nullable: true, example: '64.71', description: 'null: a ministry or a province reporter' }) regionCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The ministry or the Biro Hukum the extension is for; null for a regency/city' })
  reporterOrganisationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the whole reporter and its units' }) organisationId: string | null;
  @ApiProperty({ format: 'date-time' }) until: string;
  @ApiProperty({ example: 'Banjir di kantor Bagian Hukum' }) reason: string;
}

function periodView(period: ReportingPeriod): PeriodView {
  const deadline = { date: period.deadlineDate, time: period.deadlineTime };
  return {
    id: period.id,
    code: period.code,
    opensOn: period.opensOn,
    deadlineDate: period.deadlineDate,
    deadlineTime: period.deadlineTime,
    timeZone: period.timeZone,
    deadlineByZone: Object.fromEntries(
      Object.entries(IANA_ZONE).map(([zone, iana]) => [zone, deadlineInstant(deadline, period.timeZone ?? iana).toISOString()]),
    ),
  };
}

/** A cycle's reporting periods with their deadlines, and extensions granted to units that need more time. */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly planning: ReminderPlanning,
  ) {}

  async list(cycleId: string): Promise<PeriodView[]> {
    await this.cycle(this.dataSource.manager, cycleId);
    const periods = await this.dataSource.getRepository(ReportingPeriod).find({ where: { cycleId }, order: { deadlineDate: 'ASC' } });
    return periods.map(periodView);
  }

  async set(cycleId: string, code: string, body: PeriodInput, actor: RequestActor): Promise<PeriodView> {
    if (!isLocalDeadline({ date: body.deadlineDate, time: body.deadlineTime }) || (body.opensOn && !isLocalDeadline({ date: body.opensOn }))) {
      throw ApiError.badRequest('period.badDeadline');
    }
    if (deadlineBeforeOpening(body.opensOn, body.deadlineDate)) {
      throw ApiError.badRequest('period.deadlineBeforeOpening', { deadlineDate: body.deadlineDate, opensOn: body.opensOn! });
    }
    const timeZone = body.timeZone === undefined ? null : resolveIanaZone(body.timeZone);
    if (body.timeZone !== undefined && timeZone === null) throw ApiError.badRequest('period.unknownZone', { timeZone: body.timeZone });
    const view = await this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(manager, cycleId);
      await this.assertPeriodOf(manager, cycle, code);
      const before = await manager.getRepository(ReportingPeriod).findOne({ where: { cycleId, code } });
      // Left out, a RANHAM window opens a week before its deadline (as the national windows do), so no reminder goes
      // out before it; a KKP HAM period has no default opening.
      const opensOn = body.opensOn ?? defaultOpening(cycle.programme, body.deadlineDate);
      await upsertPeriod(manager, { cycleId, code, opensOn, deadlineDate: body.deadlineDate, deadlineTime: body.deadlineTime ?? null, timeZone });
      const period = await manager.getRepository(ReportingPeriod).findOneOrFail({ where: { cycleId, code } });
      await recordAudit(manager, {
        ...actor,
        action: before ? 'period.deadline_changed' : 'period.created',
        entityType: 'reporting_period',
        entityId: period.id,
        before: before ? { opensOn: before.opensOn, deadlineDate: before.deadlineDate, deadlineTime: before.deadlineTime, timeZone: before.timeZone } : null,
        after: { cycleId, code, opensOn: period.opensOn, deadlineDate: period.deadlineDate, deadlineTime: period.deadlineTime, timeZone: period.timeZone },
      });
      await this.planning.requestForPeriods(manager, [period.id]);
      return periodView(period);
    });
    this.planning.kick();
    return view;
  }

  async extend(
    cycleId: string,
    code: string,
    body: ExtensionInput,
    principal: Principal,
    actor: RequestActor,
  ): Promise<ExtensionView> {
    const extension = await this.dataSource.transaction(async (manager) => {
      const { target, provinceCode } = await this.extensionTarget(manager, body, principal);
      await this.cycle(manager, cycleId);
      const period = await manager.getRepository(ReportingPeriod).findOne({ where: { cycleId, code } });
      if (!period) throw ApiError.notFound('period.notFound', { code });
      const saved = await manager.getRepository(DeadlineExtension).save({
        periodId: period.id,
        ...target,
        until: new Date(body.until),
        reason: body.reason,
        grantedBy: principal.userId,
      });
      await recordAudit(manager, {
        ...actor,
        action: 'deadline.extended',
        entityType: 'deadline_extension',
        entityId: saved.id,
        after: {
          periodId: period.id,
          code,
          regionCode: saved.regionCode,
          reporterOrganisationId: saved.reporterOrganisationId,
          organisationId: saved.organisationId,
          until: saved.until.toISOString(),
        },
        reason: body.reason,
        regionCode: saved.regionCode,
        provinceCode,
      });
      // The unit's reminders now count down to the extension, and its overdue notice moves with it.
      await this.planning.requestForPeriods(manager, [period.id]);
      return {
        id: saved.id,
        periodId: period.id,
        regionCode: saved.regionCode,
        reporterOrganisationId: saved.reporterOrganisationId,
        organisationId: saved.organisationId,
        until: saved.until.toISOString(),
        reason: saved.reason,
      };
    });
    this.planning.kick();
    return extension;
  }

  /**
   * The extensions granted for a period, latest deadline first, only those within the caller's reach (a Kanwil sees its
   * province's, the centre and admins all), so the calendar can show what was granted without reading the audit.
   */
  async extensions(cycleId: string, code: string, principal: Principal): Promise<ExtensionView[]> {
    const manager = this.dataSource.manager;
    await this.cycle(manager, cycleId);
    const period = await manager.getRepository(ReportingPeriod).findOne({ where: { cycleId, code } });
    if (!period) throw ApiError.notFound('period.notFound', { code });
    const rows = await manager.getRepository(DeadlineExtension).find({ where: { periodId: period.id }, order: { until: 'DESC' } });
    const reporterIds = [...new Set(rows.map((row) => row.reporterOrganisationId).filter((id): id is string => id !== null))];
    const reporters = reporterIds.length ? await manager.getRepository(Organisation).find({ where: { id: In(reporterIds) } }) : [];
    const reporterById = new Map(reporters.map((organisation) => [organisation.id, organisation]));
    return rows
      .filter((row) => {
        if (row.regionCode) return this.access.allowed(principal, Permission.DEADLINES_EXTEND, { provinceCode: row.regionCode.slice(0, 2), regionCode: row.regionCode, organisationId: row.organisationId });
        const reporter = row.reporterOrganisationId ? reporterById.get(row.reporterOrganisationId) : undefined;
        return reporter !== undefined && this.access.allowed(principal, Permission.DEADLINES_EXTEND, organisationScope(reporter));
      })
      .map((row) => ({
        id: row.id,
        periodId: row.periodId,
        regionCode: row.regionCode,
        reporterOrganisationId: row.reporterOrganisationId,
        organisationId: row.organisationId,
        until: row.until.toISOString(),
        reason: row.reason,
      }));
  }

  /**
   * Whom an extension is for, checked against the caller's scope: a regency/city (or one of its units) as before, or a
   * reporter without one, named by its organisation. Naming a ministry or a Biro Hukum extends it and all its units;
   * naming a directorate or a province OPD extends that unit only. The Kanwil covers its province's reporters, never
   * a ministry (which has no province), so a ministry's extension comes from the centre.
   */
  private async extensionTarget(
    manager: EntityManager,
    body: ExtensionInput,
    principal: Principal,
  ): Promise<{ target: Pick<DeadlineExtension, 'regionCode' | 'reporterOrganisationId' | 'organisationId'>; provinceCode: string | null }> {
    const organisation = body.organisationId ? await manager.getRepository(Organisation).findOne({ where: { id: body.organisationId } }) : null;
    if (body.regionCode) {
      const scope = { provinceCode: body.regionCode.slice(0, 2), regionCode: body.regionCode, organisationId: body.organisationId ?? null };
      if (!this.access.allowed(principal, Permission.DEADLINES_EXTEND, scope)) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'extension.outOfScope', { regionCode: body.regionCode });
      }
      if (body.organisationId && (!organisation || organisation.regionCode !== body.regionCode)) throw ApiError.notFound('organisation.notFound', { id: body.organisationId });
      return { target: { regionCode: body.regionCode, reporterOrganisationId: null, organisationId: body.organisationId ?? null }, provinceCode: body.regionCode.slice(0, 2) };
    }
    if (!body.organisationId) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'extension.reporterRequired', {}, [
        { field: 'regionCode', constraint: 'isDefined', fallback: 'regionCode or organisationId is required' },
      ]);
    }
    if (!organisation) throw ApiError.notFound('organisation.notFound', { id: body.organisationId });
    const reporterId = reportingOrganisationOf(organisation);
    if (!reporterId) throw ApiError.badRequest('extension.notReporter', { id: organisation.id, kind: organisation.kind });
    if (!this.access.allowed(principal, Permission.DEADLINES_EXTEND, organisationScope(organisation))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'extension.reporterOutOfScope', { name: organisation.name });
    }
    return {
      target: { regionCode: null, reporterOrganisationId: reporterId, organisationId: reporterId === organisation.id ? null : organisation.id },
      provinceCode: organisation.provinceCode,
    };
  }

  private async cycle(manager: EntityManager, id: string): Promise<ReportingCycle> {
    const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id });
    return cycle;
  }

  /** TAHUNAN for KKP HAM; for RANHAM, one of the periods of the version the cycle pins. */
  private async assertPeriodOf(manager: EntityManager, cycle: ReportingCycle, code: string): Promise<void> {
    let periods = RANHAM_DEFAULT_PERIODS;
    if (cycle.programme === Programme.RANHAM) {
      const version = await manager.getRepository(FrameworkVersionRecord).findOneOrFail({ where: { id: cycle.frameworkVersionId } });
      periods = asRanhamVersion(version).rules.periods;
    }
    if (!PERIOD_CODE.test(code) || !isPeriodOfProgramme(cycle.programme, { year: cycle.year, code }, periods)) {
      throw ApiError.badRequest('period.invalid', { code, programme: cycle.programme });
    }
  }
}
