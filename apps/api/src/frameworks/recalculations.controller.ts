import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { IsOptional, IsUUID } from 'class-validator';
import { RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { RunSummary } from './framework-views';
import { RecalculationsService, RunReport } from './recalculations.service';

class RunQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4') cycleId?: string;
}

/** Recalculation runs: progress while they run, and the band-change report once they have. */
@ApiTags('recalculations')
@ApiBearerAuth()
@Controller('recalculations')
export class RecalculationsController {
  constructor(private readonly runs: RecalculationsService) {}

  @Get()
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Runs, newest first' })
  @ApiOkResponse({ type: [RunSummary] })
  @ApiErrors(400, 401, 403)
  list(@Query() query: RunQuery): Promise<RunSummary[]> {
    return this.runs.list(query);
  }

  @Get(':id')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Progress (total, done, failed, started, finished) and the subjects whose band changed' })
  @ApiOkResponse({ type: RunReport })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', uuidParam) id: string): Promise<RunReport> {
    return this.runs.get(id);
  }
}
