import { Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Permission, RANHAM_2021_2025_SAMPLE } from '@peduli/domain';
import { IsEnum } from 'class-validator';
import type { Request } from 'express';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { FrameworkFilesService } from './framework-files.service';
import { VersionSummary } from './framework-views';
import { documentOf, FILE_FORMATS, FileFormat, MEDIA_TYPES } from './interchange/document';
import { formatOfRequest, readBody } from './interchange/http-body';

const FORMATS = Object.fromEntries(FILE_FORMATS.map((format) => [format, format])) as Record<FileFormat, FileFormat>;

class ExportQuery {
  @ApiProperty({ enum: FILE_FORMATS, description: 'json, yaml, or xlsx (one sheet per level)' })
  @IsEnum(FORMATS, { context: { values: FILE_FORMATS.join(', ') } })
  format: FileFormat;
}

/** A small but real file: the RANHAM sample's first target group and action, as an export writes them. */
const IMPORT_EXAMPLE = documentOf({
  programme: RANHAM_2021_2025_SAMPLE.programme,
  frameworkCode: 'RANHAM_CONTOH',
  label: 'RANHAM (contoh impor)',
  content: {
    targetGroups: RANHAM_2021_2025_SAMPLE.targetGroups.filter((group) => group.code === RANHAM_2021_2025_SAMPLE.actions[0].targetGroupCode),
    actions: RANHAM_2021_2025_SAMPLE.actions.slice(0, 1),
    rules: RANHAM_2021_2025_SAMPLE.rules,
  },
});

const FILE_BODY = {
  description:
    'The file itself as the raw body (not multipart): JSON or YAML (format peduli.framework, formatVersion 1) or an XLSX workbook laid out like an export. At most 5 MB.',
  schema: { type: 'string', format: 'binary' },
  examples: { ranham: { summary: 'A JSON file with one target group and one action (send it as application/json)', value: IMPORT_EXAMPLE } },
} as const;
const FILE_TYPES = ['application/json', 'application/yaml', 'text/yaml', MEDIA_TYPES.xlsx];
const BINARY = { schema: { type: 'string', format: 'binary' } };

/**
 * Framework versions as files: exported as JSON, YAML or XLSX, and imported from them as a new DRAFT or into an
 * existing one. An import is all or nothing: a file with any problem (its format, its structure, or the rules a version
 * must meet to be published) is refused with every problem listed, and nothing is written.
 */
@ApiTags('frameworks')
@ApiBearerAuth()
@Controller('frameworks')
export class FrameworkFilesController {
  constructor(private readonly files: FrameworkFilesService) {}

  @Get('versions/:id/export')
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({
    summary:
      'Download a version as a file (JSON, YAML or XLSX) that imports back to the same content. A draft whose content does not fit the file structure is refused as XLSX (409, with its problems) but still given as JSON or YAML',
  })
  @ApiOkResponse({
    description: 'The file, as an attachment named after the framework code and version',
    content: { [MEDIA_TYPES.json]: BINARY, [MEDIA_TYPES.yaml]: BINARY, [MEDIA_TYPES.xlsx]: BINARY },
  })
  @ApiErrors(400, 401, 404, 409)
  async export(@Param('id', uuidParam) id: string, @Query() query: ExportQuery): Promise<StreamableFile> {
    const file = await this.files.exportFile(id, query.format);
    return new StreamableFile(file.bytes, { type: file.mediaType, disposition: `attachment; filename="${file.fileName}"`, length: file.bytes.length });
  }

  @Post('imports')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiConsumes(...FILE_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary:
      'Import a file as a new DRAFT: the next version of its framework code (1 for a new code). Refused with every problem (400), for a code of another programme (409), an unknown Content-Type (415) or a file over 5 MB (413)',
  })
  @ApiCreatedResponse({ type: VersionSummary, description: 'The new DRAFT' })
  @ApiErrors(400, 401, 403, 409, 413, 415)
  async importNew(@Req() request: Request, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    const format = formatOfRequest(request);
    const bytes = await readBody(request);
    return this.files.importNew(bytes, format, actor);
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
  @ApiOkResponse({ type: VersionSummary })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  async importInto(@Param('id', uuidParam) id: string, @Req() request: Request, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    const format = formatOfRequest(request);
    // A missing or frozen version is reported before the file is read.
    await this.files.assertImportable(id);
    const bytes = await readBody(request);
    return this.files.importInto(id, bytes, format, actor);
  }
}
