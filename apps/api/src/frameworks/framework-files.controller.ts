import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { FrameworkVersionRecord, recordAudit } from '@peduli/db';
import { FrameworkContent, FrameworkStatus, Permission, Programme } from '@peduli/domain';
import { IsEnum } from 'class-validator';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError, FieldProblem } from '../common/api-error';
import { MessageKey } from '../common/messages';
import { uuidParam } from '../common/uuid-param';
import { versionSummary, VersionSummary } from './framework-views';
import { documentOf, FILE_FORMATS, FileFormat, FrameworkDocument, MEDIA_TYPES } from './interchange/document';
import { formatOfRequest, readBody } from './interchange/http-body';
import { NotExportableError, readDocument, writeDocument } from './interchange/interchange';
import { cellReference, InterchangeProblem } from './interchange/problems';

const FORMATS = Object.fromEntries(FILE_FORMATS.map((format) => [format, format])) as Record<FileFormat, FileFormat>;

class ExportQuery {
  @ApiProperty({ enum: FILE_FORMATS, description: 'json, yaml, or xlsx (one sheet per level)' })
  @IsEnum(FORMATS, { context: { values: FILE_FORMATS.join(', ') } })
  format: FileFormat;
}

const FILE_BODY = {
  description:
    'The file itself as the raw body (not multipart): JSON or YAML (format peduli.framework, formatVersion 1) or an XLSX workbook laid out like an export. At most 5 MB.',
  schema: { type: 'string', format: 'binary' },
} as const;
const FILE_TYPES = ['application/json', 'application/yaml', 'text/yaml', MEDIA_TYPES.xlsx];

/** Keeps a file name to letters, digits and . _ - whatever the framework code holds. */
function fileName(record: FrameworkVersionRecord, format: FileFormat): string {
  return `${record.frameworkCode.replace(/[^A-Za-z0-9._-]/g, '_')}-v${record.version}.${format}`;
}

function sizeOf(content: FrameworkContent): Record<string, number> {
  return 'criteria' in content
    ? { criteria: content.criteria.length, indicators: content.indicators.length }
    : { targetGroups: content.targetGroups.length, actions: content.actions.length };
}

/** Every problem of a refused file; a spreadsheet problem names its cell in `field` and carries sheet, row and column. */
function fileProblems(key: MessageKey, problems: InterchangeProblem[], status = HttpStatus.BAD_REQUEST): ApiError {
  return new ApiError(
    status,
    key,
    {},
    problems.map(
      (found): FieldProblem => ({
        field: found.cell ? cellReference(found.cell) : (found.path ?? 'file'),
        constraint: found.code,
        fallback: found.message.en,
        messages: found.message,
        ...(found.cell ? { cell: found.cell } : {}),
      }),
    ),
  );
}

/**
 * Framework versions as files: exported as JSON, YAML or XLSX, and imported from them as a new DRAFT or into an
 * existing one. An import is all or nothing: a file with any problem (its format, its structure, or the rules a version
 * must meet to be published) is refused with every problem listed, and nothing is written.
 */
