import type { EvidenceDocument } from '@peduli/db';
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
