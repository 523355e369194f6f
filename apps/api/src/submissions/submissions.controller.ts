import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { attachmentDisposition } from '../common/content-disposition';
import { uuidParam } from '../common/uuid-param';
import { CompileBody } from './compile.dto';
import { CompileService } from './compile.service';
import { EvidenceUploadForm, ReuseEvidenceBody } from './evidence.dto';
import { EvidenceService } from './evidence.service';
import { documentView } from './evidence-view';
import {
  CompiledSubmissionView,
  CreateSubmissionBody,
  DocumentView,
  ListSubmissionsQuery,
  SubmissionPage,
  SubmissionView,
  UpdateSubmissionBody,
} from './submissions.dto';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly evidence: EvidenceService,
    private readonly compiler: CompileService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List the submissions the caller may read, newest first, with filters',
    description:
      'A Kanwil sees its province, a coordinator its regency/city, a unit operator its unit. Page with `cursor` (the previous page’s `nextCursor`, null on the last page); at most 100 a page. There is no total.',
  })
  @ApiOkResponse({ type: SubmissionPage })
  @ApiErrors(400, 401, 403)
  @RequirePermission(Permission.SUBMISSIONS_READ)
  list(@Query() query: ListSubmissionsQuery, @CurrentPrincipal() principal: Principal): Promise<SubmissionPage> {
    return this.submissions.list(query, principal);
  }

  @Post()
  @ApiOperation({
    summary: 'Start a submission (DRAFT) for a regency/city and a reporting period',
    description: 'A unit operator or unit head sends its unit as `organisationId`; a coordinator may omit it to report for the regency/city as a whole.',
  })
  @ApiBody({
    type: CreateSubmissionBody,
    examples: {
      ranham: {
        summary: 'A unit’s RANHAM report for the August period',
        value: {
          regionCode: '64.71',
          organisationId: '3f0c8a52-6d1e-4b7a-9c41-2a7e5d9b0c13',
          programme: 'RANHAM',
          periodKey: '2026-B08',
          answers: { 'AKSI-2026-01': true, 'AKSI-2026-03': 50 },
          contactEmail: 'bagian.hukum@balikpapan.go.id',
        },
      },
      kkpHam: {
        summary: 'A regency/city’s yearly KKP HAM report (coordinator)',
        value: { regionCode: '64.71', programme: 'KKP_HAM', periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true, 'K1.P1': 82.5 } },
      },
    },
  })
  @ApiCreatedResponse({ type: SubmissionView })
  @ApiErrors(400, 401, 403, 404, 409)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  create(
    @Body() body: CreateSubmissionBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<SubmissionView> {
    return this.submissions.create(body, principal, actor);
  }

  @Post('compile')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Coordinator: compile the regency/city’s KKP HAM submission from its units’ approved inputs (answers and accepted documents); units that disagree are listed (409)',
  })
  @ApiOkResponse({ type: CompiledSubmissionView })
  @ApiErrors(400, 401, 403, 404, 409)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  async compile(@Body() body: CompileBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<CompiledSubmissionView> {
    const { submissionId, compiledFrom } = await this.compiler.compile(body, principal, actor);
    return { ...(await this.submissions.view(submissionId)), compiledFrom };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A submission with its documents, their check results, and its scores' })
  @ApiOkResponse({ type: SubmissionView })
  @ApiErrors(400, 401, 403, 404)
  @RequirePermission(Permission.SUBMISSIONS_READ)
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<SubmissionView> {
    return this.submissions.view(id, principal);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Replace the answers (and contact) of a submission that is still editable; every answer is checked against the framework' })
  @ApiOkResponse({ type: SubmissionView })
  @ApiErrors(400, 401, 403, 404, 409)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateSubmissionBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<SubmissionView> {
    return this.submissions.update(id, body, principal, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit for checking; the document check, scoring and notices follow asynchronously' })
  @ApiOkResponse({ type: SubmissionView })
  @ApiErrors(400, 401, 403, 404, 409)
  @RequirePermission(Permission.SUBMISSIONS_SUBMIT)
  submit(
    @Param('id', uuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<SubmissionView> {
    return this.submissions.submit(id, principal, actor);
  }

  @Post(':id/evidence')
  @ApiOperation({ summary: 'Upload one supporting document (multipart/form-data, streamed) with its metadata and indicators; quarantined until checked' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    type: EvidenceUploadForm,
    examples: {
      perwal: {
        summary: 'A regulation backing two indicators (the file part holds the PDF’s bytes)',
        value: {
          documentType: 'PERBUP_PERWAL',
          title: 'Peraturan Wali Kota tentang Bantuan Hukum',
          legalNumber: 'Perwal No. 12 Tahun 2025',
          legalDate: '2025-03-14',
          indicatorCodes: 'K1.S1,K1.P1',
          file: '(binary: perwal-12-2025.pdf)',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  async upload(
    @Param('id', uuidParam) id: string,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<DocumentView> {
    return documentView(await this.evidence.upload(id, request, principal, actor));
  }

  @Post(':id/evidence/reuse')
  @ApiOperation({ summary: 'Attach a document the unit already uploaded (any submission or programme) to this submission; checked again' })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  async reuse(
    @Param('id', uuidParam) id: string,
    @Body() body: ReuseEvidenceBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<DocumentView> {
    return documentView(await this.evidence.reuse(id, body, principal, actor));
  }

  @Delete(':id/evidence/:documentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a document from a submission that can still be edited (DRAFT, RETURNED, CHECK_FAILED)' })
  @ApiNoContentResponse({ description: 'Removed; its stored bytes go once no other document shares them' })
  @ApiErrors(400, 401, 403, 404, 409)
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  async removeEvidence(
    @Param('id', uuidParam) id: string,
    @Param('documentId', uuidParam) documentId: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    await this.evidence.remove(id, documentId, principal, actor);
  }

  @Get(':id/evidence/:documentId/content')
  @ApiOperation({ summary: 'Download a checked document: its sniffed type, always as an attachment; quarantined or rejected ones are refused (409)' })
  @ApiOkResponse({
    description: 'The document’s bytes, with the Content-Type found by sniffing them (e.g. application/pdf), as an attachment',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 401, 403, 404, 409)
  @RequirePermission(Permission.SUBMISSIONS_READ)
  async download(
    @Param('id', uuidParam) id: string,
    @Param('documentId', uuidParam) documentId: string,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const { document, stream } = await this.evidence.download(id, documentId, principal);
    // The type is the sniffed one, never the declared.
    response.setHeader('Content-Disposition', attachmentDisposition(document.originalName));
    response.setHeader('Content-Type', document.sniffedMime!);
    response.setHeader('Content-Length', String(document.sizeBytes));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    await pipeline(stream, response);
  }

}
