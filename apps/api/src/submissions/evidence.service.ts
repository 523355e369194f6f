import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '@peduli/config';
import { EvidenceDocument, recordAudit, Submission } from '@peduli/db';
import { DocumentStatus, Permission } from '@peduli/domain';
import type { BlobStorage } from '@peduli/storage';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import type { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { toFieldProblems } from '../common/validation';
import { API_CONFIG, BLOB_STORAGE } from '../infrastructure/tokens';
import { EvidenceFields, ReuseEvidenceBody } from './evidence.dto';
import { EvidenceRepository } from './evidence.repository';
import { receiveEvidence } from './evidence-upload';
import { quarantinedCopy } from './evidence-view';
import { SubmissionsService } from './submissions.service';

/** A byte count as people read it, in binary units to one decimal (2.0 GB, 512.0 KB). */
function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Whose evidence a submission's documents are: its unit, or the regency/city reporting itself. */
export function ownerKeyOf(submission: Pick<Submission, 'organisationId' | 'regionCode'>): string {
  return submission.organisationId ?? `region:${submission.regionCode}`;
}

/**
 * Supporting documents: streamed uploads with their metadata and the indicators they back, stored once per unit and
 * content (a second upload of the same bytes shares the first one's blob), reusable across the unit's submissions
 * and programmes, and downloadable only once checked.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly repository: EvidenceRepository,
    private readonly submissions: SubmissionsService,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async upload(id: string, request: Request, principal: Principal, actor: RequestActor): Promise<EvidenceDocument> {
    const submission = await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_EDIT);
    this.submissions.assertEditable(submission);
    if (!request.is('multipart/form-data')) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'request.unsupportedMediaType', { expected: 'multipart/form-data' });
    }
    // Early answer for a submission or unit already full, before any bytes are streamed; decided again under lock below.
    await this.assertDocumentRoom(this.repository.manager, submission);
    await this.assertStorageRoom(this.repository.manager, ownerKeyOf(submission), null);
    const upload = await receiveEvidence(request, this.storage, this.config.MAX_UPLOAD_BYTES);
    let keepUploadedBlob = false;
    try {
      const fields = plainToInstance(EvidenceFields, upload.fields);
      const errors = await validate(fields, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) throw ApiError.badRequest('request.invalid', {}, toFieldProblems(errors));
      await this.assertIndicatorsExist(submission, fields.indicatorCodes ?? []);
      const ownerKey = ownerKeyOf(submission);
      let deduplicated = true;
      const saved = await this.repository.transaction(async (manager) => {
        // The upload may have taken minutes: the submission must still be editable now, and stays so until commit.
        await this.lockEditable(manager, id);
        await this.assertDocumentRoom(manager, submission);
        // Uploads to the unit's other submissions hold other row locks: the quota needs a lock of the unit's own.
        await this.repository.lockOwnerStorage(manager, ownerKey);
        const shared = await this.repository.shareBlob(manager, ownerKey, upload.blob);
        deduplicated = shared.deduplicated;
        // Bytes the unit already stores cost nothing more; new ones are counted with the row just inserted.
        if (!deduplicated) await this.assertStorageRoom(manager, ownerKey, upload.blob.sizeBytes, true);
        const storageKey = shared.storageKey;
        const document = await this.repository.insertDocument(manager, {
          submissionId: id,
          ownerKey,
          documentType: fields.documentType,
          title: fields.title ?? null,
          legalNumber: fields.legalNumber ?? null,
          legalDate: fields.legalDate ?? null,
          periodCovered: fields.periodCovered ?? null,
          indicatorCodes: fields.indicatorCodes ?? [],
          originalName: upload.originalName,
          declaredMime: upload.declaredMime,
          sizeBytes: upload.blob.sizeBytes,
          sha256: upload.blob.sha256,
          storageKey,
          status: DocumentStatus.QUARANTINED,
        });
        await recordAudit(manager, {
          ...actor,
          action: 'evidence.uploaded',
          entityType: 'evidence_document',
          entityId: document.id,
          after: { submissionId: id, documentType: document.documentType, sha256: document.sha256, sizeBytes: document.sizeBytes, indicatorCodes: document.indicatorCodes, deduplicated },
          regionCode: submission.regionCode,
        });
        return document;
      });
      keepUploadedBlob = !deduplicated;
      return saved;
    } finally {
      // Refused, failed, or the same bytes were already stored for this unit: the new copy goes.
      if (!keepUploadedBlob) await this.storage.remove(upload.blob.key);
    }
  }

  /** Attaches a document the unit already has (from any submission or programme) to another submission. */
  async reuse(id: string, body: ReuseEvidenceBody, principal: Principal, actor: RequestActor): Promise<EvidenceDocument> {
    const submission = await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_EDIT);
    this.submissions.assertEditable(submission);
    const source = await this.repository.findDocument(body.documentId);
    if (!source) throw ApiError.notFound('evidence.notFound', { id: body.documentId });
    await this.submissions.findOrFail(source.submissionId, principal, Permission.SUBMISSIONS_READ).catch(() => {
      throw ApiError.notFound('evidence.notFound', { id: body.documentId });
    });
    if (source.ownerKey !== ownerKeyOf(submission)) throw ApiError.badRequest('evidence.otherOwner');
    const indicatorCodes = body.indicatorCodes ?? source.indicatorCodes;
    await this.assertIndicatorsExist(submission, indicatorCodes);
    return this.repository.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      // Under the lock a removal takes before it frees stored bytes: the source is read again, so a copy never points
      // at bytes a removal that committed meanwhile has freed, and a removal after this sees the copy and keeps them.
      await this.repository.lockOwnerStorage(manager, ownerKeyOf(submission));
      if (!(await manager.getRepository(EvidenceDocument).exists({ where: { id: source.id } }))) {
        throw ApiError.notFound('evidence.notFound', { id: body.documentId });
      }
      await this.assertDocumentRoom(manager, submission);
      const document = await this.repository.insertDocument(manager, quarantinedCopy(source, id, indicatorCodes));
      await recordAudit(manager, {
        ...actor,
        action: 'evidence.reused',
        entityType: 'evidence_document',
        entityId: document.id,
        after: { submissionId: id, copiedFrom: source.id, sha256: source.sha256, indicatorCodes },
        regionCode: submission.regionCode,
      });
      return document;
    });
  }

  /**
   * Takes a document off a submission that can still be edited (a wrong file, or one the check refused). Its bytes
   * go too once no other document of any submission shares them.
   */
  async remove(id: string, documentId: string, principal: Principal, actor: RequestActor): Promise<void> {
    const submission = await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_EDIT);
    this.submissions.assertEditable(submission);
    const orphanedKey = await this.repository.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      const document = await manager.getRepository(EvidenceDocument).findOne({ where: { id: documentId, submissionId: id } });
      if (!document) throw ApiError.notFound('evidence.notFound', { id: documentId });
      const ownerKey = document.ownerKey ?? ownerKeyOf(submission);
      await this.repository.lockOwnerStorage(manager, ownerKey);
      await manager.getRepository(EvidenceDocument).delete({ id: documentId });
      const released = await this.repository.releaseBlobIfUnused(manager, ownerKey, document.storageKey);
      await recordAudit(manager, {
        ...actor,
        action: 'evidence.removed',
        entityType: 'evidence_document',
        entityId: documentId,
        before: { submissionId: id, documentType: document.documentType, originalName: document.originalName, sha256: document.sha256, indicatorCodes: document.indicatorCodes },
        regionCode: submission.regionCode,
      });
      return released ? document.storageKey : null;
    });
    // After commit: a failed commit must not have lost the bytes of a document that is still there.
    if (orphanedKey) await this.storage.remove(orphanedKey);
  }

  /** A checked and accepted document's bytes, for users who may read its submission. */
  async download(id: string, documentId: string, principal: Principal) {
    await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_READ);
    const document = await this.repository.findDocumentOf(id, documentId);
    if (!document) throw ApiError.notFound('evidence.notFound', { id: documentId });
    if (document.status !== DocumentStatus.ACCEPTED || !document.sniffedMime) {
      throw ApiError.conflict('evidence.notDownloadable', { status: document.status });
    }
    return { document, stream: this.storage.open(document.storageKey) };
  }

  /** Locks the submission row for the rest of the transaction (a submit waits) and checks it is still editable. */
  private async lockEditable(manager: EntityManager, id: string): Promise<void> {
    this.submissions.assertEditable(await this.repository.lockSubmission(manager, id));
  }

  /**
   * Refuses one more document once the submission holds MAX_DOCUMENTS_PER_SUBMISSION of its own unit's. Documents a
   * regency/city's submission gained by compiling its units' submissions belong to those units and do not count.
   * Race-free only under the submission's row lock (lockEditable), which every path adding a document takes first.
   */
  private async assertDocumentRoom(manager: EntityManager, submission: Submission): Promise<void> {
    const limit = this.config.MAX_DOCUMENTS_PER_SUBMISSION;
    const used = await this.repository.countOwnDocuments(manager, submission.id, ownerKeyOf(submission));
    if (used >= limit) throw ApiError.conflict('evidence.documentLimit', { used, limit });
  }

  /**
   * Refuses bytes that would take the unit past UNIT_STORAGE_QUOTA_BYTES: each distinct blob counts once, however many
   * documents share it. `included` says the new blob's row is already among the unit's blobs (inserted, uncommitted);
   * a null size (not received yet) only asks whether the unit has any room left.
   */
  private async assertStorageRoom(manager: EntityManager, ownerKey: string, sizeBytes: number | null, included = false): Promise<void> {
    const quota = this.config.UNIT_STORAGE_QUOTA_BYTES;
    const used = (await this.repository.storedBytes(manager, ownerKey)) - (included && sizeBytes !== null ? sizeBytes : 0);
    if (sizeBytes === null ? used >= quota : used + sizeBytes > quota) {
      const params = { used: formatBytes(used), quota: formatBytes(quota) };
      if (sizeBytes === null) throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'evidence.quotaFull', params);
      throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'evidence.quotaExceeded', { ...params, size: formatBytes(sizeBytes) });
    }
  }

  private async assertIndicatorsExist(submission: Submission, codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    await this.submissions.assertAnswersFit(
      this.repository.manager,
      { ...submission, organisationKind: await this.submissions.organisationKindOf(submission) },
      Object.fromEntries(codes.map((code) => [code, null])),
      'indicatorCodes',
    );
  }
}
