import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InternalDeadline, recordAudit, Region, ReportingPeriod } from '@peduli/db';
import { deadlineInstant, formatDeadline, IANA_ZONE, isLocalDeadline, Permission, REGION_CODE_PATTERN, reporterTimeZone } from '@peduli/domain';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Principal, RequestActor } from '../auth/principal';
import { organisationScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { findRegionlessReporter } from '../organisations/reporting-organisation';
import { ReminderPlanning } from './reminder-planning.service';

export class LocalisedDeadline {
  @ApiProperty({ example: '1 September 2026 pukul 16.00 WITA' }) id: string;
  @ApiProperty({ example: '1 September 2026, 16:00 WITA' }) en: string;
}

export class InternalDeadlineView {
  @ApiProperty({ type: String, nullable: true, example: '64.71', description: 'The regency/city; null for a ministry or a province reporter' }) regionCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The ministry or the Biro Hukum whose units it binds; null for a regency/city' })
  reporterOrganisationId: string | null;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) deadlineDate: string;
  @ApiProperty({ type: String, nullable: true, example: '16:00', description: 'null: the end of the day' }) deadlineTime: string | null;
  @ApiProperty({ format: 'date-time', description: 'The instant in the reporter’s zone (WIB for a ministry), or the period’s one zone' }) deadlineAt: string;
  @ApiProperty({ type: LocalisedDeadline, description: 'As people read it, with its zone' }) deadline: LocalisedDeadline;
}

/** Whose units an internal deadline binds: a regency/city by its code, or a ministry or a Biro Hukum by its id. */
interface ReporterKey {
  where: { regionCode: string } | { reporterOrganisationId: string };
  /** For the audit trail and messages. */
  label: string;
  provinceCode: string | null;
  regionCode: string | null;
  ianaZone: string;
}

/**
 * A coordinator's earlier deadline for the units of its own reporter: a regency/city's OPD, a ministry's directorates
 * or a province's OPD (under its Biro Hukum). It binds the units' reminders (they count down to it), and completeness
 * shows them LATE once it has passed; the official deadline still decides what is accepted and flagged late on
 * submission.
 */
