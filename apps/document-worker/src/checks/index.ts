import {
  AllowedFileType,
  DocumentCheckReason,
  DocumentFinding,
  FILE_TYPE_CATALOGUE,
  SniffedType,
} from '@peduli/domain';
import { sniffStream } from '../sniff';
import { ClamdClient, ClamdScanError, ClamdUnavailableError } from './clamd';
import { checkImage } from './image';
import { checkOoxml, intendedOoxmlKind } from './ooxml';
import { checkPdf } from './pdf';
import { DocumentSource, readBounded } from './source';
import { ZipLimits } from './zip';

export { ClamdClient, ClamdScanError, ClamdUnavailableError } from './clamd';
export type { ScanResult } from './clamd';
export { checkImage } from './image';
export { checkOoxml, intendedOoxmlKind } from './ooxml';
export type { OoxmlKind } from './ooxml';
export { checkPdf } from './pdf';
export { ContentTooLargeError, readBounded } from './source';
export type { DocumentSource } from './source';
export { DEFAULT_MAX_ZIP_ENTRIES, GuardedZip, RATIO_MIN_ENTRY_BYTES, ZipBombError, ZipInvalidError } from './zip';
export type { ZipLimits } from './zip';

export interface CheckSettings {
  allowedTypes: readonly AllowedFileType[];
  /** Larger files are not examined (judgeDocument rejects them); PDFs are read into memory up to this size. */
  maxUploadBytes: number;
  zip: ZipLimits;
  maxImagePixels: number;
  /** Scans every examined file when set. */
  clamd?: ClamdClient;
}

export interface Inspection {
  sniffed: SniffedType | null;
  findings: DocumentFinding[];
}

export interface InspectOptions {
  /**
   * Whether an unreachable clamd is recorded as SCAN_FAILED (the last attempt of the job) or thrown as
   * ClamdUnavailableError so that the job is retried.
   */
  recordScanUnavailable: boolean;
}

const imageOptions = (settings: CheckSettings) => ({ maxPixels: settings.maxImagePixels, maxBytes: settings.maxUploadBytes });

type StructureCheck = (source: DocumentSource, settings: CheckSettings) => Promise<DocumentFinding[]>;

/** The in-depth check of each catalogue type, by MIME type. */
const STRUCTURE_CHECKS: ReadonlyMap<string, StructureCheck> = new Map<string, StructureCheck>([
  [FILE_TYPE_CATALOGUE.pdf.mime, async (source, settings) => checkPdf(await readBounded(source.open(), settings.maxUploadBytes))],
  [FILE_TYPE_CATALOGUE.jpeg.mime, (source, settings) => checkImage(source.open(), imageOptions(settings))],
  [FILE_TYPE_CATALOGUE.png.mime, (source, settings) => checkImage(source.open(), imageOptions(settings))],
  [FILE_TYPE_CATALOGUE.docx.mime, (source, settings) => checkOoxml(source, 'docx', settings.zip)],
  [FILE_TYPE_CATALOGUE.xlsx.mime, (source, settings) => checkOoxml(source, 'xlsx', settings.zip)],
]);

/**
 * Gathers the facts about one stored file that judgeDocument needs: its real type and what the structural check of
 * that type and the antivirus scan found. An empty or oversized file is not read at all. The structural check runs
 * for allowed types only (a disallowed file is rejected anyway and is not worth parsing); the scan runs for every
 * file that is read, so malware is named even in a file rejected for its type.
 */
export async function inspectDocument(source: DocumentSource, settings: CheckSettings, options: InspectOptions): Promise<Inspection> {
  if (source.sizeBytes === 0 || source.sizeBytes > settings.maxUploadBytes) return { sniffed: null, findings: [] };
  const sniffed = await realType(source, settings);

  const findings: DocumentFinding[] = [];
  const allowed = sniffed !== null && settings.allowedTypes.some((type) => type.mime === sniffed.mime);
  const structureCheck = allowed ? STRUCTURE_CHECKS.get(sniffed.mime) : undefined;
  if (structureCheck) findings.push(...(await structureCheck(source, settings)));
  if (settings.clamd) findings.push(...(await scan(settings.clamd, source, options)));
  return { sniffed, findings };
}

/**
 * file-type's verdict, except that a plain zip whose entries show it is a DOCX or XLSX (missing its
 * [Content_Types].xml, which file-type keys on) counts as that type, so its structure check names what is broken.
 */
async function realType(source: DocumentSource, settings: CheckSettings): Promise<SniffedType | null> {
  const sniffed = await sniffStream(source.open());
  if (sniffed?.mime !== 'application/zip') return sniffed;
  const kind = await intendedOoxmlKind(source, settings.zip);
  return kind ? { mime: FILE_TYPE_CATALOGUE[kind].mime, ext: kind } : sniffed;
}

async function scan(clamd: ClamdClient, source: DocumentSource, options: InspectOptions): Promise<DocumentFinding[]> {
  try {
    const result = await clamd.scan(source.open());
    return result.clean ? [] : [{ reason: DocumentCheckReason.MALWARE_FOUND, detail: result.signature }];
  } catch (error) {
    if (error instanceof ClamdScanError) return [{ reason: DocumentCheckReason.SCAN_FAILED, detail: error.message }];
    if (error instanceof ClamdUnavailableError && options.recordScanUnavailable) {
      return [{ reason: DocumentCheckReason.SCAN_FAILED, detail: error.message }];
    }
    throw error;
  }
}
