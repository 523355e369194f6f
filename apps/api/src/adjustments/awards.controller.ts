import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { CycleProvinces } from './awards.dto';
import { AwardsService } from './awards.service';

/** The provincial award (pembina) of a KKP HAM cycle. */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get(':id/provinces')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'Each province of a KKP HAM cycle: its regencies/cities counted, how many are PEDULI, the share, and whether it qualifies as pembina (and why not)',
    description: 'The rule is the version’s `rules.pembina` (by default at least 60% PEDULI and nothing else). Only provinces the caller’s scope covers whole are listed.',
  })
  @ApiOkResponse({ type: CycleProvinces })
  @ApiErrors(400, 401, 403, 404, 409)
  provinces(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<CycleProvinces> {
    return this.awards.provinces(id, principal);
  }
}
