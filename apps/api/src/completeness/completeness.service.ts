import { Injectable } from '@nestjs/common';
import { CompletenessStatus, completenessOf, Permission, reviewStagesFor, ReviewStage, SubmissionStatus, unitDeadline } from '@peduli/domain';
import { AccessService } from '../auth/access.service';
import { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { CompletenessQuery, CompletenessRow, CompletenessView } from './completeness.dto';
import { CompletenessRepository, UnitRow } from './completeness.repository';

/** For coordinators and the Kanwil: where each unit of a cycle's period stands, within the caller's scope. */
@Injectable()
export class CompletenessService {
  constructor(
    private readonly repository: CompletenessRepository,
    private readonly access: AccessService,
  ) {}

  async matrix(query: CompletenessQuery, principal: Principal, now = new Date()): Promise<CompletenessView> {
    const cycle = await this.repository.findCycle(query.cycleId);
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    const periodKey = `${cycle.year}-${query.periodCode}`;
    const period = await this.repository.findPeriod(cycle.id, query.periodCode);
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, { province: 'u.province_code', region: 'u.region_code', organisation: 'u.organisation_id' });
    const rows = await this.repository.units(cycle.programme, periodKey, { provinceCode: query.provinceCode, regionCode: query.regionCode, scope });

    const [extensions, internals] = period ? await Promise.all([this.repository.extensions(period.id), this.repository.internalDeadlines(period.id)]) : [[], []];
    const internalOf = new Map(internals.map((internal) => [internal.regionCode, { date: internal.deadlineDate, time: internal.deadlineTime }]));
    // The unit's own deadline by the rule the reminder worker uses, so LATE here and its "Terlambat" mail agree.
    const withinDeadline = (row: UnitRow): boolean => {
      if (!period) return true;
      const extendedUntil = extensions
        .filter((e) => e.regionCode === row.region_code && (e.organisationId === null || e.organisationId === row.organisation_id))
        .reduce<Date | null>((latest, e) => (latest === null || e.until > latest ? e.until : latest), null);
      const { instant } = unitDeadline({
        official: { date: period.deadlineDate, time: period.deadlineTime },
        internal: internalOf.get(row.region_code),
        isOrganisation: row.organisation_id !== null,
        extendedUntil,
        zone: period.timeZone ?? row.iana_zone,
      });
      return now.getTime() <= instant.getTime();
    };
    const units: CompletenessRow[] = rows.map((row) => ({
      regionCode: row.region_code,
      regionName: row.region_name,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      status: completenessOf(row.status, withinDeadline(row)),
      late: row.late === true,
      submissionId: row.submission_id,
      reviewStage: row.status === SubmissionStatus.IN_REVIEW ? (row.review_stage ?? reviewStagesFor(row.organisation_kind)[0]) : null,
    }));
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
}
