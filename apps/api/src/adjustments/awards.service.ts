import { Injectable } from '@nestjs/common';
import { ReportingCycle } from '@peduli/db';
import { assessPembina, DEFAULT_PEMBINA_RULE, KkpBand, KkpScoringRules, Permission, Programme, RanhamRules } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { RanhamYearlyService } from '../scores/ranham-yearly.service';
import { AdjustmentsRepository } from './adjustments.repository';
import { AwardsRepository, RegencyBandRow } from './awards.repository';
import { CycleProvinces, ProvinceAwardView } from './awards.dto';

/**
 * The provincial award (pembina) of a KKP HAM cycle, from the current bands of the province's regencies/cities and,
 * when the rules ask, the province's own RANHAM yearly score of the data year. A caller sees the provinces its scope
 * covers whole (a national user all of them, a Kanwil its own).
 */
@Injectable()
export class AwardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly adjustments: AdjustmentsRepository,
    private readonly yearly: RanhamYearlyService,
    private readonly access: AccessService,
  ) {}

  async provinces(cycleId: string, principal: Principal): Promise<CycleProvinces> {
    const cycle = await this.dataSource.getRepository(ReportingCycle).findOne({ where: { id: cycleId } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: cycleId });
    if (cycle.programme !== Programme.KKP_HAM) throw ApiError.conflict('adjustment.cycleNotKkp', { programme: cycle.programme });
    const rules: KkpScoringRules | null = await this.adjustments.rulesOfVersion(this.dataSource.manager, cycle.frameworkVersionId);
    const rule = rules?.pembina ?? DEFAULT_PEMBINA_RULE;
    const ranhamRules = rule.minRanhamYearlyScore === undefined ? null : await this.ranhamRulesOrNull(cycle.dataYear);
    const byProvince = new Map<string, RegencyBandRow[]>();
    for (const row of await this.awards.regencyBands(cycle.year)) {
      if (!this.access.allowed(principal, Permission.SUBMISSIONS_READ, { provinceCode: row.province_code })) continue;
      byProvince.set(row.province_code, [...(byProvince.get(row.province_code) ?? []), row]);
    }
    const provinces: ProvinceAwardView[] = [];
    for (const [provinceCode, rows] of byProvince) {
      const ranhamYearlyScore = ranhamRules ? await this.yearly.provinceScore(cycle.dataYear, provinceCode, ranhamRules) : null;
      const assessment = assessPembina({ provinceCode, regencies: rows.map((row) => ({ regionCode: row.region_code, band: row.band })), ranhamYearlyScore }, rule);
      provinces.push({ ...assessment, name: rows[0].province_name, ranhamYearlyScore });
    }
    return {
      cycleId: cycle.id,
      year: cycle.year,
      dataYear: cycle.dataYear,
      final: cycle.decreeNumber !== null,
      rule: { minBandShare: rule.minBandShare, band: rule.band ?? KkpBand.PEDULI, minRanhamYearlyScore: rule.minRanhamYearlyScore ?? null },
      provinces,
    };
  }

  /** Without RANHAM rules for the data year no province has a yearly score: the condition then reads "not available". */
  private async ranhamRulesOrNull(year: number): Promise<RanhamRules | null> {
    try {
      return await this.yearly.rulesOf(year);
    } catch (error) {
      if (error instanceof ApiError) return null;
      throw error;
    }
  }
}
