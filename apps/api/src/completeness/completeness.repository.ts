import { Injectable } from '@nestjs/common';
import { DeadlineExtension, InternalDeadline, ReportingCycle, ReportingPeriod } from '@peduli/db';
import { OrganisationKind, REPORTING_UNIT_KINDS, ReviewStage, SubmissionStatus } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { positional } from '../common/positional-params';

export interface UnitRow {
  /** Null for a ministry's or a province's report and its units' inputs. */
  region_code: string | null;
  region_name: string | null;
  iana_zone: string;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: OrganisationKind | null;
  submission_id: string | null;
  status: SubmissionStatus | null;
  /** While IN_REVIEW: the stage written on the submission (null at a first stage not yet written). */
  review_stage: ReviewStage | null;
  late: boolean | null;
}

/** Place filters and the caller's scope as SQL over the units' columns `u.province_code`, `u.region_code`, `u.organisation_id`. */
export interface UnitFilter {
  provinceCode?: string;
  regionCode?: string;
  /** TypeORM-style named parameters (:name), as AccessService.listFilter gives them; null: no scope limit. */
  scope: { sql: string; params: Record<string, unknown> } | null;
}

/** The reads of the completeness view: a period's deadlines and each unit's latest submission for it. */
@Injectable()
export class CompletenessRepository {
  constructor(private readonly dataSource: DataSource) {}

  findCycle(id: string): Promise<ReportingCycle | null> {
    return this.dataSource.getRepository(ReportingCycle).findOne({ where: { id } });
  }

  findPeriod(cycleId: string, code: string): Promise<ReportingPeriod | null> {
    return this.dataSource.getRepository(ReportingPeriod).findOne({ where: { cycleId, code } });
  }

  extensions(periodId: string): Promise<DeadlineExtension[]> {
    return this.dataSource.getRepository(DeadlineExtension).find({ where: { periodId } });
  }

  internalDeadlines(periodId: string): Promise<InternalDeadline[]> {
    return this.dataSource.getRepository(InternalDeadline).find({ where: { periodId } });
  }

  /**
   * Every unit (the regency/city itself and its active reporting organisations) in the filter, with its latest
   * submission; with `ownReportsOnly`, the regencies/cities' own reports alone (no organisation kind is listed then).
   */
  units(programme: string, periodKey: string, filter: UnitFilter, ownReportsOnly = false): Promise<UnitRow[]> {
    const base: unknown[] = [programme, periodKey, ownReportsOnly ? [] : REPORTING_UNIT_KINDS];
    const filters: string[] = [];
    if (filter.provinceCode) filters.push(`u.province_code = $${base.push(filter.provinceCode)}`);
    if (filter.regionCode) filters.push(`u.region_code = $${base.push(filter.regionCode)}`);
    if (filter.scope) {
      const { sql, values } = positional(filter.scope.sql, filter.scope.params, base.length);
      base.push(...values);
      filters.push(sql);
    }
    return this.dataSource.query(
      `WITH units AS (
         SELECT r.code AS region_code, r.name AS region_name, r.province_code, r.iana_zone, NULL::uuid AS organisation_id, NULL::varchar AS organisation_name,
                NULL::varchar AS organisation_kind
           FROM region r
         UNION ALL
         SELECT o.region_code, r.name, o.province_code, r.iana_zone, o.id, o.name, o.kind
           FROM organisation o JOIN region r ON r.code = o.region_code
          WHERE o.active AND o.kind = ANY($3)
       )
       SELECT u.region_code, u.region_name, u.iana_zone, u.organisation_id, u.organisation_name, u.organisation_kind,
              s.id AS submission_id, s.status, s.late, s.review_stage
         FROM units u
         LEFT JOIN LATERAL (
           SELECT id, status, late, review_stage FROM submission s
            WHERE s.region_code = u.region_code AND s.organisation_id IS NOT DISTINCT FROM u.organisation_id
              AND s.programme = $1 AND s.period_key = $2
            ORDER BY s.created_at DESC LIMIT 1) s ON TRUE
        WHERE ${filters.length ? filters.join(' AND ') : 'TRUE'}
        ORDER BY u.region_code, u.organisation_id NULLS FIRST, u.organisation_name`,
      base,
    );
  }

  /**
   * A region-less reporter (a ministry or a Biro Hukum) and its active units (directorates, province OPD), each with its
   * latest submission for the period: the reporter's own report first, then its units by name. Its zone is its
   * province's, or `nationalZone` for a ministry. The scope may use `u.parent_id`, so a grant over the reporter covers
   * its units.
   */
  reporterUnits(programme: string, periodKey: string, reporterId: string, nationalZone: string, scope: UnitFilter['scope']): Promise<UnitRow[]> {
    const base: unknown[] = [programme, periodKey, reporterId, nationalZone, [OrganisationKind.DIRECTORATE, OrganisationKind.OPD]];
    let where = 'TRUE';
    if (scope) {
      const { sql, values } = positional(scope.sql, scope.params, base.length);
      base.push(...values);
      where = sql;
    }
    return this.dataSource.query(
      `WITH units AS (
         SELECT o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, o.province_code,
                NULL::varchar AS region_code, o.parent_id, true AS own_report
           FROM organisation o WHERE o.id = $3
         UNION ALL
         SELECT o.id, o.name, o.kind, o.province_code, NULL::varchar, o.parent_id, false
           FROM organisation o WHERE o.parent_id = $3 AND o.active AND o.kind = ANY($5)
       )
       SELECT u.region_code, NULL::varchar AS region_name, coalesce(pv.iana_zone, $4) AS iana_zone, u.organisation_id, u.organisation_name,
              u.organisation_kind, s.id AS submission_id, s.status, s.late, s.review_stage
         FROM units u
         LEFT JOIN province pv ON pv.code = u.province_code
         LEFT JOIN LATERAL (
           SELECT id, status, late, review_stage FROM submission s
            WHERE s.organisation_id = u.organisation_id AND s.programme = $1 AND s.period_key = $2
            ORDER BY s.created_at DESC LIMIT 1) s ON TRUE
        WHERE ${where}
        ORDER BY u.own_report DESC, u.organisation_name`,
      base,
    );
  }
}
