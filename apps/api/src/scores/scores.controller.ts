import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { ReporterScoreQuery, ScoreExplanation, ScorePage, ScoreQuery, ScoreSnapshotView } from './scores.dto';
import { ScoresService } from './scores.service';
import { RanhamYearlyList, RanhamYearlyListQuery, RanhamYearlyQuery, RanhamYearlyView } from './ranham-yearly.dto';
import { RanhamYearlyService } from './ranham-yearly.service';

/** Scores: the current one per submission, the history of every snapshot, and the full breakdown of one. */
@ApiTags('scores')
@ApiBearerAuth()
@Controller('scores')
export class ScoresController {
  constructor(
    private readonly scores: ScoresService,
    private readonly yearly: RanhamYearlyService,
  ) {}

  @Get()
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'Current scores of a region or unit (one per submission), optionally for one cycle or period',
    description: 'Give `regionCode` or `organisationId` (or both).',
  })
  @ApiOkResponse({ type: ScorePage })
  @ApiErrors(400, 401, 403, 404)
  current(@Query() query: ScoreQuery, @CurrentPrincipal() principal: Principal): Promise<ScorePage> {
    return this.scores.current(query, principal);
  }

  @Get('reporters')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'Current scores of a cycle’s reporters in the caller’s scope (their own reports, not their units’ inputs), optionally of one period, province or band',
  })
  @ApiOkResponse({ type: ScorePage })
  @ApiErrors(400, 401, 403, 404)
  reporters(@Query() query: ReporterScoreQuery, @CurrentPrincipal() principal: Principal): Promise<ScorePage> {
    return this.scores.reporters(query, principal);
  }

  @Get('history')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Every snapshot of a region or unit, oldest first: rescoring adds snapshots, never replaces them' })
  @ApiOkResponse({ type: ScorePage })
  @ApiErrors(400, 401, 403, 404)
  history(@Query() query: ScoreQuery, @CurrentPrincipal() principal: Principal): Promise<ScorePage> {
    return this.scores.history(query, principal);
  }

  @Get('ranham-yearly')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'A reporter’s yearly RANHAM score: the mean of the year’s periods (a missing one counts 0, flagged NOT_REPORTED), its level, target and whether it meets it',
    description: 'Give `regionCode` (a regency/city) or `organisationId` (a ministry or a province’s Biro Hukum), not both. From the current scores of the reporter’s own reports, not its units’ inputs.',
  })
  @ApiOkResponse({ type: RanhamYearlyView })
  @ApiErrors(400, 401, 403, 404, 409)
  ranhamYearly(@Query() query: RanhamYearlyQuery, @CurrentPrincipal() principal: Principal): Promise<RanhamYearlyView> {
    return this.yearly.forReporter(query, principal);
  }

  @Get('ranham-yearly/regencies')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'The yearly RANHAM score of every regency/city in the caller’s scope with a scored report that year, optionally of one province' })
  @ApiOkResponse({ type: RanhamYearlyList })
  @ApiErrors(400, 401, 403, 409)
  ranhamYearlyOfRegencies(@Query() query: RanhamYearlyListQuery, @CurrentPrincipal() principal: Principal): Promise<RanhamYearlyList> {
    return this.yearly.forRegencies(query, principal);
  }

  @Get(':id')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'One snapshot' })
  @ApiOkResponse({ type: ScoreSnapshotView })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<ScoreSnapshotView> {
    return this.scores.get(id, principal);
  }

  @Get(':id/explain')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'Why a score is what it is: each indicator’s points and rule (or reason for 0), subtotals per type and criterion, adjustments with their value, cap, reason and source, total and band',
  })
  @ApiOkResponse({ type: ScoreExplanation })
  @ApiErrors(400, 401, 403, 404)
  explain(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<ScoreExplanation> {
    return this.scores.explain(id, principal);
  }
}
