import { Injectable } from '@nestjs/common';
import {
  CompletenessStatus,
  completenessOf,
  formatDeadline,
  IANA_ZONE,
  isReporterOwnReport,
  Permission,
  reporterTimeZone,
  reviewStagesFor,
  ReviewStage,
  SubmissionStatus,
  unitDeadline,
} from '@peduli/domain';
import type { DeadlineExtension, InternalDeadline } from '@peduli/db';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { CompletenessQuery, CompletenessRow, CompletenessView } from './completeness.dto';
import { findRegionlessReporter } from '../organisations/reporting-organisation';
import { CompletenessRepository, UnitRow } from './completeness.repository';
import { reporterRowKey, unassignedItemCounts } from './unassigned-items';

/** For coordinators, the Kanwil and the centre: where each unit of a cycle's period stands, within the caller's scope. */
@Injectable()
export class CompletenessService {
  constructor(
    private readonly repository: CompletenessRepository,
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
  ) {}

  /** `ownReportsOnly`: the reporters' own reports alone (a regency/city's, or the ministry's or Biro Hukum's), not their units. */
  async matrix(query: CompletenessQuery, principal: Principal, now = new Date(), { ownReportsOnly = false } = {}): Promise<CompletenessView> {
    const cycle = await this.repository.findCycle(query.cycleId);
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    const periodKey = `${cycle.year}-${query.periodCode}`;
    const period = await this.repository.findPeriod(cycle.id, query.periodCode);
    const listed = await this.rows(cycle.programme, periodKey, query, principal, ownReportsOnly);
    const rows = ownReportsOnly ? listed.filter((row) => isReporterOwnReport(row.organisation_kind)) : listed;

    const [extensions, internals] = period ? await Promise.all([this.repository.extensions(period.id), this.repository.internalDeadlines(period.id)]) : [[], []];
    // The unit's own deadline by the rule the reminder worker uses, so LATE here and its "Terlambat" mail agree. A
    // ministry's or a province's units are keyed by their reporter (`query.organisationId`), a regency/city's by its code.
    const reporterId = query.organisationId ?? null;
    // A national list is some 26,000 rows but only a few hundred distinct deadlines: the internal deadlines and
    // extensions are looked up by reporter, and each deadline is worked out (and written out) once per reporter,
    // kind of unit, zone and unit-specific extension, not once per row.
    const reporterKeyOf = (item: { regionCode: string | null; reporterOrganisationId: string | null }) =>
      item.regionCode !== null ? `region:${item.regionCode}` : item.reporterOrganisationId === reporterId ? 'reporter' : null;
    const rowReporterKey = (row: UnitRow) => (row.region_code !== null ? `region:${row.region_code}` : 'reporter');
    const internalByReporter = new Map<string, InternalDeadline>();
    for (const item of internals) {
      const key = reporterKeyOf(item);
      if (key !== null && !internalByReporter.has(key)) internalByReporter.set(key, item);
    }
    const extensionsByReporter = new Map<string, DeadlineExtension[]>();
    for (const item of extensions) {
      const key = reporterKeyOf(item);
      if (key !== null) extensionsByReporter.set(key, [...(extensionsByReporter.get(key) ?? []), item]);
    }
    const deadlines = new Map<string, { instant: Date; extended: boolean } | null>();
    const deadlineOf = (row: UnitRow): { instant: Date; extended: boolean } | null => {
      if (!period) return null;
      const reporterKey = rowReporterKey(row);
      const ownExtensions = extensionsByReporter.get(reporterKey) ?? [];
      // A reporter's own report keeps the official deadline; a ministry's or Biro Hukum's is its own report.
      const isOrganisation = row.organisation_id !== null && row.organisation_id !== reporterId;
      const zone = period.timeZone ?? row.iana_zone;
      const unitExtension = ownExtensions.some((e) => e.organisationId !== null && e.organisationId === row.organisation_id);
      const memoKey = `${reporterKey}|${isOrganisation}|${zone}|${unitExtension ? row.organisation_id : ''}`;
      if (deadlines.has(memoKey)) return deadlines.get(memoKey)!;
      const internal = internalByReporter.get(reporterKey);
      const extendedUntil = ownExtensions
        .filter((e) => e.organisationId === null || e.organisationId === row.organisation_id)
        .reduce<Date | null>((latest, e) => (latest === null || e.until > latest ? e.until : latest), null);
      const input = {
        official: { date: period.deadlineDate, time: period.deadlineTime },
        internal: internal ? { date: internal.deadlineDate, time: internal.deadlineTime } : undefined,
        isOrganisation,
        zone,
      };
      const instant = unitDeadline({ ...input, extendedUntil }).instant;
      // An extension that ends before the unit's own deadline changes nothing, so it is not shown as one.
      const own = { instant, extended: extendedUntil !== null && instant.getTime() !== unitDeadline(input).instant.getTime() };
      deadlines.set(memoKey, own);
      return own;
    };
    const written = new Map<string, { id: string; en: string }>();
    const localised = (instant: Date, zone: string) => {
      const key = `${instant.getTime()}|${zone}`;
      let text = written.get(key);
      if (!text) {
        text = { id: formatDeadline(instant, zone, 'id'), en: formatDeadline(instant, zone, 'en') };
        written.set(key, text);
      }
      return text;
    };
    // A reporter's own row says how many answer codes of the period none of its units is assigned (null: it assigns nothing).
    const reporterOf = (row: UnitRow) => ({ regionCode: row.region_code, organisationId: row.organisation_id, organisationKind: row.organisation_kind });
    const unassigned = await unassignedItemCounts(
      this.dataSource.manager,
      cycle,
      query.periodCode,
      rows.filter((row) => isReporterOwnReport(row.organisation_kind)).map(reporterOf),
    );
    const units: CompletenessRow[] = rows.map((row) => {
      const own = deadlineOf(row);
      const deadline = own?.instant ?? null;
      const zone = period?.timeZone ?? row.iana_zone;
      return {
        regionCode: row.region_code,
        regionName: row.region_name,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        status: completenessOf(row.status, deadline === null || now.getTime() <= deadline.getTime()),
        late: row.late === true,
        submissionId: row.submission_id,
        reviewStage: row.status === SubmissionStatus.IN_REVIEW ? (row.review_stage ?? reviewStagesFor(row.organisation_kind)[0]) : null,
        ownReport: isReporterOwnReport(row.organisation_kind),
        deadlineAt: deadline?.toISOString() ?? null,
        deadline: deadline ? localised(deadline, zone) : null,
        extended: own?.extended ?? false,
        unassignedItems: isReporterOwnReport(row.organisation_kind) ? (unassigned.get(reporterRowKey(reporterOf(row))) ?? null) : null,
      };
    });
    const totals = Object.fromEntries(Object.values(CompletenessStatus).map((status) => [status, units.filter((unit) => unit.status === status).length])) as Record<
      CompletenessStatus,
      number
    >;
    // Where the reports in review wait, e.g. how many the centre still has to verify.
    const awaitingReview = Object.fromEntries(Object.values(ReviewStage).map((stage) => [stage, units.filter((unit) => unit.reviewStage === stage).length])) as Record<
      ReviewStage,
      number
    >;
    return { cycleId: cycle.id, periodKey, deadlineSet: period !== null, totals, awaitingReview, units };
  }

