import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ReportingCycle, ScoreSnapshot } from '@peduli/db';
import { Permission } from '@peduli/domain';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { submissionScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { Page, PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid-param';

class ScoreQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The cycle (programme and year)' }) @IsOptional() @IsUUID('4') cycleId?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ description: 'The reporting unit' }) @IsOptional() @IsUUID('4') organisationId?: string;
  @ApiPropertyOptional({ example: '2026-B08' }) @IsOptional() @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-B08' } }) periodKey?: string;
}

export interface ScoreView {
  id: string;
  submissionId: string;
  regionCode: string;
  organisationId: string | null;
  periodKey: string;
  frameworkVersion: string;
  frameworkVersionId: string | null;
  /** VERIFIED when a reviewer's value counted for at least one indicator. */
  basis: string;
  total: number;
  band: string;
  /** Whether this is the submission's score now (the latest under its cycle's version). */
  current: boolean;
  recalculationRunId: string | null;
  createdAt: string;
}


function view(snapshot: ScoreSnapshot, current: boolean): ScoreView {
  return {
    id: snapshot.id,
    submissionId: snapshot.submissionId,
    regionCode: snapshot.regionCode,
    organisationId: snapshot.organisationId,
    periodKey: snapshot.periodKey,
    frameworkVersion: snapshot.frameworkVersion,
    frameworkVersionId: snapshot.frameworkVersionId,
    basis: snapshot.basis,
    total: snapshot.total,
    band: snapshot.band,
    current,
    recalculationRunId: snapshot.recalculationRunId,
    createdAt: snapshot.createdAt.toISOString(),
  };
}

/** Scores: the current one per submission, the history of every snapshot, and the full breakdown of one. */
@ApiTags('scores')
@ApiBearerAuth()
@Controller('scores')
export class ScoresController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  @Get()
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Current scores of a region or unit (one per submission), optionally for one cycle or period' })
  async current(@Query() query: ScoreQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ScoreView>> {
    const builder = await this.filtered(query, principal);
    builder.andWhere('s.current_snapshot_id = sn.id').orderBy('sn.period_key', 'DESC').addOrderBy('sn.region_code').addOrderBy('sn.id');
    const [rows, total] = await builder.skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    return { items: rows.map((row) => view(row, true)), page: query.page, pageSize: query.pageSize, total };
  }

  @Get('history')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Every snapshot of a region or unit, oldest first: rescoring adds snapshots, never replaces them' })
  async history(@Query() query: ScoreQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ScoreView>> {
    const builder = await this.filtered(query, principal);
    builder.addSelect('s.current_snapshot_id = sn.id', 'is_current').orderBy('sn.created_at', 'ASC').addOrderBy('sn.id');
    const total = await builder.getCount();
    const { entities, raw } = await builder.offset((query.page - 1) * query.pageSize).limit(query.pageSize).getRawAndEntities();
    const currentById = new Map(raw.map((row: { sn_id: string; is_current: boolean }) => [row.sn_id, row.is_current]));
    return { items: entities.map((row) => view(row, currentById.get(row.id) === true)), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'One snapshot' })
  async get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<ScoreView> {
    const { snapshot, current } = await this.loadInScope(id, principal);
    return view(snapshot, current);
  }

  @Get(':id/explain')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'Why a score is what it is: each indicator’s points and rule (or reason for 0), subtotals per type and criterion, adjustments, total and band',
  })
  async explain(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal) {
    const { snapshot, current } = await this.loadInScope(id, principal);
    return { ...view(snapshot, current), inputHash: snapshot.inputHash, breakdown: snapshot.breakdown };
  }

  private async loadInScope(id: string, principal: Principal): Promise<{ snapshot: ScoreSnapshot; current: boolean }> {
    const rows: { current_snapshot_id: string | null }[] = await this.dataSource.query(
      `SELECT s.current_snapshot_id FROM score_snapshot sn JOIN submission s ON s.id = sn.submission_id WHERE sn.id = $1`,
      [id],
    );
    const snapshot = rows.length ? await this.dataSource.getRepository(ScoreSnapshot).findOne({ where: { id } }) : null;
    if (!snapshot) throw ApiError.notFound('score.notFound', { id });
    this.access.assertAllowed(principal, Permission.SUBMISSIONS_READ, submissionScope(snapshot), 'score.notFound', id);
    return { snapshot, current: rows[0].current_snapshot_id === id };
  }

  private async filtered(query: ScoreQuery, principal: Principal): Promise<SelectQueryBuilder<ScoreSnapshot>> {
    if (!query.regionCode && !query.organisationId) throw ApiError.badRequest('score.subjectRequired');
    const builder = this.dataSource.getRepository(ScoreSnapshot).createQueryBuilder('sn').innerJoin('submission', 's', 's.id = sn.submission_id');
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 'left(sn.region_code, 2)',
      region: 'sn.region_code',
      organisation: 'sn.organisation_id',
    });
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (query.regionCode) builder.andWhere('sn.region_code = :region', { region: query.regionCode });
    if (query.organisationId) builder.andWhere('sn.organisation_id = :organisation', { organisation: query.organisationId });
    if (query.periodKey) builder.andWhere('sn.period_key = :periodKey', { periodKey: query.periodKey });
    if (query.cycleId) {
      const cycle = await this.dataSource.getRepository(ReportingCycle).findOne({ where: { id: query.cycleId } });
      if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
      builder.andWhere('s.programme = :programme AND sn.period_key LIKE :yearPrefix', { programme: cycle.programme, yearPrefix: `${cycle.year}-%` });
    }
    return builder;
  }
}

