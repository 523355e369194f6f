import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { FrameworkVersionRecord, recordAudit, ReportingCycle } from '@peduli/db';
import { Permission, Programme } from '@peduli/domain';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { assertAdoptable } from './frameworks.controller';
import { cycleView, CycleView, runSummary, RunSummary } from './framework-views';
import { RecalculationTrigger } from './recalculation-trigger.service';

class CycleQuery {
  @ApiPropertyOptional({ enum: Programme }) @IsOptional() @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } }) programme?: Programme;
}

class CreateCycleBody {
  @ApiProperty({ enum: Programme }) @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } }) programme: Programme;
  @ApiProperty({ example: 2026, description: 'The award year (KKP HAM) or reporting year (RANHAM)' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'KKP HAM 2026 (data 2025)' }) @IsString() @MinLength(3) @MaxLength(300) label: string;
  @ApiProperty() @IsUUID('4') frameworkVersionId: string;
}

class SwitchVersionBody {
  @ApiProperty() @IsUUID('4') frameworkVersionId: string;
}

interface CycleChange {
  cycle: CycleView;
  /** The run rescoring the cycle's submissions; null when nothing changed. */
  recalculation: RunSummary | null;
}

/**
 * Reporting cycles: one per programme and year, each pinning the framework version its submissions are scored
 * against. Creating a cycle or switching its version starts a recalculation run.
 */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recalculations: RecalculationTrigger,
  ) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'Cycles, newest year first' })
  async list(@Query() query: CycleQuery): Promise<CycleView[]> {
    const rows = await this.dataSource.getRepository(ReportingCycle).find({
      where: query.programme ? { programme: query.programme } : {},
      order: { year: 'DESC', programme: 'ASC' },
    });
    return rows.map(cycleView);
  }

  @Get(':id')
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'One cycle' })
  async get(@Param('id', uuidParam) id: string): Promise<CycleView> {
    return cycleView(await this.load(id));
  }

  @Post()
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Open a cycle pinned to a published version; submissions already made for its year are rescored' })
  async create(@Body() body: CreateCycleBody, @CurrentActor() actor: RequestActor): Promise<CycleChange> {
    const result = await this.dataSource.transaction(async (manager) => {
      const version = await this.loadVersion(manager, body.frameworkVersionId);
      assertAdoptable(version, body);
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (programme, year) DO NOTHING RETURNING id`,
        [body.programme, body.year, body.label, version.id],
      );
      if (inserted.length === 0) throw ApiError.conflict('cycle.duplicate', { programme: body.programme, year: body.year });
      const cycle = await this.load(inserted[0].id, manager);
      await recordAudit(manager, { ...actor, action: 'cycle.created', entityType: 'reporting_cycle', entityId: cycle.id, after: cycleView(cycle) });
      const run = await this.recalculations.adopt(manager, cycle, version.id, 'CYCLE_CREATED', actor);
      return { cycle: cycleView(cycle), recalculation: runSummary(run) };
    });
    this.recalculations.kick();
    return result;
  }

  @Put(':id/framework-version')
  @HttpCode(200)
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Switch the cycle to another published version and rescore its submissions (old snapshots stay)' })
  async switchVersion(@Param('id', uuidParam) id: string, @Body() body: SwitchVersionBody, @CurrentActor() actor: RequestActor): Promise<CycleChange> {
    const result = await this.dataSource.transaction(async (manager) => {
      const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cycle) throw ApiError.notFound('cycle.notFound', { id });
      const version = await this.loadVersion(manager, body.frameworkVersionId);
      assertAdoptable(version, cycle);
      // Putting the same version again is a no-op, so a retried request does not start a second run.
      if (cycle.frameworkVersionId === version.id) return { cycle: cycleView(cycle), recalculation: null };
      const run = await this.recalculations.adopt(manager, cycle, version.id, 'VERSION_SWITCHED', actor);
      await recordAudit(manager, {
        ...actor,
        action: 'cycle.version_switched',
        entityType: 'reporting_cycle',
        entityId: id,
        before: { frameworkVersionId: cycle.frameworkVersionId },
        after: { frameworkVersionId: version.id, recalculationId: run.id },
      });
      return { cycle: cycleView(await this.load(id, manager)), recalculation: runSummary(run) };
    });
    if (result.recalculation) this.recalculations.kick();
    return result;
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<ReportingCycle> {
    const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id });
    return cycle;
  }

  private async loadVersion(manager: EntityManager, id: string): Promise<FrameworkVersionRecord> {
    // Shared lock: the version cannot be retired while a cycle is being pointed at it.
    const version = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
    if (!version) throw ApiError.notFound('framework.notFound', { id });
    return version;
  }
}
