import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
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
import type { ApiConfig } from '@peduli/config';
import { EvidenceDocument, recordAudit } from '@peduli/db';
import { DocumentStatus, Permission } from '@peduli/domain';
import type { BlobStorage } from '@peduli/storage';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { toFieldProblems } from '../common/validation';
import { API_CONFIG, BLOB_STORAGE } from '../infrastructure/tokens';
import { EvidenceFields, EvidenceUploadForm } from './evidence.dto';
import { receiveEvidence } from './evidence-upload';
import { CreateSubmissionBody, DocumentView, SubmissionView, UpdateSubmissionBody } from './submissions.dto';
import { SubmissionsService } from './submissions.service';


@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly dataSource: DataSource,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
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
  @ApiOperation({ summary: 'Upload one supporting document (multipart/form-data, streamed); quarantined until checked' })
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
    const submission = await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_EDIT);
    this.submissions.assertEditable(submission);
    if (!request.is('multipart/form-data')) {
      throw new ApiError(415, 'request.unsupportedMediaType', { expected: 'multipart/form-data' });
    }
    const upload = await receiveEvidence(request, this.storage, this.config.MAX_UPLOAD_BYTES);
    try {
      const fields = plainToInstance(EvidenceFields, upload.fields);
      const errors = await validate(fields, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        throw ApiError.badRequest('request.invalid', {}, toFieldProblems(errors));
      }
      const saved = await this.dataSource.transaction(async (manager) => {
        const document = await manager.getRepository(EvidenceDocument).save({
          submissionId: id,
          documentType: fields.documentType,
          originalName: upload.originalName,
          declaredMime: upload.declaredMime,
          sizeBytes: upload.blob.sizeBytes,
          sha256: upload.blob.sha256,
          storageKey: upload.blob.key,
          status: DocumentStatus.QUARANTINED,
        });
        await recordAudit(manager, {
          ...actor,
          action: 'evidence.uploaded',
          entityType: 'evidence_document',
          entityId: document.id,
          after: { submissionId: id, documentType: document.documentType, sha256: document.sha256, sizeBytes: document.sizeBytes },
          regionCode: submission.regionCode,
        });
        return document;
      });
      return {
        id: saved.id,
        documentType: saved.documentType,
        originalName: saved.originalName,
        sizeBytes: saved.sizeBytes,
        sha256: saved.sha256,
        status: saved.status,
        sniffedMime: null,
        checkReasons: [],
      };
    } catch (error) {
      await this.storage.remove(upload.blob.key);
      throw error;
    }
  }
}
