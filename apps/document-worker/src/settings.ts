import type { DocumentWorkerConfig } from '@peduli/config';
import { allowedFileTypes, DEFAULT_ALLOWED_FILE_TYPES } from '@peduli/domain';
import { CheckSettings, ClamdClient, DEFAULT_MAX_ZIP_ENTRIES } from './checks';

/** The defaults of documentWorkerConfigSchema, without antivirus. */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  allowedTypes: DEFAULT_ALLOWED_FILE_TYPES,
  maxUploadBytes: 20 * 1024 * 1024,
  zip: { maxUnzippedBytes: 200 * 1024 * 1024, maxRatio: 100, maxEntries: DEFAULT_MAX_ZIP_ENTRIES },
  maxImagePixels: 100_000_000,
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
    clamd: config.CLAMD_URL ? new ClamdClient({ url: config.CLAMD_URL, timeoutMs: config.CLAMD_TIMEOUT_MS }) : undefined,
  };
}
