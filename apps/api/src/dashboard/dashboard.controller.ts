import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { ReturnsQuery, ReturnsView } from './dashboard.dto';
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
}
