import type { DataSource } from 'typeorm';
import { addNationalUnits } from './national-dataset';

/**
 * The submission statuses the national units are given in turn; a unit whose turn falls on `null` has not started.
 * IN_REVIEW is left without a stage, as a first stage not yet written is (the API reads its first stage then).
 */
const STATUS_CYCLE = [null, 'DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'VERIFIED', 'DRAFT'] as const;
/** One regency/city in this many set an internal deadline that has passed, so its units still owing a report are LATE. */
const PAST_INTERNAL_EVERY = 4;

export interface NationalCompleteness {
  /** The units added (about 50 per regency/city) and the submissions written for them. */
  units: number;
  submissions: number;
  /** Regencies/cities whose internal deadline has passed. */
  regionsPastInternalDeadline: number;
  seconds: number;
}

/**
 * A national-size completeness list for one open period, written straight into the database (setup, not what is
 * measured): every regency/city gets about 50 units, and each unit a latest submission for the period in one of
 * several statuses (or none); a quarter of the regencies/cities have an internal deadline already passed, so the list
 * holds LATE units and late submissions too. Regencies/cities that hold other organisations already (the demo's) are
 * left without an internal deadline, so the demo's own reports keep their deadline.
 */
export async function seedNationalCompleteness(
  db: DataSource,
  target: { programme: string; periodKey: string; cycleId: string; periodCode: string },
): Promise<NationalCompleteness> {
  const started = performance.now();
  const known: { id: string }[] = await db.query(`SELECT id FROM organisation`);
  const units = await addNationalUnits(db);
  const [{ count: submissions }] = await db.query(
    `WITH units AS (
       SELECT o.id, o.region_code, o.province_code, row_number() OVER (ORDER BY o.region_code, o.name) AS n
         FROM organisation o WHERE o.region_code IS NOT NULL AND NOT (o.id = ANY($4::uuid[]))
     ), statuses AS (
       SELECT u.*, ($3::text[])[1 + (u.n % array_length($3::text[], 1))] AS status FROM units u
     ), inserted AS (
       INSERT INTO submission (region_code, province_code, organisation_id, programme, period_key, status, answers, submit_count, version, submitted_at, late)
       SELECT s.region_code, s.province_code, s.id, $1, $2, s.status, '{}'::jsonb, CASE WHEN s.status = 'DRAFT' THEN 0 ELSE 1 END, 1,
              CASE WHEN s.status = 'DRAFT' THEN NULL ELSE now() - interval '2 days' END,
              s.status <> 'DRAFT' AND s.n % 9 = 0
         FROM statuses s WHERE s.status <> ''
       RETURNING 1)
     SELECT count(*)::int AS count FROM inserted`,
    [target.programme, target.periodKey, STATUS_CYCLE.map((status) => status ?? ''), known.map((row) => row.id)],
  );
  const [{ count: regionsPastInternalDeadline }] = await db.query(
    `WITH regions AS (
       SELECT r.code, row_number() OVER (ORDER BY r.code) AS n FROM region r
        WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.region_code = r.code AND o.id = ANY($3::uuid[]))
     ), inserted AS (
       INSERT INTO internal_deadline (period_id, region_code, deadline_date, deadline_time)
       SELECT p.id, regions.code, current_date - 7, '16:00'
         FROM regions JOIN reporting_period p ON p.cycle_id = $1 AND p.code = $2
        WHERE regions.n % $4 = 0
       RETURNING 1)
     SELECT count(*)::int AS count FROM inserted`,
    [target.cycleId, target.periodCode, known.map((row) => row.id), PAST_INTERNAL_EVERY],
  );
  await db.query('ANALYZE');
  return { units, submissions, regionsPastInternalDeadline, seconds: (performance.now() - started) / 1000 };
}
