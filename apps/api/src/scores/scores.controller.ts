import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { ScoreExplanation, ScorePage, ScoreQuery, ScoreSnapshotView } from './scores.dto';
import { ScoresService } from './scores.service';

/** Scores: the current one per submission, the history of every snapshot, and the full breakdown of one. */
@ApiTags('scores')
@ApiBearerAuth()
@Controller('scores')
export class ScoresController {
  constructor(private readonly scores: ScoresService) {}

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

  @Get('history')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Every snapshot of a region or unit, oldest first: rescoring adds snapshots, never replaces them' })
  @ApiOkResponse({ type: ScorePage })
  @ApiErrors(400, 401, 403, 404)
  history(@Query() query: ScoreQuery, @CurrentPrincipal() principal: Principal): Promise<ScorePage> {
    return this.scores.history(query, principal);
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
    summary: 'Why a score is what it is: each indicator’s points and rule (or reason for 0), subtotals per type and criterion, adjustments, total and band',
  })
  @ApiOkResponse({ type: ScoreExplanation })
  @ApiErrors(400, 401, 403, 404)
  explain(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<ScoreExplanation> {
    return this.scores.explain(id, principal);
  }
}
