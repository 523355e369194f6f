import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { IsOptional, Matches } from 'class-validator';
import { ANY_SIGNED_IN, CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { InternalDeadlinesService, InternalDeadlineView } from './internal-deadlines.service';

class InternalDeadlineBody {
  @ApiProperty({ example: '2026-09-01', description: 'Local date in the regency/city’s zone' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2026-09-01' } }) deadlineDate: string;
  @ApiPropertyOptional({ example: '16:00' }) @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { context: { example: '16:00' } }) deadlineTime?: string;
}

/** A coordinator's earlier deadline for the units of its own regency/city (see InternalDeadlinesService). */
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

  @Put(':regionCode')
  @RequirePermission(Permission.INTERNAL_DEADLINES_SET)
  @ApiOperation({ summary: 'Set the internal deadline for the units of a regency/city (its coordinator, or an admin); must fall before the official one' })
  @ApiOkResponse({ type: InternalDeadlineView })
  @ApiErrors(400, 401, 403, 404)
  set(
    @Param('cycleId', uuidParam) cycleId: string,
    @Param('code') code: string,
    @Param('regionCode') regionCode: string,
    @Body() body: InternalDeadlineBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<InternalDeadlineView> {
    return this.internalDeadlines.set(cycleId, code, regionCode, body, principal, actor);
  }

  @Delete(':regionCode')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.INTERNAL_DEADLINES_SET)
  @ApiOperation({ summary: 'Drop the internal deadline: the units count down to the official deadline again' })
  @ApiNoContentResponse({ description: 'Dropped' })
  @ApiErrors(400, 401, 403, 404)
  remove(
    @Param('cycleId', uuidParam) cycleId: string,
    @Param('code') code: string,
    @Param('regionCode') regionCode: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.internalDeadlines.remove(cycleId, code, regionCode, principal, actor);
  }
}
