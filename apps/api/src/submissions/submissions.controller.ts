import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { attachmentDisposition } from '../common/content-disposition';
import { uuidParam } from '../common/uuid-param';
import { CompileBody } from './compile.dto';
import { CompileService } from './compile.service';
import { EvidenceUploadForm, ReuseEvidenceBody } from './evidence.dto';
import { EvidenceService } from './evidence.service';
import { documentView } from './evidence-view';
import { CreateSubmissionBody, DocumentView, SubmissionView, UpdateSubmissionBody } from './submissions.dto';
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

  @Post()
  @ApiOperation({ summary: 'Start a submission (DRAFT) for a regency/city and a reporting period' })
  @ApiCreatedResponse({ type: SubmissionView })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed one by one' })
  @ApiNotFoundResponse({ description: 'Unknown region code' })
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
  @ApiConflictResponse({ description: 'Units gave different answers to an indicator, or the regency/city’s submission is no longer editable' })
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  async compile(@Body() body: CompileBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor) {
    const { submissionId, compiledFrom } = await this.compiler.compile(body, principal, actor);
    return { ...(await this.submissions.view(submissionId)), compiledFrom };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A submission with its documents, their check results, and its scores' })
  @ApiOkResponse({ type: SubmissionView })
  @ApiNotFoundResponse()
  @RequirePermission(Permission.SUBMISSIONS_READ)
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<SubmissionView> {
    return this.submissions.view(id, principal);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Replace the answers (and contact) of a submission that is still editable; every answer is checked against the framework' })
  @ApiOkResponse({ type: SubmissionView })
  @ApiBadRequestResponse({ description: 'Answers that do not fit their indicators, listed one by one' })
  @ApiConflictResponse({ description: 'Not editable in its status' })
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
  @ApiConflictResponse({ description: 'Already submitted, or in a status that cannot be submitted' })
  @ApiNotFoundResponse()
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
  @ApiBody({ type: EvidenceUploadForm })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiBadRequestResponse({ description: 'No file, file too large, bad file name, truncated upload, or invalid fields' })
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
  @RequirePermission(Permission.SUBMISSIONS_EDIT)
  async reuse(
    @Param('id', uuidParam) id: string,
    @Body() body: ReuseEvidenceBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<DocumentView> {
    return documentView(await this.evidence.reuse(id, body, principal, actor));
  }

  @Get(':id/evidence/:documentId/content')
  @ApiOperation({ summary: 'Download a checked document: its sniffed type, always as an attachment; quarantined or rejected ones are refused (409)' })
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
