import { DocumentVerdict, judgeDocument, SniffedType } from '@peduli/domain';
import type { BlobStorage } from '@peduli/storage';
import { CheckSettings, DocumentSource, inMemorySource, inspectDocument, InspectOptions } from './checks';

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

/**
 * Files up to this size are read once and every check reads them from memory; each check would otherwise open the
 * file again (sniffing, structure, antivirus). Larger files are streamed from the store, never held whole.
 */
export const READ_ONCE_BYTES = 1024 * 1024;

/** The bytes of a stored document as the checks read them: from memory when small, otherwise streamed from the store. */
export async function storedDocumentSource(storage: BlobStorage, document: Pick<StoredDocument, 'storageKey' | 'sizeBytes'>): Promise<DocumentSource> {
  if (document.sizeBytes > 0 && document.sizeBytes <= READ_ONCE_BYTES) {
    const bytes = await storage.readHead(document.storageKey, document.sizeBytes + 1);
    // Read one byte more than recorded: a stored file that is not the size recorded is checked as it really is.
    if (bytes.length === document.sizeBytes) return inMemorySource(bytes);
  }
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
  const { sniffed, findings } = await inspectDocument(await storedDocumentSource(storage, document), settings, options);
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
