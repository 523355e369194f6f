import { FrameworkVersion } from '@peduli/domain';
import { kkpAnswersAt } from '@peduli/testkit';
import type { DataSource } from 'typeorm';

export const UNITS_PER_REGION = Number(process.env.BENCH_UNITS_PER_REGION ?? 50);
export const KKP_PERIOD_KEY = '2026-TAHUNAN';
/** The seeded RANHAM framework's actions are those of 2025. */
export const RANHAM_PERIOD_KEY = '2025-B12';

export interface NationalDataset {
  regions: number;
  units: number;
  kkpCycleId: string;
  ranhamCycleId: string;
  /** One KKP HAM draft per regency/city (all 120 indicators answered), in region-code order. */
  kkpDrafts: { id: string; regionCode: string }[];
  /** One RANHAM draft per unit. */
  ranhamDrafts: number;
  seconds: number;
}

async function publishedVersion<T>(db: DataSource, programme: string): Promise<{ id: string; content: T }> {
  const [row] = await db.query(
    `SELECT id, content FROM framework_version WHERE programme = $1 AND status = 'PUBLISHED' ORDER BY published_at DESC LIMIT 1`,
    [programme],
  );
  if (!row) throw new Error(`bench: no published ${programme} framework version is seeded`);
  return row;
}

async function cycleWithPeriods(db: DataSource, programme: string, year: number, versionId: string, periods: { code: string; deadline: string }[]): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [programme, year, `${programme} ${year} (bench)`, versionId],
  );
  for (const period of periods) {
    await db.query(`INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date) VALUES ($1, $2, '2026-01-01', $3)`, [id, period.code, period.deadline]);
  }
  return id;
}

/** About 50 reporting units (OPD) in every one of the 514 regencies/cities, named "Perangkat Daerah <n> <region>". */
export async function addNationalUnits(db: DataSource): Promise<number> {
  const [{ count }] = await db.query(
    `WITH inserted AS (
       INSERT INTO organisation (kind, name, province_code, region_code)
       SELECT 'OPD', 'Perangkat Daerah ' || n || ' ' || r.name, r.province_code, r.code
         FROM region r CROSS JOIN generate_series(1, $1) AS n
       RETURNING 1)
     SELECT count(*)::int AS count FROM inserted`,
    [UNITS_PER_REGION],
  );
  return count;
}

/**
 * The national scale the system is built for, written straight into the database (this is setup, not what is
 * measured): every one of the 514 regencies/cities with about 50 reporting units, a KKP HAM 2026 cycle with a draft
 * per regency/city answering every indicator, and a RANHAM 2025 cycle with a draft per unit.
 */
export async function seedNationalDataset(db: DataSource): Promise<NationalDataset> {
  const started = performance.now();
  const regions: { code: string; province_code: string }[] = await db.query(`SELECT code, province_code FROM region ORDER BY code`);
  await addNationalUnits(db);
  const kkp = await publishedVersion<FrameworkVersion>(db, 'KKP_HAM');
  const ranham = await publishedVersion<{ actions: { code: string }[] }>(db, 'RANHAM');
  const kkpCycleId = await cycleWithPeriods(db, 'KKP_HAM', 2026, kkp.id, [{ code: 'TAHUNAN', deadline: '2027-03-31' }]);
  const ranhamCycleId = await cycleWithPeriods(db, 'RANHAM', 2025, ranham.id, [
    { code: 'B04', deadline: '2025-05-10' },
    { code: 'B08', deadline: '2025-09-10' },
    { code: 'B12', deadline: '2026-01-10' },
  ]);
  const kkpDrafts: { id: string; region_code: string }[] = await db.query(
    `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version)
     SELECT r.code, 'KKP_HAM', $2, 'DRAFT', r.answers, 0, 1 FROM jsonb_to_recordset($1::jsonb) AS r(code text, answers jsonb)
     ORDER BY r.code RETURNING id, region_code`,
    [JSON.stringify(regions.map((region, index) => ({ code: region.code, answers: kkpAnswersAt(kkp.content, (index % 41) / 40) }))), KKP_PERIOD_KEY],
  );
  const firstAction = ranham.content.actions[0].code;
  const [{ count: ranhamDrafts }] = await db.query(
    `WITH inserted AS (
       INSERT INTO submission (region_code, organisation_id, programme, period_key, status, answers, submit_count, version)
       SELECT o.region_code, o.id, 'RANHAM', $1, 'DRAFT', jsonb_build_object($2::text, 50), 0, 1 FROM organisation o WHERE o.region_code IS NOT NULL
       RETURNING 1)
     SELECT count(*)::int AS count FROM inserted`,
    [RANHAM_PERIOD_KEY, firstAction],
  );
  await db.query('ANALYZE');
  kkpDrafts.sort((a, b) => a.region_code.localeCompare(b.region_code));
  return {
    regions: regions.length,
    units: regions.length * UNITS_PER_REGION,
    kkpCycleId,
    ranhamCycleId,
    kkpDrafts: kkpDrafts.map((draft) => ({ id: draft.id, regionCode: draft.region_code })),
    ranhamDrafts,
    seconds: (performance.now() - started) / 1000,
  };
}
