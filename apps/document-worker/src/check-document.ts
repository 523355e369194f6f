import { DocumentVerdict, judgeDocument, SniffedType } from '@peduli/domain';
import type { BlobStorage } from '@peduli/storage';
import { CheckSettings, DocumentSource, inspectDocument, InspectOptions } from './checks';

/** What checking one stored file needs to know about it: the evidence_document columns the worker reads. */
export interface StoredDocument {
  storageKey: string;
  /** The size recorded when the file was stored. */
  sizeBytes: number;
  originalName: string;
  declaredMime: string | null;
}

export interface DocumentCheck {
  /** The real type, judged from the content; null when nothing was recognised or the file was not read. */
  sniffed: SniffedType | null;
  verdict: DocumentVerdict;
}

/** The bytes of a stored document as the checks read them: streams from the blob store, whole or by range. */
export function storedDocumentSource(storage: BlobStorage, document: Pick<StoredDocument, 'storageKey' | 'sizeBytes'>): DocumentSource {
  return {
    sizeBytes: document.sizeBytes,
    open: () => storage.open(document.storageKey),
    openRange: (start, end) => storage.openRange(document.storageKey, start, end),
  };
}

/**
 * Checks one stored document as the worker does for every file of a submission: inspects its bytes (real type,
 * structure, antivirus when configured), then judges the facts against the allowlist and the upload limit.
 */
export async function checkStoredDocument(
  storage: BlobStorage,
  document: StoredDocument,
  settings: CheckSettings,
  options: InspectOptions,
): Promise<DocumentCheck> {
  const { sniffed, findings } = await inspectDocument(storedDocumentSource(storage, document), settings, options);
  const verdict = judgeDocument(
    {
      sizeBytes: document.sizeBytes,
      originalName: document.originalName,
      declaredMime: document.declaredMime,
      sniffed,
      maxSizeBytes: settings.maxUploadBytes,
      findings,
    },
    settings.allowedTypes,
  );
  return { sniffed, verdict };
}
