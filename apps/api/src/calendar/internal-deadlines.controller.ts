import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { IsOptional, Matches } from 'class-validator';
import { ANY_SIGNED_IN, CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { InternalDeadlinesService, InternalDeadlineView } from './internal-deadlines.service';

class InternalDeadlineBody {
  @ApiProperty({ example: '2026-09-01', description: 'Local date in the reporter’s zone (WIB for a ministry)' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2026-09-01' } }) deadlineDate: string;
  @ApiPropertyOptional({ example: '16:00' }) @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { context: { example: '16:00' } }) deadlineTime?: string;
}

/** A coordinator's earlier deadline for the units of its own reporter (see InternalDeadlinesService). */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles/:cycleId/periods/:code/internal-deadlines')
export class InternalDeadlinesController {
  constructor(private readonly internalDeadlines: InternalDeadlinesService) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The internal deadlines coordinators set for this period' })
  @ApiOkResponse({ type: [InternalDeadlineView] })
  @ApiErrors(400, 401, 404)
  list(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string): Promise<InternalDeadlineView[]> {
    return this.internalDeadlines.list(cycleId, code);
  }

  @Put(':reporter')
  @RequirePermission(Permission.INTERNAL_DEADLINES_SET)
  @ApiParam({ name: 'reporter', description: 'A regency/city code (e.g. 64.71), or the id of a ministry or a Biro Hukum', example: '64.71' })
  @ApiOperation({
    summary: 'Set the internal deadline for the units of a reporter: a regency/city’s OPD, a ministry’s directorates, a province’s OPD (its coordinator, or an admin); must fall before the official one',
  })
  @ApiOkResponse({ type: InternalDeadlineView })
  @ApiErrors(400, 401, 403, 404)
  set(
    @Param('cycleId', uuidParam) cycleId: string,
    @Param('code') code: string,
    @Param('reporter') reporter: string,
    @Body() body: InternalDeadlineBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<InternalDeadlineView> {
    return this.internalDeadlines.set(cycleId, code, reporter, body, principal, actor);
  }

  @Delete(':reporter')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.INTERNAL_DEADLINES_SET)
  @ApiParam({ name: 'reporter', description: 'A regency/city code (e.g. 64.71), or the id of a ministry or a Biro Hukum', example: '64.71' })
  @ApiOperation({ summary: 'Drop the internal deadline: the units count down to the official deadline again' })
  @ApiNoContentResponse({ description: 'Dropped' })
  @ApiErrors(400, 401, 403, 404)
  remove(
    @Param('cycleId', uuidParam) cycleId: string,
    @Param('code') code: string,
    @Param('reporter') reporter: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.internalDeadlines.remove(cycleId, code, reporter, principal, actor);
  }
}
