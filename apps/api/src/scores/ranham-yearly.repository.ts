import { Injectable } from '@nestjs/common';
import { frameworkVersionIdForPeriod, FrameworkVersionRecord, Organisation } from '@peduli/db';
import { OrganisationKind, Programme, RanhamFrameworkContent, RanhamRules } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';

/** One period's current score of a reporter's own RANHAM report. */
export interface ReporterPeriodScoreRow {
  /** The regency/city, for a regency/city reporter; null for a ministry or a province. */
  region_code: string | null;
  organisation_id: string | null;
  period_code: string;
  period_key: string;
  submission_id: string;
  snapshot_id: string;
  total: number;
  band: string;
}

/** A caller's scope as `AccessService.listFilter` gives it: SQL with :named parameters; null sees everything. */
type Scope = { sql: string; params: Record<string, unknown> } | null;

/**
 * The SQL of the yearly RANHAM score: the current snapshots of reporters' own reports of a year (`own_report`: a
 * regency/city reporting as itself or through its Bagian Hukum, a province through its Biro Hukum, a ministry), never
 * a unit's input, which its coordinator compiles into the reporter's report.
 */
@Injectable()
export class RanhamYearlyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOrganisation(id: string): Promise<Organisation | null> {
    return this.dataSource.getRepository(Organisation).findOne({ where: { id } });
  }

  /** The RANHAM rules of a year: its cycle's version, or the newest published one when the year has no cycle. */
  async rulesOfYear(year: number, manager: EntityManager = this.dataSource.manager): Promise<RanhamRules | null> {
    const id = await frameworkVersionIdForPeriod(manager, Programme.RANHAM, `${year}-TAHUNAN`);
    if (!id) return null;
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id } });
    return record ? (record.content as RanhamFrameworkContent).rules : null;
  }

  /** One reporter's period scores of a year: a regency/city by code, or a ministry or Biro Hukum by id. */
  reporterPeriods(year: number, subject: { regionCode?: string; organisationId?: string }): Promise<ReporterPeriodScoreRow[]> {
    const params: unknown[] = [`${year}-%`];
    let condition: string;
    if (subject.organisationId) {
      params.push(subject.organisationId);
      condition = `s.organisation_id = $2`;
    } else {
      params.push(subject.regionCode);
      condition = `s.region_code = $2`;
    }
    return this.periods(condition, params);
  }

  /** Every regency/city reporter's period scores of a year, optionally in one province, within the caller's scope. */
  regencyPeriods(year: number, provinceCode: string | undefined, scope: Scope, manager?: EntityManager): Promise<ReporterPeriodScoreRow[]> {
    const params: unknown[] = [`${year}-%`];
    const conditions = [`s.region_code IS NOT NULL`];
    if (provinceCode) {
      params.push(provinceCode);
      conditions.push(`left(s.region_code, 2) = $${params.length}`);
    }
    if (scope) {
      // listFilter names its parameters (:scopeRegion0); this query numbers them.
      conditions.push(
        scope.sql.replace(/:(\w+)/g, (_, name: string) => {
          params.push(scope.params[name]);
          return `$${params.length}`;
        }),
      );
    }
    return this.periods(conditions.join(' AND '), params, manager);
  }

  /** A province's own period scores of a year: the reports of its Biro Hukum. */
  provincePeriods(year: number, provinceCode: string): Promise<ReporterPeriodScoreRow[]> {
    return this.periods(`o.kind = '${OrganisationKind.BIRO_HUKUM}' AND o.province_code = $2`, [`${year}-%`, provinceCode]);
  }

  /**
   * The reporter's current score per period. Should a reporter still have two own reports of one period (one as the
   * regency/city itself, one through its Bagian Hukum), the newer score counts: it is the one it last worked on.
   */
  private periods(condition: string, params: unknown[], manager: EntityManager = this.dataSource.manager): Promise<ReporterPeriodScoreRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (COALESCE(s.region_code, s.organisation_id::text), split_part(s.period_key, '-', 2))
              s.region_code, CASE WHEN s.region_code IS NULL THEN s.organisation_id END AS organisation_id,
              split_part(s.period_key, '-', 2) AS period_code, s.period_key, s.id AS submission_id,
              sn.id AS snapshot_id, sn.total::float AS total, sn.band
         FROM submission s
         JOIN score_snapshot sn ON sn.id = s.current_snapshot_id
         LEFT JOIN organisation o ON o.id = s.organisation_id
        WHERE s.programme = '${Programme.RANHAM}' AND s.period_key LIKE $1 AND s.own_report AND s.superseded_by IS NULL AND ${condition}
        ORDER BY COALESCE(s.region_code, s.organisation_id::text), split_part(s.period_key, '-', 2), sn.created_at DESC, sn.id`,
      params,
    );
  }
}
