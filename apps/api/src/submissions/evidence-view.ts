import type { EvidenceDocument } from '@peduli/db';
import { DocumentStatus } from '@peduli/domain';
import type { DocumentView } from './evidence.dto';

export function documentView(document: EvidenceDocument): DocumentView {
  return {
    id: document.id,
    documentType: document.documentType,
    originalName: document.originalName,
    title: document.title,
    legalNumber: document.legalNumber,
    legalDate: document.legalDate,
    periodCovered: document.periodCovered,
    indicatorCodes: document.indicatorCodes,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    status: document.status,
    sniffedMime: document.sniffedMime,
    checkReasons: document.checkReasons,
    checkFlags: document.checkFlags,
  };
}

/**
 * A document attached to another submission: the same stored bytes and metadata, but quarantined and unchecked,
 * because it is checked again against that submission's indicators.
 */
export function quarantinedCopy(document: EvidenceDocument, submissionId: string, indicatorCodes = document.indicatorCodes): Partial<EvidenceDocument> {
  const { id: _id, createdAt: _createdAt, checkedAt: _checkedAt, ...copy } = document;
  return {
    ...copy,
    submissionId,
    indicatorCodes,
    status: DocumentStatus.QUARANTINED,
    sniffedMime: null,
    checkReasons: [],
    checkFlags: [],
    checkDetails: {},
    checkedAt: null,
  };
}
