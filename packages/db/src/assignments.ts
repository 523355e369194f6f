import { AssignmentRow, assignmentCatalogue, expandAssignedCodes, isReporterOwnReport, OrganisationKind, parsePeriodKey, Programme } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import { FrameworkVersionCache } from './framework-lookup';

// Published versions never change: read each once per process (answer updates ask on every keystroke's save).
const versions = new FrameworkVersionCache();

/** What a unit's reporter assigns it in a cycle, as `unitAssignmentColumns` reads it. */
export interface UnitAssignments {
  /** Whether the unit's reporter assigns anything in the cycle (false without a cycle). */
  reporterAssigns: boolean;
  /** What it assigns to this unit. */
  itemCodes: string[];
}

interface UnitAssignmentRow extends UnitAssignments {
  kind: OrganisationKind;
  versionId: string;
}

/**
 * The two columns of `UnitAssignments` for a query that already has the unit (organisation) as `unit` and its
 * cycle (reporting_cycle) as `cycle`: the unit's reporter (its regency/city, or its ministry or Biro Hukum as its
 * parent), whether that reporter assigns anything in the cycle, and what it assigns to this unit.
 */
export function unitAssignmentColumns(unit: string, cycle: string): string {
  return `EXISTS (
              SELECT 1 FROM assignment r
               WHERE r.cycle_id = ${cycle}.id
                 AND CASE WHEN ${unit}.region_code IS NOT NULL THEN r.reporter_region_code = ${unit}.region_code
                          ELSE r.reporter_organisation_id = ${unit}.parent_id END
            ) AS "reporterAssigns",
            COALESCE(
              (SELECT array_agg(a.item_code) FROM assignment a WHERE a.cycle_id = ${cycle}.id AND a.unit_organisation_id = ${unit}.id),
              '{}'
            ) AS "itemCodes"`;
}

/**
 * The answer codes (KKP HAM indicator codes, RANHAM measure codes; an assigned RANHAM action expands to its
 * measures of the period) a unit's input covers in the cycle of the period, or null when the unit's reporter
 * assigns nothing in that cycle (then the unit may answer everything, as before assignments existed).
 */
export async function assignedAnswerCodes(
  manager: EntityManager,
  unit: { organisationId: string },
  programme: Programme,
  periodKey: string,
): Promise<ReadonlySet<string> | null> {
  const period = parsePeriodKey(periodKey);
  if (!period) return null;
  const rows: UnitAssignmentRow[] = await manager.query(
    `SELECT u.kind, c.framework_version_id AS "versionId", ${unitAssignmentColumns('u', 'c')}
       FROM organisation u
       JOIN reporting_cycle c ON c.programme = $2 AND c.year = $3
      WHERE u.id = $1`,
    [unit.organisationId, programme, period.year],
  );
  const row = rows[0];
  return row ? assignedCodesFrom(manager, { ...row, programme, periodKey }) : null;
}

/**
 * `assignedAnswerCodes` from a row read by a query of the caller's that took `unitAssignmentColumns` (with the unit's
 * kind and the version its cycle pins), so a hot path needs no query of its own for it.
 */
export async function assignedCodesFrom(
  manager: EntityManager,
  row: UnitAssignments & { kind: OrganisationKind | null; versionId: string | null; programme: Programme; periodKey: string },
): Promise<ReadonlySet<string> | null> {
  const period = parsePeriodKey(row.periodKey);
  // A reporter's own report (a Bagian Hukum, Biro Hukum or ministry) is never restricted.
  if (!period || !row.kind || !row.versionId || isReporterOwnReport(row.kind) || !row.reporterAssigns) return null;
  if (row.itemCodes.length === 0) return new Set();
  const version = await versions.byId(manager, row.versionId);
  if (!version) return new Set();
  return expandAssignedCodes(assignmentCatalogue(row.programme, version.content), row.itemCodes, period.code);
}

/** A reporter whose units get assignments: a regency/city by its code, or a ministry or Biro Hukum by its id. */
export interface AssignmentReporter {
  regionCode: string | null;
  organisationId: string | null;
}

/** Every row a reporter assigns in a cycle, ordered for stable output. */
export function reporterAssignmentRows(manager: EntityManager, cycleId: string, reporter: AssignmentReporter): Promise<AssignmentRow[]> {
  return manager.query(
    `SELECT item_code AS "itemCode", unit_organisation_id AS "unitId", lead
       FROM assignment
      WHERE cycle_id = $1 AND ${reporter.regionCode !== null ? 'reporter_region_code = $2' : 'reporter_organisation_id = $2'}
      ORDER BY item_code, unit_organisation_id`,
    [cycleId, reporter.regionCode ?? reporter.organisationId],
  );
}
