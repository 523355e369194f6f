import type { DocumentWorkerConfig } from '@peduli/config';
import { allowedFileTypes, DEFAULT_ALLOWED_FILE_TYPES } from '@peduli/domain';
import { CheckIsolation, CheckSettings, ClamdClient, DEFAULT_MAX_PDF_INFLATED_BYTES, DEFAULT_MAX_ZIP_ENTRIES, defaultCheckThreads } from './checks';

/** The defaults of documentWorkerConfigSchema, without antivirus. */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  allowedTypes: DEFAULT_ALLOWED_FILE_TYPES,
  maxUploadBytes: 20 * 1024 * 1024,
  zip: { maxUnzippedBytes: 200 * 1024 * 1024, maxRatio: 100, maxEntries: DEFAULT_MAX_ZIP_ENTRIES },
  maxImagePixels: 100_000_000,
  maxPdfInflatedBytes: DEFAULT_MAX_PDF_INFLATED_BYTES,
};

type CheckConfig = Pick<
  DocumentWorkerConfig,
  | 'DOCUMENT_ALLOWED_TYPES'
  | 'MAX_UPLOAD_BYTES'
  | 'DOCUMENT_MAX_UNZIPPED_BYTES'
  | 'DOCUMENT_MAX_ZIP_RATIO'
  | 'DOCUMENT_MAX_IMAGE_PIXELS'
  | 'CLAMD_URL'
  | 'CLAMD_TIMEOUT_MS'
  | 'DOCUMENT_SCAN'
  | 'DOCUMENT_CHECK_TIMEOUT_MS'
  | 'DOCUMENT_CHECK_MEMORY_MB'
  | 'DOCUMENT_CHECK_THREADS'
>;

export function checkSettingsFrom(config: CheckConfig): CheckSettings {
  return {
    allowedTypes: allowedFileTypes(config.DOCUMENT_ALLOWED_TYPES),
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    zip: {
      maxUnzippedBytes: config.DOCUMENT_MAX_UNZIPPED_BYTES,
      maxRatio: config.DOCUMENT_MAX_ZIP_RATIO,
      maxEntries: DEFAULT_MAX_ZIP_ENTRIES,
    },
    maxImagePixels: config.DOCUMENT_MAX_IMAGE_PIXELS,
    maxPdfInflatedBytes: DEFAULT_MAX_PDF_INFLATED_BYTES,
    clamd:
      config.CLAMD_URL && config.DOCUMENT_SCAN !== 'off'
        ? new ClamdClient({ url: config.CLAMD_URL, timeoutMs: config.CLAMD_TIMEOUT_MS })
        : undefined,
    isolation: new CheckIsolation({
      threads: config.DOCUMENT_CHECK_THREADS ?? defaultCheckThreads(),
      timeoutMs: config.DOCUMENT_CHECK_TIMEOUT_MS,
      memoryMb: config.DOCUMENT_CHECK_MEMORY_MB,
    }),
  };
}
