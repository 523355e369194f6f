import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { AdjustmentChange, AksiHamBonusRun, RemoveAdjustmentBody, SetAdjustmentBody } from './adjustments.dto';
import { AdjustmentsService } from './adjustments.service';

/** The central team's adjustments of KKP HAM scores: entered one by one, or derived for a whole cycle. */
@ApiTags('adjustments')
@ApiBearerAuth()
@Controller()
export class AdjustmentsController {
  constructor(private readonly adjustments: AdjustmentsService) {}

  @Put('submissions/:id/adjustments/:code')
  @RequirePermission(Permission.ADJUSTMENTS_MANAGE)
  @ApiParam({ name: 'code', example: 'AKSI_HAM_BONUS', description: 'An adjustment code of the framework version the submission is scored under' })
  @ApiOperation({
    summary: 'Set a central adjustment (bonus or penalty) of a regency/city’s KKP HAM report, with its reason and source; the report is rescored',
    description: 'The value is in units when the rule has points per unit, otherwise in points (at most 100). A value above the cap is kept and capped when scored. Repeating the same value and source changes nothing.',
  })
  @ApiOkResponse({ type: AdjustmentChange })
  @ApiErrors(400, 401, 403, 404, 409)
  set(
    @Param('id', uuidParam) id: string,
    @Param('code') code: string,
    @Body() body: SetAdjustmentBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<AdjustmentChange> {
    return this.adjustments.set(id, code, body, principal, actor);
  }

  @Delete('submissions/:id/adjustments/:code')
  @RequirePermission(Permission.ADJUSTMENTS_MANAGE)
  @ApiParam({ name: 'code', example: 'AKSI_HAM_BONUS' })
  @ApiOperation({ summary: 'Remove a central adjustment, with the reason; the report is rescored' })
  @ApiOkResponse({ type: AdjustmentChange })
  @ApiErrors(400, 401, 403, 404, 409)
  remove(
    @Param('id', uuidParam) id: string,
    @Param('code') code: string,
    @Body() body: RemoveAdjustmentBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<AdjustmentChange> {
    return this.adjustments.remove(id, code, body, principal, actor);
  }

  @Post('cycles/:id/adjustments/aksi-ham-bonus')
  @HttpCode(200)
  @RequirePermission(Permission.ADJUSTMENTS_MANAGE)
  @ApiOperation({
    summary: 'Apply the Aksi HAM bonus to a KKP HAM cycle: each scored regency/city gets the points its RANHAM yearly score of the cycle’s data year earns under the rule’s bands',
    description: 'Needs an adjustment rule with `source: {programme: RANHAM, yearlyScoreBands}` in the cycle’s version. Running it again changes only what moved; changed reports are rescored.',
  })
  @ApiOkResponse({ type: AksiHamBonusRun })
  @ApiErrors(400, 401, 403, 404, 409)
  applyAksiHamBonus(@Param('id', uuidParam) id: string, @CurrentActor() actor: RequestActor): Promise<AksiHamBonusRun> {
    return this.adjustments.applyAksiHamBonus(id, actor);
  }
}
