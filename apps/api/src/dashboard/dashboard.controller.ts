import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { ReturnsQuery, ReturnsView, TimelinessQuery, TimelinessView } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('scores')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('returns')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'The indicators or action measures most often returned or rejected by reviewers in a cycle (optionally one period), within the caller’s scope',
    description: 'Counts the return reasons that name a code and the rejections set with approvals, over every review stage.',
  })
  @ApiOkResponse({ type: ReturnsView })
  @ApiErrors(400, 401, 403, 404)
  returns(@Query() query: ReturnsQuery, @CurrentPrincipal() principal: Principal): Promise<ReturnsView> {
    return this.dashboard.returns(query, principal);
  }

  @Get('timeliness')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'How a cycle’s period’s reports stand against their deadline, as counts, within the caller’s scope',
    description: 'The reporters’ own reports of GET /completeness (regencies/cities), counted by timeliness rather than listed.',
  })
  @ApiOkResponse({ type: TimelinessView })
  @ApiErrors(400, 401, 403, 404)
  timeliness(@Query() query: TimelinessQuery, @CurrentPrincipal() principal: Principal): Promise<TimelinessView> {
    return this.dashboard.timeliness(query, principal);
  }
}