  /**
   * The units to list: with `organisationId`, that ministry's or Biro Hukum's own report and its units (the ministry's
   * coordinator, the central verifier and the admin see a ministry's; the Biro Hukum's coordinator, the province's
   * Kanwil and the centre a province's); otherwise regencies/cities and their units, filtered by province or regency/city.
   * Either way the caller's scope narrows the list quietly, as other lists do.
   */
  private async rows(programme: string, periodKey: string, query: CompletenessQuery, principal: Principal, ownReportsOnly: boolean): Promise<UnitRow[]> {
    if (query.organisationId) {
      const reporter = await findRegionlessReporter(this.dataSource.manager, query.organisationId);
      if (!reporter) throw ApiError.notFound('reporter.notReporting', { id: query.organisationId });
      const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
        province: 'u.province_code',
        region: 'u.region_code',
        organisation: 'u.organisation_id',
        parent: 'u.parent_id',
      });
      return this.repository.reporterUnits(programme, periodKey, reporter.organisation.id, IANA_ZONE[reporterTimeZone(null)], scope);
    }
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, { province: 'u.province_code', region: 'u.region_code', organisation: 'u.organisation_id' });
    return this.repository.units(programme, periodKey, { provinceCode: query.provinceCode, regionCode: query.regionCode, scope }, ownReportsOnly);
  }
}
