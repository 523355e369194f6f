import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { AssignmentsQuery, AssignmentsView, CopyForwardBody, CopyForwardView, ReplaceAssignmentsBody } from './assignments.dto';
import { AssignmentsService } from './assignments.service';

/** Who answers what: a reporter's indicators, actions and measures of a cycle assigned to its units (see AssignmentsService). */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary:
      'A reporter’s units and every assignable item of the cycle’s framework version with the units assigned and the lead, and the answer codes no unit covers; readable by the reporter’s coordinators and its units’ users',
  })
  @ApiOkResponse({ type: AssignmentsView })
  @ApiErrors(400, 401, 403, 404, 409)
  view(@Query() query: AssignmentsQuery, @CurrentPrincipal() principal: Principal): Promise<AssignmentsView> {
    return this.assignments.view(query, principal);
  }

  @Put()
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  @ApiOperation({
    summary:
      'Replace the reporter’s whole set for the cycle (whoever may compile its report, or a national admin); every bad item is named (items[3].code, items[3].unitIds[1]) and nothing is written',
  })
  @ApiOkResponse({ type: AssignmentsView })
  @ApiErrors(400, 401, 403, 404, 409)
  replace(@Body() body: ReplaceAssignmentsBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<AssignmentsView> {
    return this.assignments.replace(body, principal, actor);
  }

  @Post('copy-forward')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  @ApiOperation({
    summary:
      'Copy the reporter’s set from its latest earlier cycle of the programme into this one, dropping items the cycle’s version lacks and deactivated units (listed); 409 when this cycle already has a set',
  })
  @ApiOkResponse({ type: CopyForwardView })
  @ApiErrors(400, 401, 403, 404, 409)
  copyForward(@Body() body: CopyForwardBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<CopyForwardView> {
    return this.assignments.copyForward(body, principal, actor);
  }
}
