import { Injectable } from '@nestjs/common';
import { Programme } from '@peduli/domain';
import { DataSource } from 'typeorm';

export interface RegencyBandRow {
  province_code: string;
  province_name: string;
  region_code: string;
  /** The current KKP HAM band of the regency/city's report in the cycle; null without a scored report. */
  band: string | null;
}

/** The SQL of the provincial award: every regency/city with its current band in a KKP HAM cycle. */
@Injectable()
export class AwardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  regencyBands(awardYear: number): Promise<RegencyBandRow[]> {
    return this.dataSource.query(
      `SELECT r.province_code, p.name AS province_name, r.code AS region_code, sn.band
         FROM region r
         JOIN province p ON p.code = r.province_code
         LEFT JOIN submission s ON s.region_code = r.code AND s.programme = $1 AND s.period_key LIKE $2
                               AND s.own_report AND s.superseded_by IS NULL
         LEFT JOIN score_snapshot sn ON sn.id = s.current_snapshot_id
        ORDER BY r.province_code, r.code`,
      [Programme.KKP_HAM, `${awardYear}-%`],
    );
  }
}
