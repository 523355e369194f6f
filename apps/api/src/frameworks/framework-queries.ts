import { Programme } from '@peduli/domain';
import type { EntityManager } from 'typeorm';

/**
 * The SQL of the frameworks area that TypeORM's repositories do not express: version numbering, a framework code's
 * lock, cycle creation and a recalculation run's report. Every function takes the caller's EntityManager, so it runs
 * in the caller's transaction.
 */

/** The next number for a framework code; the unique index settles a race between two admins. */
export async function nextFrameworkVersion(manager: EntityManager, frameworkCode: string): Promise<number> {
  const [{ next }] = await manager.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM framework_version WHERE framework_code = $1`, [frameworkCode]);
  return next;
}

/** Two imports of one new code must not both pick version 1, nor both pass the programme check: they queue here. */
export async function lockFrameworkCode(manager: EntityManager, frameworkCode: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('framework_version:' || $1))`, [frameworkCode]);
}

/** The programmes a framework code already has versions of, with each one's latest version number. */
export function latestVersionsOfCode(manager: EntityManager, frameworkCode: string): Promise<{ programme: Programme; latest: number }[]> {
  return manager.query(`SELECT programme, max(version) AS latest FROM framework_version WHERE framework_code = $1 GROUP BY programme`, [frameworkCode]);
}

/** Inserts a cycle unless its programme already has one for that year; null then. */
export async function insertCycleIfAbsent(
  manager: EntityManager,
  cycle: { programme: Programme; year: number; label: string; frameworkVersionId: string; dataYear?: number },
): Promise<string | null> {
  // Without a data year the database applies the default (a KKP HAM award year minus one, a RANHAM year itself).
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO reporting_cycle (programme, year, label, framework_version_id, data_year) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (programme, year) DO NOTHING RETURNING id`,
    [cycle.programme, cycle.year, cycle.label, cycle.frameworkVersionId, cycle.dataYear ?? null],
  );
  return inserted[0]?.id ?? null;
}

export interface BandChangeRow {
  submission_id: string;
  region_code: string;
  organisation_id: string | null;
  period_key: string;
  from_band: string | null;
  from_total: number | null;
  to_band: string;
  to_total: number;
}

/** The subjects of a run whose band changed. */
export function runBandChanges(manager: EntityManager, runId: string): Promise<BandChangeRow[]> {
  return manager.query(
    `SELECT i.submission_id, s.region_code, s.organisation_id, s.period_key, i.from_band, i.from_total::float AS from_total,
            i.to_band, i.to_total::float AS to_total
       FROM recalculation_item i JOIN submission s ON s.id = i.submission_id
      WHERE i.run_id = $1 AND i.status = 'DONE' AND i.from_band IS DISTINCT FROM i.to_band
      ORDER BY s.region_code, s.period_key, i.submission_id`,
    [runId],
  );
}

/** The subjects a run could not score, with the reason. */
export function runFailures(manager: EntityManager, runId: string): Promise<{ submission_id: string; error: string }[]> {
  return manager.query(`SELECT submission_id, error FROM recalculation_item WHERE run_id = $1 AND status = 'FAILED' ORDER BY submission_id`, [runId]);
}