@Injectable()
export class InternalDeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly planning: ReminderPlanning,
  ) {}

  async list(cycleId: string, code: string): Promise<InternalDeadlineView[]> {
    const period = await this.period(this.dataSource.manager, cycleId, code);
    const rows: (InternalDeadline & { zone: string })[] = await this.dataSource.query(
      `SELECT d.region_code AS "regionCode", d.reporter_organisation_id AS "reporterOrganisationId", d.deadline_date::text AS "deadlineDate",
              d.deadline_time AS "deadlineTime", coalesce(r.iana_zone, pv.iana_zone, $2) AS zone
         FROM internal_deadline d
         LEFT JOIN region r ON r.code = d.region_code
         LEFT JOIN organisation o ON o.id = d.reporter_organisation_id
         LEFT JOIN province pv ON pv.code = o.province_code
        WHERE d.period_id = $1
        ORDER BY d.region_code NULLS LAST, o.name`,
      [period.id, IANA_ZONE[reporterTimeZone(null)]],
    );
    return rows.map((row) => this.view(row, period, row.zone));
  }

  async set(
    cycleId: string,
    code: string,
    reporter: string,
    body: { deadlineDate: string; deadlineTime?: string },
    principal: Principal,
    actor: RequestActor,
  ): Promise<InternalDeadlineView> {
    const deadline = { date: body.deadlineDate, time: body.deadlineTime ?? null };
    const view = await this.dataSource.transaction(async (manager) => {
      const key = await this.reporterKey(manager, reporter, principal);
      if (!isLocalDeadline(deadline)) throw ApiError.badRequest('period.badDeadline');
      const period = await this.period(manager, cycleId, code);
      const zone = period.timeZone ?? key.ianaZone;
      const internal = deadlineInstant(deadline, zone);
      const official = deadlineInstant({ date: period.deadlineDate, time: period.deadlineTime }, zone);
      if (internal >= official) {
        throw ApiError.badRequest('internalDeadline.afterOfficial', { internal: formatDeadline(internal, zone, 'en'), official: formatDeadline(official, zone, 'en') });
      }
      if (period.opensOn && body.deadlineDate < period.opensOn) {
        throw ApiError.badRequest('internalDeadline.beforeOpening', { internal: body.deadlineDate, opensOn: period.opensOn });
      }
      const repository = manager.getRepository(InternalDeadline);
      const before = await repository.findOne({ where: { periodId: period.id, ...key.where } });
      const values = { deadlineDate: deadline.date, deadlineTime: deadline.time, setBy: principal.userId };
      if (before) await repository.update({ id: before.id }, values);
      else await repository.insert({ periodId: period.id, regionCode: null, reporterOrganisationId: null, ...key.where, ...values });
      await recordAudit(manager, {
        ...actor,
        action: 'internal_deadline.set',
        entityType: 'reporting_period',
        entityId: period.id,
        before: before ? { deadlineDate: before.deadlineDate, deadlineTime: before.deadlineTime } : null,
        after: { ...key.where, deadlineDate: deadline.date, deadlineTime: deadline.time },
        provinceCode: key.provinceCode,
        regionCode: key.regionCode,
      });
      await this.planning.requestForPeriods(manager, [period.id]);
      const saved = await repository.findOneOrFail({ where: { periodId: period.id, ...key.where } });
      return this.view(saved, period, key.ianaZone);
    });
    this.planning.kick();
    return view;
  }

  async remove(cycleId: string, code: string, reporter: string, principal: Principal, actor: RequestActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const key = await this.reporterKey(manager, reporter, principal);
      const period = await this.period(manager, cycleId, code);
      const existing = await manager.getRepository(InternalDeadline).findOne({ where: { periodId: period.id, ...key.where } });
      if (!existing) throw ApiError.notFound('internalDeadline.notFound', { regionCode: key.label });
      await manager.getRepository(InternalDeadline).delete({ id: existing.id });
      await recordAudit(manager, {
        ...actor,
        action: 'internal_deadline.removed',
        entityType: 'reporting_period',
        entityId: period.id,
        before: { ...key.where, deadlineDate: existing.deadlineDate, deadlineTime: existing.deadlineTime },
        after: null,
        provinceCode: key.provinceCode,
        regionCode: key.regionCode,
      });
      await this.planning.requestForPeriods(manager, [period.id]);
    });
    this.planning.kick();
  }

  /**
   * The reporter named in the path, checked against the caller's scope: a regency/city code, or the id of an active
   * ministry or Biro Hukum (whose coordinator is scoped to that organisation).
   */
  private async reporterKey(manager: EntityManager, reporter: string, principal: Principal): Promise<ReporterKey> {
    if (REGION_CODE_PATTERN.test(reporter)) {
      const scope = { provinceCode: reporter.slice(0, 2), regionCode: reporter, organisationId: null };
      if (!this.access.allowed(principal, Permission.INTERNAL_DEADLINES_SET, scope)) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'internalDeadline.outOfScope', { regionCode: reporter });
      }
      const region = await manager.getRepository(Region).findOne({ where: { code: reporter } });
      if (!region) throw ApiError.notFound('region.notFound', { code: reporter });
      return { where: { regionCode: region.code }, label: region.code, provinceCode: region.provinceCode, regionCode: region.code, ianaZone: region.ianaZone };
    }
    // Neither a regency/city code nor an id: answered as the unknown regency/city it most likely meant to be.
    if (!isUUID(reporter, '4')) throw ApiError.notFound('region.notFound', { code: reporter });
    const found = await findRegionlessReporter(manager, reporter);
    if (!found) throw ApiError.notFound('reporter.notReporting', { id: reporter });
    const { organisation, ianaZone } = found;
    if (!this.access.allowed(principal, Permission.INTERNAL_DEADLINES_SET, organisationScope(organisation))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'internalDeadline.reporterOutOfScope', { name: organisation.name });
    }
    return { where: { reporterOrganisationId: organisation.id }, label: organisation.name, provinceCode: organisation.provinceCode, regionCode: null, ianaZone };
  }

  private async period(manager: EntityManager, cycleId: string, code: string): Promise<ReportingPeriod> {
    const period = await manager.getRepository(ReportingPeriod).findOne({ where: { cycleId, code } });
    if (!period) throw ApiError.notFound('period.notFound', { code });
    return period;
  }

  private view(row: Pick<InternalDeadline, 'regionCode' | 'reporterOrganisationId' | 'deadlineDate' | 'deadlineTime'>, period: ReportingPeriod, reporterZone: string): InternalDeadlineView {
    const zone = period.timeZone ?? reporterZone;
    const instant = deadlineInstant({ date: row.deadlineDate, time: row.deadlineTime }, zone);
    return {
      regionCode: row.regionCode,
      reporterOrganisationId: row.reporterOrganisationId,
      deadlineDate: row.deadlineDate,
      deadlineTime: row.deadlineTime,
      deadlineAt: instant.toISOString(),
      deadline: { id: formatDeadline(instant, zone, 'id'), en: formatDeadline(instant, zone, 'en') },
    };
  }
}
