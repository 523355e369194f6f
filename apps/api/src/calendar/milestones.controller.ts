import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { IsOptional, Matches } from 'class-validator';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { MilestonesService, MilestoneView } from './milestones.service';

class MilestoneBody {
  @ApiProperty({ example: '2026-03-31', description: 'Local date in each regency/city’s zone' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2026-03-31' } }) date: string;
  @ApiPropertyOptional({ example: '16:00', description: 'Local time; omitted means the end of the day' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { context: { example: '16:00' } })
  time?: string;
}

/**
 * The KKP HAM calendar of one award year: regency/city input close (the TAHUNAN period's deadline, which reminders
 * count down to), Kanwil verification close, central review close, decree and award. All editable, in order.
 */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles/:cycleId/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The KKP HAM cycle’s milestones, with the usual dates where none was set' })
  @ApiOkResponse({ type: [MilestoneView] })
  @ApiErrors(400, 401, 404)
  list(@Param('cycleId', uuidParam) cycleId: string): Promise<MilestoneView[]> {
    return this.milestones.list(cycleId);
  }

  @Put(':code')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Move one milestone; the steps must stay in order. Moving the input close moves the TAHUNAN deadline and re-plans reminders' })
  @ApiOkResponse({ type: [MilestoneView], description: 'Every milestone of the cycle after the move' })
  @ApiErrors(400, 401, 403, 404)
  set(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string, @Body() body: MilestoneBody, @CurrentActor() actor: RequestActor): Promise<MilestoneView[]> {
    return this.milestones.set(cycleId, code, body, actor);
  }
}
