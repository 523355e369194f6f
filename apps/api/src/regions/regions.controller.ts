import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { RegionPage, RegionQuery, RegionView } from './regions.dto';
import { RegionsService } from './regions.service';

/** Public reference data: the 514 regencies and cities with their province and time zone. */
@ApiTags('regions')
@Public()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'List regencies and cities, filtered by province, kind or time zone (no sign-in needed)' })
  @ApiOkResponse({ type: RegionPage })
  @ApiErrors(400)
  list(@Query() query: RegionQuery): Promise<RegionPage> {
    return this.regions.list(query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One regency or city by its official code, e.g. 64.71 (no sign-in needed)' })
  @ApiOkResponse({ type: RegionView })
  @ApiErrors(400, 404)
  get(@Param('code') code: string): Promise<RegionView> {
    return this.regions.get(code);
  }
}
