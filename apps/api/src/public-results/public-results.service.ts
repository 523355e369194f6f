import { Injectable } from '@nestjs/common';
import { KKP_DEFAULT_BANDS, REGION_CODE_PATTERN } from '@peduli/domain';
import { ApiError } from '../common/api-error';
import { PublicDecreedYears, PublicRegionHistory, PublicYearResults } from './public-results.dto';
import { PublicResultsRepository } from './public-results.repository';
import { bandOrder, provinceShares } from './public-results.shares';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** What the public may see of KKP HAM: each regency's or city's band once its cycle's decree is recorded. */
@Injectable()
export class PublicResultsService {
  constructor(private readonly repository: PublicResultsRepository) {}

  async years(): Promise<PublicDecreedYears> {
    const cycles = await this.repository.decreedCycles();
    return {
      items: cycles.map((cycle) => ({ dataYear: cycle.dataYear, awardYear: cycle.year, decreeNumber: cycle.decreeNumber, decreeDate: cycle.decreeDate })),
    };
  }

  async year(rawYear: string): Promise<PublicYearResults> {
    const dataYear = parseYear(rawYear);
    const cycle = (await this.repository.decreedCycles()).find((candidate) => candidate.dataYear === dataYear);
    // Before the decree the results are not public: the same answer as for a year with no cycle, so nothing leaks.
    if (!cycle) throw ApiError.notFound('publicResults.notAnnounced', { year: dataYear });
    const regions = await this.repository.regionBands(cycle.year);
    const bands = bandOrder(cycle.bands ?? KKP_DEFAULT_BANDS, regions.map((region) => region.band));
    return {
      dataYear: cycle.dataYear,
      awardYear: cycle.year,
      decree: { number: cycle.decreeNumber, date: cycle.decreeDate },
      bands,
      regions: regions.map((region) => ({
        code: region.code,
        name: region.name,
        provinceCode: region.provinceCode,
        provinceName: region.provinceName,
        band: region.band,
      })),
      provinces: provinceShares(regions, bands),
    };
  }

  async region(code: string): Promise<PublicRegionHistory> {
    if (!REGION_CODE_PATTERN.test(code)) {
      throw ApiError.badRequest('request.invalid', {}, [
        { field: 'code', constraint: 'matches', fallback: 'code must look like 64.71', context: { example: '64.71' } },
      ]);
    }
    const region = await this.repository.region(code);
    if (!region) throw ApiError.notFound('region.notFound', { code });
    const years = await this.repository.regionYears(code);
    return {
      ...region,
      years: years.map((row) => ({
        dataYear: row.dataYear,
        awardYear: row.year,
        band: row.band,
        decree: { number: row.decreeNumber, date: row.decreeDate },
      })),
    };
  }
}

/** A four-digit data year in a sane range, or a 400 naming the parameter. */
function parseYear(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw ApiError.badRequest('request.invalid', {}, [
      { field: 'year', constraint: 'matches', fallback: `year must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`, context: { example: '2025' } },
    ]);
  }
  return year;
}
