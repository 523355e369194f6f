import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Region } from '@peduli/db';
import { REGION_CODE_PATTERN } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { Public } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { RegionPage, RegionQuery, RegionView } from './regions.dto';

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

/** Public reference data: the 514 regencies and cities with their province and time zone. */
@ApiTags('regions')
@Public()
@Controller('regions')
export class RegionsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'List regencies and cities, filtered by province, kind or time zone' })
  @ApiOkResponse({ type: RegionPage })
  async list(@Query() query: RegionQuery): Promise<RegionPage> {
    const builder = this.dataSource
      .getRepository(Region)
      .createQueryBuilder('region')
      .leftJoinAndSelect('region.province', 'province')
      .orderBy('region.code', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.province) builder.andWhere('region.provinceCode = :province', { province: query.province });
    if (query.kind) builder.andWhere('region.kind = :kind', { kind: query.kind });
    if (query.timeZone) builder.andWhere('region.timeZone = :timeZone', { timeZone: query.timeZone });
    const [regions, total] = await builder.getManyAndCount();
    return { items: regions.map(toView), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':code')
  @ApiOperation({ summary: 'One regency or city by its official code, e.g. 64.71' })
  @ApiOkResponse({ type: RegionView })
  @ApiNotFoundResponse({ description: 'No regency or city has this code' })
  async get(@Param('code') code: string): Promise<RegionView> {
    if (!REGION_CODE_PATTERN.test(code)) {
      throw ApiError.badRequest('request.invalid', {}, [
        { field: 'code', constraint: 'matches', fallback: 'code must look like 64.71', context: { example: '64.71' } },
      ]);
    }
    const region = await this.dataSource.getRepository(Region).findOne({ where: { code }, relations: { province: true } });
    if (!region) throw ApiError.notFound('region.notFound', { code });
    return toView(region);
  }
}
