import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission, Programme } from '@peduli/domain';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { CyclesService } from './cycles.service';
import { CycleChange, CycleView } from './framework-views';

class CycleQuery {
  @ApiPropertyOptional({ enum: Programme }) @IsOptional() @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } }) programme?: Programme;
}

class CreateCycleBody {
  @ApiProperty({ enum: Programme }) @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } }) programme: Programme;
  @ApiProperty({ example: 2026, description: 'The award year (KKP HAM) or reporting year (RANHAM)' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'KKP HAM 2026 (data 2025)' }) @IsString() @MinLength(3) @MaxLength(300) label: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') frameworkVersionId: string;
  @ApiPropertyOptional({ example: 2025, description: 'The year the data describe; by default the award year minus one (KKP HAM) or the year itself (RANHAM)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  dataYear?: number;
}

class DecreeBody {
  @ApiProperty({ example: 'M.HH-03.HA.02.01.01/2023' }) @IsString() @MinLength(3) @MaxLength(120) number: string;
  @ApiProperty({ format: 'date', example: '2023-11-15' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2023-11-15' } }) date: string;
}

class SwitchVersionBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') frameworkVersionId: string;
}

/**
 * Reporting cycles: one per programme and year, each pinning the framework version its submissions are scored
 * against. Creating a cycle or switching its version starts a recalculation run.
 */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'Cycles, newest year first' })
  @ApiOkResponse({ type: [CycleView] })
  @ApiErrors(400, 401)
  list(@Query() query: CycleQuery): Promise<CycleView[]> {
    return this.cycles.list(query);
  }

  @Get(':id')
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'One cycle' })
  @ApiOkResponse({ type: CycleView })
  @ApiErrors(400, 401, 404)
  get(@Param('id', uuidParam) id: string): Promise<CycleView> {
    return this.cycles.get(id);
  }

  @Post()
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Open a cycle pinned to a published version; submissions already made for its year are rescored' })
  @ApiCreatedResponse({ type: CycleChange })
  @ApiErrors(400, 401, 403, 404, 409)
  create(@Body() body: CreateCycleBody, @CurrentActor() actor: RequestActor): Promise<CycleChange> {
    return this.cycles.create(body, actor);
  }

  @Patch(':id/decree')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({
    summary: 'Record the decree of a KKP HAM cycle (number and date): its results become final',
    description: 'Once recorded, the cycle’s current scores show as final, and its version can no longer be switched nor its adjustments changed. Recording the same decree again changes nothing; a different number or date corrects it (audited).',
  })
  @ApiOkResponse({ type: CycleView })
  @ApiErrors(400, 401, 403, 404, 409)
  recordDecree(@Param('id', uuidParam) id: string, @Body() body: DecreeBody, @CurrentActor() actor: RequestActor): Promise<CycleView> {
    return this.cycles.recordDecree(id, body, actor);
  }

  @Put(':id/framework-version')
  @HttpCode(200)
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Switch the cycle to another published version and rescore its submissions (old snapshots stay)' })
  @ApiOkResponse({ type: CycleChange, description: 'recalculation is null when the cycle was already on that version' })
  @ApiErrors(400, 401, 403, 404, 409)
  switchVersion(@Param('id', uuidParam) id: string, @Body() body: SwitchVersionBody, @CurrentActor() actor: RequestActor): Promise<CycleChange> {
    return this.cycles.switchVersion(id, body, actor);
  }
}
