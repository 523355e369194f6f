import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { CompletenessQuery, CompletenessView } from './completeness.dto';
import { CompletenessService } from './completeness.service';

export { CompletenessRow } from './completeness.dto';

/**
 * For coordinators, the Kanwil and the centre: which units of a cycle's period have not started, are in draft, submitted,
 * returned, verified or late; a regency/city's, or with `organisationId` a ministry's or a Biro Hukum's.
 */
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('completeness')
export class CompletenessController {
  constructor(private readonly completeness: CompletenessService) {}

  @Get()
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary:
      'Units by status and deadline for a cycle’s period, filterable by province and regency/city, or a ministry’s or a Biro Hukum’s report and units (organisationId), within the caller’s scope',
  })
  @ApiOkResponse({ type: CompletenessView })
  @ApiErrors(400, 401, 403, 404)
  matrix(@Query() query: CompletenessQuery, @CurrentPrincipal() principal: Principal): Promise<CompletenessView> {
    return this.completeness.matrix(query, principal);
  }
}
