import { Injectable } from '@nestjs/common';
import { meetsTarget, Permission, RanhamReporterLevel, RanhamRules, ranhamYearlyScore, reporterLevelOf, isReporterOwnReport, Scope } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { organisationScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { RanhamYearlyList, RanhamYearlyListQuery, RanhamYearlyQuery, RanhamYearlyView } from './ranham-yearly.dto';
import { RanhamYearlyRepository, ReporterPeriodScoreRow } from './ranham-yearly.repository';

/** Builds the view of one reporter's year from its period rows (already narrowed to that reporter). */
export function yearlyView(
  year: number,
  subject: { regionCode: string | null; organisationId: string | null; level: RanhamReporterLevel },
  rows: readonly ReporterPeriodScoreRow[],
  rules: RanhamRules,
): RanhamYearlyView {
  const byCode = new Map(rows.map((row) => [row.period_code, row]));
  const result = ranhamYearlyScore(Object.fromEntries(rows.map((row) => [row.period_code, row.total])), rules);
  return {
    year,
    regionCode: subject.regionCode,
    organisationId: subject.organisationId,
    level: subject.level,
    score: result.score,
    target: rules.targets[subject.level],
    meetsTarget: meetsTarget(result.score, subject.level, rules),
    periods: result.periods.map((period) => {
      const row = byCode.get(period.code);
      return {
        code: period.code,
        score: period.score,
        reason: period.reason ?? null,
        periodKey: row?.period_key ?? null,
        submissionId: row?.submission_id ?? null,
        snapshotId: row?.snapshot_id ?? null,
        band: row?.band ?? null,
      };
    }),
    ignoredPeriodCodes: result.ignoredPeriodCodes,
  };
}

/**
 * The yearly RANHAM score of reporters, from the current snapshots of their own reports of the year. Readable by
 * whoever may read the reporter's submissions.
 */
@Injectable()
export class RanhamYearlyService {
  constructor(
    private readonly repository: RanhamYearlyRepository,
    private readonly access: AccessService,
  ) {}

  async forReporter(query: RanhamYearlyQuery, principal: Principal): Promise<RanhamYearlyView> {
    if (!query.regionCode === !query.organisationId) throw ApiError.badRequest('ranhamYearly.oneSubject');
    let subject: { regionCode: string | null; organisationId: string | null; level: RanhamReporterLevel };
    let scope: Scope;
    if (query.organisationId) {
      const organisation = await this.repository.findOrganisation(query.organisationId);
      if (!organisation) throw ApiError.notFound('organisation.notFound', { id: query.organisationId });
      scope = organisationScope(organisation);
      this.access.assertAllowed(principal, Permission.SUBMISSIONS_READ, scope, 'organisation.notFound', organisation.id);
      const level = reporterLevelOf({ organisationKind: organisation.kind, regionCode: organisation.regionCode });
      // A unit's input is compiled into its reporter's report; only the reporter has a yearly score.
      if (!level || !isReporterOwnReport(organisation.kind)) throw ApiError.badRequest('ranhamYearly.notReporter', { kind: organisation.kind });
      subject = { regionCode: organisation.regionCode, organisationId: organisation.id, level };
    } else {
      const regionCode = query.regionCode as string;
      scope = { provinceCode: regionCode.slice(0, 2), regionCode, organisationId: null };
      this.access.assertAllowed(principal, Permission.SUBMISSIONS_READ, scope, 'region.notFound', regionCode);
      subject = { regionCode, organisationId: null, level: 'KABKOTA' };
    }
    const rules = await this.rulesOf(query.year);
    const rows = await this.repository.reporterPeriods(query.year, { regionCode: query.regionCode, organisationId: query.organisationId });
    return yearlyView(query.year, subject, rows, rules);
  }

  async forRegencies(query: RanhamYearlyListQuery, principal: Principal): Promise<RanhamYearlyList> {
    const rules = await this.rulesOf(query.year);
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 'left(s.region_code, 2)',
      region: 's.region_code',
      organisation: 's.organisation_id',
    });
    const byRegion = await this.regencyScores(query.year, rules, query.provinceCode, scope);
    return { year: query.year, items: [...byRegion.values()] };
  }

  /** Every regency/city's yearly view of a year that has a scored report, keyed by region code, in code order. */
  async regencyScores(
    year: number,
    rules: RanhamRules,
    provinceCode?: string,
    scope: { sql: string; params: Record<string, unknown> } | null = null,
    manager?: EntityManager,
  ): Promise<Map<string, RanhamYearlyView>> {
    const rows = await this.repository.regencyPeriods(year, provinceCode, scope, manager);
    const grouped = new Map<string, ReporterPeriodScoreRow[]>();
    for (const row of rows) grouped.set(row.region_code as string, [...(grouped.get(row.region_code as string) ?? []), row]);
    const views = new Map<string, RanhamYearlyView>();
    for (const regionCode of [...grouped.keys()].sort()) {
      views.set(regionCode, yearlyView(year, { regionCode, organisationId: null, level: 'KABKOTA' }, grouped.get(regionCode) ?? [], rules));
    }
    return views;
  }

  /** A province's own yearly score (its Biro Hukum's reports); null when it has no Biro Hukum report of the year. */
  async provinceScore(year: number, provinceCode: string, rules: RanhamRules): Promise<number | null> {
    const rows = await this.repository.provincePeriods(year, provinceCode);
    return rows.length === 0 ? null : ranhamYearlyScore(Object.fromEntries(rows.map((row) => [row.period_code, row.total])), rules).score;
  }

  /** The RANHAM rules of a year, or a 409 saying what is missing. */
  async rulesOf(year: number, manager?: EntityManager): Promise<RanhamRules> {
    const rules = await this.repository.rulesOfYear(year, manager);
    if (!rules) throw ApiError.conflict('ranhamYearly.noRules', { year });
    return rules;
  }
}
