// The documents part of the domain, not all of it: every check thread loads what this module imports.
import {
  AllowedFileType,
  DocumentCheckReason,
  DocumentFinding,
  FILE_TYPE_CATALOGUE,
  SniffedType,
} from '@peduli/domain/documents';
import { ClamdClient, ClamdScanError, ClamdUnavailableError } from './clamd';
import { checkOoxml, intendedOoxmlKind } from './ooxml';
import type { CheckIsolation } from './isolation';
import { DocumentSource, inMemorySource, readBounded } from './source';
import { ZipLimits } from './zip';

export { ClamdClient, ClamdScanError, ClamdUnavailableError } from './clamd';
export type { ScanResult } from './clamd';
export { checkOoxml, intendedOoxmlKind } from './ooxml';
export type { OoxmlKind } from './ooxml';
export { CheckIsolation, defaultCheckThreads } from './isolation';
export type { IsolationLimits } from './isolation';
export { DEFAULT_MAX_PDF_INFLATED_BYTES } from './pdf-limits';
export type { PdfCheckOptions } from './pdf';
export { ContentTooLargeError, inMemorySource, readBounded } from './source';
export type { DocumentSource } from './source';
export { DEFAULT_MAX_ZIP_ENTRIES, GuardedZip, RATIO_MIN_ENTRY_BYTES, ZipBombError, ZipInvalidError } from './zip';
export type { ZipLimits } from './zip';

export interface CheckSettings {
  allowedTypes: readonly AllowedFileType[];
  /** Larger files are not examined (judgeDocument rejects them); PDFs are read into memory up to this size. */
  maxUploadBytes: number;
  zip: ZipLimits;
  maxImagePixels: number;
  /** Most bytes a PDF's object and cross-reference streams may inflate to, together. */
  maxPdfInflatedBytes: number;
  /** Scans every examined file when set; a file examined without it is flagged UNSCANNED. */
  clamd?: ClamdClient;
  /**
   * Where type sniffing and structure checks run: threads with a memory cap and a time limit, so that no file can
   * exhaust the process. Without it they run in the calling thread (for tests of single checks).
   */
  isolation?: CheckIsolation;
}

/** What the checks that may run in another thread need: plain data, no clients. */
export type StructureSettings = Pick<CheckSettings, 'allowedTypes' | 'maxUploadBytes' | 'zip' | 'maxImagePixels' | 'maxPdfInflatedBytes'>;

export function structureSettings(settings: CheckSettings): StructureSettings {
  const { allowedTypes, maxUploadBytes, zip, maxImagePixels, maxPdfInflatedBytes } = settings;
  return { allowedTypes, maxUploadBytes, zip, maxImagePixels, maxPdfInflatedBytes };
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

const imageOptions = (settings: StructureSettings) => ({ maxPixels: settings.maxImagePixels, maxBytes: settings.maxUploadBytes });

type StructureCheck = (source: DocumentSource, settings: StructureSettings) => Promise<DocumentFinding[]>;

// The parsers load where a file of their type is first checked: a worker that checks in threads never parses in its
// main thread, which then holds neither pdf-lib nor file-type (about 15 MB of each process's 200). Node caches each
// module after its first require, as apps/api's loadExcel relies on too.
/* eslint-disable @typescript-eslint/no-require-imports */
const loadPdfCheck = (): typeof import('./pdf') => require('./pdf') as typeof import('./pdf');
const loadImageCheck = (): typeof import('./image') => require('./image') as typeof import('./image');
const loadSniffer = (): typeof import('../sniff') => require('../sniff') as typeof import('../sniff');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The in-depth check of each catalogue type, by MIME type. */
const STRUCTURE_CHECKS: ReadonlyMap<string, StructureCheck> = new Map<string, StructureCheck>([
  [
    FILE_TYPE_CATALOGUE.pdf.mime,
    async (source, settings) => {
      const { checkPdf } = loadPdfCheck();
      return checkPdf(await readBounded(source.open(), settings.maxUploadBytes), { maxInflatedBytes: settings.maxPdfInflatedBytes });
    },
  ],
  [FILE_TYPE_CATALOGUE.jpeg.mime, (source, settings) => loadImageCheck().checkImage(source.open(), imageOptions(settings))],
  [FILE_TYPE_CATALOGUE.png.mime, (source, settings) => loadImageCheck().checkImage(source.open(), imageOptions(settings))],
  [FILE_TYPE_CATALOGUE.docx.mime, (source, settings) => checkOoxml(source, 'docx', settings.zip)],
  [FILE_TYPE_CATALOGUE.xlsx.mime, (source, settings) => checkOoxml(source, 'xlsx', settings.zip)],
]);

/**
 * Gathers the facts about one stored file that judgeDocument needs: its real type and what the structural check of
 * that type and the antivirus scan found. An empty or oversized file is not read at all. The structural check runs
 * for allowed types only (a disallowed file is rejected anyway and is not worth parsing); the scan runs for every
 * file that is read, so malware is named even in a file rejected for its type, and a file read without a scan is
 * flagged UNSCANNED. With isolation, the file is read into memory (bounded by the upload limit) and sniffed and
 * checked in a check thread; one that runs out of time or memory there is rejected as DOCUMENT_TOO_COMPLEX.
 */
export async function inspectDocument(source: DocumentSource, settings: CheckSettings, options: InspectOptions): Promise<Inspection> {
  if (source.sizeBytes === 0 || source.sizeBytes > settings.maxUploadBytes) return { sniffed: null, findings: [] };
  let inspection: Inspection;
  if (settings.isolation) {
    // A small file is in memory already (read once): the pool copies it to shared memory without a stream.
    const bytes = source.bytes ?? (await readBounded(source.open(), settings.maxUploadBytes, { shared: true }));
    inspection = await settings.isolation.inspect(bytes, structureSettings(settings));
    if (!source.bytes) source = inMemorySource(bytes);
  } else {
    inspection = await inspectContent(source, settings);
  }

  const findings = [...inspection.findings];
  if (settings.clamd) findings.push(...(await scan(settings.clamd, source, options)));
  else findings.push({ reason: DocumentCheckReason.UNSCANNED });
  return { sniffed: inspection.sniffed, findings };
}

/** The real type and the structure check's findings, in whichever thread calls it. */
export async function inspectContent(source: DocumentSource, settings: StructureSettings): Promise<Inspection> {
  const sniffed = await realType(source, settings);
  return { sniffed, findings: await structureFindings(source, sniffed, settings) };
}

/** What the structure check of the sniffed type finds; nothing for a type that is not allowed. */
export async function structureFindings(source: DocumentSource, sniffed: SniffedType | null, settings: StructureSettings): Promise<DocumentFinding[]> {
  const allowed = sniffed !== null && settings.allowedTypes.some((type) => type.mime === sniffed.mime);
  const structureCheck = allowed ? STRUCTURE_CHECKS.get(sniffed.mime) : undefined;
  return structureCheck ? structureCheck(source, settings) : [];
}

/**
 * file-type's verdict, except that a plain zip whose entries show it is a DOCX or XLSX (missing its
 * [Content_Types].xml, which file-type keys on) counts as that type, so its structure check names what is broken.
 */
export async function realType(source: DocumentSource, settings: StructureSettings): Promise<SniffedType | null> {
  // From memory when the file is there (as in a check thread): file-type reads a buffer faster than a stream.
  const { sniffStream, sniffType } = loadSniffer();
  const sniffed = source.bytes ? await sniffType(source.bytes) : await sniffStream(source.open());
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
