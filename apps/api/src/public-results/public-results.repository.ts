import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DecreedCycle {
  year: number;
  dataYear: number;
  decreeNumber: string;
  decreeDate: string;
  /** The bands of the cycle's framework version, as its rules list them (absent in an older content). */
  bands: { band: string; min: number }[] | null;
}

export interface RegionBandRow {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  band: string;
}

export interface RegionRow {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
}

export interface RegionYearRow {
  year: number;
  dataYear: number;
  decreeNumber: string;
  decreeDate: string;
  band: string;
}

/*
 * A regency's or city's KKP HAM result is the current score of its own (not a unit's) current submission of the
 * cycle's award year; the decree makes it final, which is when it may be shown. The dates leave as text so the
 * driver's time zone can never move a calendar date.
 */
const OWN_RESULTS = `submission s
  JOIN score_snapshot sn ON sn.id = s.current_snapshot_id
  JOIN region r ON r.code = s.region_code
  JOIN province p ON p.code = r.province_code`;
const OWN_RESULT = `s.programme = 'KKP_HAM' AND s.organisation_id IS NULL AND s.superseded_by IS NULL`;

/** The reads behind the public results: decreed cycles and the bands of their regencies and cities, nothing else. */
@Injectable()
export class PublicResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async decreedCycles(): Promise<DecreedCycle[]> {
    const rows: { year: number; data_year: number; decree_number: string; decree_date: string; bands: DecreedCycle['bands'] }[] =
      await this.dataSource.query(
        `SELECT c.year, c.data_year, c.decree_number, to_char(c.decree_date, 'YYYY-MM-DD') AS decree_date, v.content -> 'rules' -> 'bands' AS bands
           FROM reporting_cycle c JOIN framework_version v ON v.id = c.framework_version_id
          WHERE c.programme = 'KKP_HAM' AND c.decree_number IS NOT NULL AND c.decree_date IS NOT NULL
          ORDER BY c.data_year DESC, c.year DESC`,
      );
    return rows.map((row) => ({
      year: row.year,
      dataYear: row.data_year,
      decreeNumber: row.decree_number,
      decreeDate: row.decree_date,
      bands: Array.isArray(row.bands) ? row.bands : null,
    }));
  }

  async regionBands(awardYear: number): Promise<RegionBandRow[]> {
    return this.dataSource.query(
      `SELECT r.code, r.name, p.code AS "provinceCode", p.name AS "provinceName", sn.band
         FROM ${OWN_RESULTS}
        WHERE ${OWN_RESULT} AND s.period_key LIKE $1
        ORDER BY p.code, r.code`,
      [`${awardYear}-%`],
    );
  }

  async region(code: string): Promise<RegionRow | null> {
    const rows: RegionRow[] = await this.dataSource.query(
      `SELECT r.code, r.name, p.code AS "provinceCode", p.name AS "provinceName"
         FROM region r JOIN province p ON p.code = r.province_code WHERE r.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  async regionYears(code: string): Promise<RegionYearRow[]> {
    return this.dataSource.query(
      `SELECT c.year, c.data_year AS "dataYear", c.decree_number AS "decreeNumber", to_char(c.decree_date, 'YYYY-MM-DD') AS "decreeDate", sn.band
         FROM ${OWN_RESULTS}
         JOIN reporting_cycle c ON c.programme = s.programme AND c.year = split_part(s.period_key, '-', 1)::int
        WHERE ${OWN_RESULT} AND s.region_code = $1 AND c.decree_number IS NOT NULL AND c.decree_date IS NOT NULL
        ORDER BY c.data_year DESC, c.year DESC`,
      [code],
    );
  }
}
