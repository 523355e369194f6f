import { FrameworkVersionCache, ReportingCycle } from '@peduli/db';
import { allAnswerCodes, AssignmentCatalogue, assignmentCatalogue, expandAssignedCodes, OrganisationKind, RanhamReporterLevel, reporterLevelOf } from '@peduli/domain';
import type { EntityManager } from 'typeorm';

const versions = new FrameworkVersionCache();

/** A reporter row of the completeness matrix: a regency/city by its code, or a ministry or Biro Hukum by its id. */
export interface ReporterOfRow {
  regionCode: string | null;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
}

export const reporterRowKey = (reporter: { regionCode: string | null; organisationId: string | null }) =>
  reporter.regionCode !== null ? `region:${reporter.regionCode}` : `reporter:${reporter.organisationId}`;

/**
 * For each reporter that assigns items in the cycle, how many answer codes of the period (indicators; RANHAM measures
 * of its level and year) no unit covers; a reporter that assigns nothing is absent. The codes themselves are listed by
 * GET /assignments (unassignedCodes, over every period of the cycle).
 */
export async function unassignedItemCounts(
  manager: EntityManager,
  cycle: ReportingCycle,
  periodCode: string,
  reporters: readonly ReporterOfRow[],
): Promise<Map<string, number>> {
  const regionCodes = reporters.filter((r) => r.regionCode !== null).map((r) => r.regionCode as string);
  const organisationIds = reporters.filter((r) => r.regionCode === null && r.organisationId !== null).map((r) => r.organisationId as string);
  if (regionCodes.length === 0 && organisationIds.length === 0) return new Map();
  const rows: { regionCode: string | null; organisationId: string | null; items: string[] }[] = await manager.query(
    `SELECT reporter_region_code AS "regionCode", reporter_organisation_id AS "organisationId", array_agg(DISTINCT item_code) AS items
       FROM assignment
      WHERE cycle_id = $1 AND (reporter_region_code = ANY($2) OR reporter_organisation_id = ANY($3::uuid[]))
      GROUP BY 1, 2`,
    [cycle.id, regionCodes, organisationIds],
  );
  if (rows.length === 0) return new Map();
  const version = await versions.byId(manager, cycle.frameworkVersionId);
  if (!version) return new Map();
  const catalogues = new Map<RanhamReporterLevel | null, { catalogue: AssignmentCatalogue; all: Set<string> }>();
  const catalogueFor = (level: RanhamReporterLevel | null) => {
    let entry = catalogues.get(level);
    if (!entry) {
      const catalogue = assignmentCatalogue(cycle.programme, version.content, { year: cycle.year, level });
      entry = { catalogue, all: allAnswerCodes(catalogue, periodCode) };
      catalogues.set(level, entry);
    }
    return entry;
  };
  const kinds = new Map(reporters.map((r) => [reporterRowKey(r), r.organisationKind]));
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = reporterRowKey(row);
    const { catalogue, all } = catalogueFor(reporterLevelOf({ organisationKind: kinds.get(key) ?? null, regionCode: row.regionCode }));
    const covered = expandAssignedCodes(catalogue, row.items, periodCode);
    counts.set(key, [...all].filter((code) => !covered.has(code)).length);
  }
  return counts;
}