@ApiTags('frameworks')
@ApiBearerAuth()
@Controller('frameworks')
export class FrameworkFilesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('versions/:id/export')
  @RequirePermission(ANY_SIGNED_IN)
  @ApiProduces(MEDIA_TYPES.json, MEDIA_TYPES.yaml, MEDIA_TYPES.xlsx)
  @ApiOperation({
    summary:
      'Download a version as a file (JSON, YAML or XLSX) that imports back to the same content. A draft whose content does not fit the file structure is refused as XLSX (409, with its problems) but still given as JSON or YAML',
  })
  async export(@Param('id', uuidParam) id: string, @Query() query: ExportQuery): Promise<StreamableFile> {
    const record = await this.load(id);
    const bytes = await writeDocument(documentOf(record), query.format).catch((error: unknown) => {
      if (error instanceof NotExportableError) throw fileProblems('framework.notExportable', error.problems, HttpStatus.CONFLICT);
      throw error;
    });
    return new StreamableFile(bytes, {
      type: MEDIA_TYPES[query.format],
      disposition: `attachment; filename="${fileName(record, query.format)}"`,
      length: bytes.length,
    });
  }

  @Post('imports')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiConsumes(...FILE_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary:
      'Import a file as a new DRAFT: the next version of its framework code (1 for a new code). Refused with every problem (400), for a code of another programme (409), an unknown Content-Type (415) or a file over 5 MB (413)',
  })
  async importNew(@Req() request: Request, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    const format = formatOfRequest(request);
    const bytes = await readBody(request);
    const document = await this.parse(bytes, format);
    return this.dataSource.transaction(async (manager) => {
      // Two imports of one new code must not both pick version 1, nor both pass the programme check.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('framework_version:' || $1))`, [document.frameworkCode]);
      const existing: { programme: Programme; latest: number }[] = await manager.query(
        `SELECT programme, max(version) AS latest FROM framework_version WHERE framework_code = $1 GROUP BY programme`,
        [document.frameworkCode],
      );
      const other = existing.find((row) => row.programme !== document.programme);
      if (other) {
        throw ApiError.conflict('framework.codeOfOtherProgramme', { code: document.frameworkCode, existing: other.programme, programme: document.programme });
      }
      const draft = await manager.getRepository(FrameworkVersionRecord).save({
        programme: document.programme,
        frameworkCode: document.frameworkCode,
        version: (existing[0]?.latest ?? 0) + 1,
        status: FrameworkStatus.DRAFT,
        label: document.label,
        content: document.content,
      });
      await recordAudit(manager, {
        ...actor,
        action: 'framework.imported',
        entityType: 'framework_version',
        entityId: draft.id,
        after: { ...versionSummary(draft), format, ...sizeOf(draft.content) },
      });
      return versionSummary(draft);
    });
  }

  @Post('versions/:id/import')
  @HttpCode(200)
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiConsumes(...FILE_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary:
      'Replace a DRAFT’s label and content with a file of the same programme and framework code. Refused with every problem (400); 409 for a PUBLISHED or RETIRED version',
  })
  async importInto(@Param('id', uuidParam) id: string, @Req() request: Request, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    const format = formatOfRequest(request);
    // A missing or frozen version is reported before the file is read.
    const current = await this.load(id);
    assertDraft(current);
    const bytes = await readBody(request);
    const document = await this.parse(bytes, format, current);
    return this.dataSource.transaction(async (manager) => {
      const record = await this.load(id, manager, true);
      assertDraft(record);
      await manager.update(FrameworkVersionRecord, id, { label: document.label, content: document.content });
      const updated = await this.load(id, manager);
      await recordAudit(manager, {
        ...actor,
        action: 'framework.imported',
        entityType: 'framework_version',
        entityId: id,
        before: { label: record.label, ...sizeOf(record.content) },
        after: { ...versionSummary(updated), format, ...sizeOf(updated.content) },
      });
      return versionSummary(updated);
    });
  }

  /** The file's document, or a 400 with every problem; a replacement must keep the draft's programme and code. */
  private async parse(bytes: Buffer, format: FileFormat, target?: FrameworkVersionRecord): Promise<FrameworkDocument> {
    const result = await readDocument(bytes, format, target ? { version: target.version, expect: { programme: target.programme, frameworkCode: target.frameworkCode } } : {});
    if (!result.ok) throw fileProblems('framework.fileInvalid', result.problems);
    return result.value;
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<FrameworkVersionRecord> {
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!record) throw ApiError.notFound('framework.notFound', { id });
    return record;
  }
}

function assertDraft(record: FrameworkVersionRecord): void {
  if (record.status !== FrameworkStatus.DRAFT) throw new ApiError(HttpStatus.CONFLICT, 'framework.notEditable', { status: record.status });
}
