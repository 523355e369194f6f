import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { sendCacheable } from './public-results.cache';
import { PublicDecreedYears, PublicRegionHistory, PublicYearResults } from './public-results.dto';
import { PublicResultsService } from './public-results.service';
import { PublicResultsThrottlerGuard } from './public-results.throttler.guard';

const CACHE_NOTE =
  'No sign-in. Cacheable: `Cache-Control: public, max-age=300` and an `ETag`; send it back in `If-None-Match` for a 304. ' +
  'Rate-limited per client address (429 with `Retry-After`).';
const IF_NONE_MATCH = { name: 'If-None-Match', required: false, description: 'The ETag of a copy the client holds' };

/**
 * The KKP HAM results for the public, other sites and journalists: each regency's or city's band once its cycle's
 * decree is recorded, and nothing more (no indicator scores, no evidence, no people).
 */
@ApiTags('public')
@Public()
@UseGuards(PublicResultsThrottlerGuard)
@Controller('public/kkp-ham')
export class PublicResultsController {
  constructor(private readonly results: PublicResultsService) {}

  @Get('results')
  @ApiOperation({ summary: 'The data years whose KKP HAM results a decree has made public', description: CACHE_NOTE })
  @ApiHeader(IF_NONE_MATCH)
  @ApiOkResponse({ type: PublicDecreedYears })
  @ApiNotModifiedResponse({ description: 'The client’s copy (If-None-Match) is current' })
  @ApiErrors(429)
  async years(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCacheable(request, response, await this.results.years());
  }

  @Get('results/:year')
  @ApiOperation({
    summary: 'One data year’s decreed results: each regency’s or city’s band, and each province’s counts by band',
    description: `404 (publicResults.notAnnounced) until the decree of the year’s cycle is recorded. ${CACHE_NOTE}`,
  })
  @ApiParam({ name: 'year', description: 'The data year (the award is given the year after)', example: '2025' })
  @ApiHeader(IF_NONE_MATCH)
  @ApiOkResponse({ type: PublicYearResults })
  @ApiNotModifiedResponse({ description: 'The client’s copy (If-None-Match) is current' })
  @ApiErrors(400, 404, 429)
  async year(@Param('year') year: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    // A "not yet announced" answer must not outlive the decree in a cache.
    response.setHeader('Cache-Control', 'no-cache');
    sendCacheable(request, response, await this.results.year(year));
  }

  @Get('regions/:code')
  @ApiOperation({ summary: 'A regency’s or city’s band in every decreed data year it has a result for', description: CACHE_NOTE })
  @ApiParam({ name: 'code', description: 'The official code of the regency or city', example: '64.71' })
  @ApiHeader(IF_NONE_MATCH)
  @ApiOkResponse({ type: PublicRegionHistory })
  @ApiNotModifiedResponse({ description: 'The client’s copy (If-None-Match) is current' })
  @ApiErrors(400, 404, 429)
  async region(@Param('code') code: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-cache');
    sendCacheable(request, response, await this.results.region(code));
  }
}
