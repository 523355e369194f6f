import { Controller, Get, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import type { Request } from 'express';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../../auth/principal';
import { ApiErrors } from '../../common/api-docs';
import { attachmentDisposition } from '../../common/content-disposition';
import { localeOf } from '../../common/request-context';
import { uuidParam } from '../../common/uuid-param';
import { XLSX_MEDIA_TYPE } from './answer-workbook-layout';
import { WorkbookUploadView } from './workbook.dto';
import { WorkbookService } from './workbook.service';

const BINARY = { schema: { type: 'string', format: 'binary' } };

/** A submission's answers as an XLSX workbook: downloaded to fill in offline, uploaded back through the same update. */
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class WorkbookController {
  constructor(private readonly workbooks: WorkbookService) {}

  @Get(':id/workbook')
  @ApiOperation({
    summary: 'Download the answers as an XLSX workbook to fill in offline',
    description:
      'Sheet "Jawaban": one row per item the input covers (all the period’s indicators or measures; a unit’s input only what is assigned to it), with the current answers, data validation on the answer column (E, the only unlocked column) and, on a reporter’s own report whose items are assigned, the units per item. Sheet "Petunjuk": instructions in the request’s language and the submission id, version, framework version and download time.',
  })
  @ApiOkResponse({ description: 'The workbook, as an attachment named after the reporter and period', content: { [XLSX_MEDIA_TYPE]: BINARY } })
  @ApiErrors(400, 401, 403, 404, 409)
  @RequirePermission(Permission.SUBMISSIONS_READ)
  async download(@Param('id', uuidParam) id: string, @Req() request: Request, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const file = await this.workbooks.download(id, principal, localeOf(request));
    return new StreamableFile(file.bytes, { type: XLSX_MEDIA_TYPE, disposition: attachmentDisposition(file.fileName), length: file.bytes.length });
  }

  @Post(':id/workbook')
  @HttpCode(200)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  @ApiConsumes(XLSX_MEDIA_TYPE)
  @ApiBody({ description: 'The workbook downloaded from GET, filled in, as the raw body (not multipart). At most 5 MB.', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Upload a filled-in answer workbook: stored exactly as the same answers through PATCH would be',
    description:
      'Answers are read by code (row order does not matter); an empty answer cell clears that answer, items not in the file keep theirs. Any wrong cell refuses the whole file (400, every problem named by its cell, e.g. field "Jawaban!E7"); formulas, macros and links to other files are refused; hidden and unknown sheets are ignored and listed in `notices`. A workbook of another submission is refused (400), one downloaded before someone else’s change too (409), as is a submission that can no longer be edited (409). Only an XLSX Content-Type is taken (415); over 5 MB is refused (413).',
  })
  @ApiOkResponse({ type: WorkbookUploadView })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  upload(@Param('id', uuidParam) id: string, @Req() request: Request, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<WorkbookUploadView> {
    return this.workbooks.upload(id, request, principal, actor);
  }
}
