import { Injectable } from '@nestjs/common';
import type { Region } from '@peduli/db';
import { REGION_CODE_PATTERN } from '@peduli/domain';
import { ApiError } from '../common/api-error';
import type { RegionPage, RegionQuery, RegionView } from './regions.dto';
import { RegionsRepository } from './regions.repository';

function toView(region: Region): RegionView {
  return {
    code: region.code,
    name: region.name,
    kind: region.kind,
    provinceCode: region.provinceCode,
    provinceName: region.province?.name ?? '',
    timeZone: region.timeZone,
    ianaZone: region.ianaZone,
  };
}

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionsRepository) {}

  async list(query: RegionQuery): Promise<RegionPage> {
    const [regions, total] = await this.regions.list(query, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: regions.map(toView), page: query.page, pageSize: query.pageSize, total };
  }

  async get(code: string): Promise<RegionView> {
    if (!REGION_CODE_PATTERN.test(code)) {
      throw ApiError.badRequest('request.invalid', {}, [
        { field: 'code', constraint: 'matches', fallback: 'code must look like 64.71', context: { example: '64.71' } },
      ]);
    }
    const region = await this.regions.findByCode(code);
    if (!region) throw ApiError.notFound('region.notFound', { code });
    return toView(region);
  }
}
