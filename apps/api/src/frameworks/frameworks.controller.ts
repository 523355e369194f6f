import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { FrameworkContent, FrameworkVersionRecord, recordAudit } from '@peduli/db';
import { FrameworkStatus, FrameworkVersion, Permission, Programme, validateFrameworkVersion } from '@peduli/domain';
import { IsEnum, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';

class VersionQuery {
  @ApiPropertyOptional({ enum: Programme }) @IsOptional() @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } }) programme?: Programme;
  @ApiPropertyOptional({ example: 'KKP_HAM_PERMENKUMHAM_22_2021' }) @IsOptional() @IsString() @MaxLength(64) frameworkCode?: string;
}

class UpdateDraftBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(300) label?: string;
  @ApiProperty({ description: 'criteria, indicators and rules; checked in full when published, and reported on every save' })
  @IsObject()
  content: FrameworkContent;
}

interface VersionSummary {
  id: string;
  programme: Programme;
  frameworkCode: string;
  version: number;
  status: FrameworkStatus;
  label: string;
  publishedAt: string | null;
  retiredAt: string | null;
}

function summary(record: FrameworkVersionRecord): VersionSummary {
  return {
    id: record.id,
    programme: record.programme,
    frameworkCode: record.frameworkCode,
    version: record.version,
    status: record.status,
    label: record.label,
    publishedAt: record.publishedAt?.toISOString() ?? null,
    retiredAt: record.retiredAt?.toISOString() ?? null,
  };
}

function asDomain(record: FrameworkVersionRecord, content: FrameworkContent = record.content): FrameworkVersion {
  return { programme: record.programme, frameworkCode: record.frameworkCode, version: record.version, status: record.status, label: record.label, ...content };
}

/**
 * Versioned scoring frameworks. A DRAFT is edited freely (every save reports its problems); publishing checks it in
 * full and freezes it; a new version starts as a copy of an existing one.
 */
@ApiTags('frameworks')
@ApiBearerAuth()
@Controller('frameworks/versions')
export class FrameworksController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'Framework versions, newest first (without their content)' })
  async list(@Query() query: VersionQuery): Promise<VersionSummary[]> {
    const rows = await this.dataSource.getRepository(FrameworkVersionRecord).find({
      where: { ...(query.programme ? { programme: query.programme } : {}), ...(query.frameworkCode ? { frameworkCode: query.frameworkCode } : {}) },
      order: { frameworkCode: 'ASC', version: 'DESC' },
    });
    return rows.map(summary);
  }

  @Get(':id')
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'One version with its criteria, indicators and rules, and its current validation problems' })
  async get(@Param('id', uuidParam) id: string) {
    const record = await this.load(id);
    return { ...summary(record), content: record.content, problems: validateFrameworkVersion(asDomain(record)) };
  }

  @Post(':id/drafts')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Start a new DRAFT version as an editable copy of this one' })
  async draftFrom(@Param('id', uuidParam) id: string, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.load(id, manager);
      // The next number for this framework; the unique index settles a race between two admins.
      const [{ next }] = await manager.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM framework_version WHERE framework_code = $1`, [
        source.frameworkCode,
      ]);
      const draft = await manager.getRepository(FrameworkVersionRecord).save({
        programme: source.programme,
        frameworkCode: source.frameworkCode,
        version: next,
        status: FrameworkStatus.DRAFT,
        label: source.label,
        content: source.content,
      });
      await recordAudit(manager, { ...actor, action: 'framework.draft_created', entityType: 'framework_version', entityId: draft.id, after: { ...summary(draft), copiedFrom: id } });
      return summary(draft);
    });
  }

  @Put(':id')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Replace a DRAFT’s content; the answer lists what must still be fixed before publishing' })
  async update(@Param('id', uuidParam) id: string, @Body() body: UpdateDraftBody, @CurrentActor() actor: RequestActor) {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.loadDraft(id, manager);
      const content: FrameworkContent = {
        criteria: body.content.criteria ?? [],
        indicators: body.content.indicators ?? [],
        rules: body.content.rules,
      };
      await manager.update(FrameworkVersionRecord, id, { content, label: body.label ?? record.label });
      const updated = await this.load(id, manager);
      await recordAudit(manager, {
        ...actor,
        action: 'framework.draft_updated',
        entityType: 'framework_version',
        entityId: id,
        before: { label: record.label, criteria: record.content.criteria.length, indicators: record.content.indicators.length },
        after: { label: updated.label, criteria: content.criteria.length, indicators: content.indicators.length },
      });
      return { ...summary(updated), problems: validateFrameworkVersion(asDomain(updated)) };
    });
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Publish a DRAFT: refused with every problem listed if it is not valid; frozen afterwards' })
  async publish(@Param('id', uuidParam) id: string, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.loadDraft(id, manager);
      const problems = validateFrameworkVersion({ ...asDomain(record), status: FrameworkStatus.PUBLISHED });
      if (problems.length > 0) {
        throw ApiError.badRequest(
          'framework.invalid',
          {},
          problems.map((problem) => ({ field: problem.path, constraint: problem.code, fallback: problem.message.en, messages: problem.message })),
        );
      }
      await manager.update(FrameworkVersionRecord, id, { status: FrameworkStatus.PUBLISHED, publishedAt: new Date() });
      const published = await this.load(id, manager);
      await recordAudit(manager, { ...actor, action: 'framework.published', entityType: 'framework_version', entityId: id, before: { status: record.status }, after: summary(published) });
      return summary(published);
    });
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<FrameworkVersionRecord> {
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id } });
    if (!record) throw ApiError.notFound('framework.notFound', { id });
    return record;
  }

  /** Locks the row so a publish and an edit of the same draft cannot interleave. */
  private async loadDraft(id: string, manager: EntityManager): Promise<FrameworkVersionRecord> {
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!record) throw ApiError.notFound('framework.notFound', { id });
    if (record.status !== FrameworkStatus.DRAFT) throw new ApiError(HttpStatus.CONFLICT, 'framework.notEditable', { status: record.status });
    return record;
  }
}
