import { DocumentCheckReason, DocumentFinding } from '@peduli/domain/documents';
import { DocumentSource } from './source';
import { GuardedZip, ZipBombError, ZipInvalidError, ZipLimits } from './zip';

export type OoxmlKind = 'docx' | 'xlsx';

const CONTENT_TYPES = '[Content_Types].xml';
/** The part each kind cannot be without, besides [Content_Types].xml. */
const MAIN_PART: Readonly<Record<OoxmlKind, string>> = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' };

/**
 * Checks that a DOCX or XLSX is a valid Office Open XML package: a readable zip within the zip-bomb limits, holding
 * [Content_Types].xml (a <Types> document) and the kind's main part, every entry inflating cleanly with the right
 * CRC-32.
 */
export async function checkOoxml(source: DocumentSource, kind: OoxmlKind, limits: ZipLimits): Promise<DocumentFinding[]> {
  let zip: GuardedZip | undefined;
  try {
    // The source itself is the ZipSource: its `bytes` (always there in a check thread) let inflate() work from memory.
    zip = await GuardedZip.open(source, limits);
    const names = new Set(zip.list().map((entry) => entry.name));
    const missing = [CONTENT_TYPES, MAIN_PART[kind]].filter((part) => !names.has(part));
    if (missing.length > 0) return [invalid(`missing ${missing.join(' and ')}`)];

    const kept = await zip.inflate([CONTENT_TYPES]);
    if (!/<(\w+:)?Types[\s>]/.test(kept.get(CONTENT_TYPES)!.toString('utf8'))) {
      return [invalid(`${CONTENT_TYPES} is not a content types document`)];
    }
    return [];
  } catch (error) {
    if (error instanceof ZipBombError) return [{ reason: DocumentCheckReason.ZIP_BOMB, detail: error.message }];
    if (error instanceof ZipInvalidError) return [invalid(error.message)];
    throw error;
  } finally {
    zip?.close();
  }
}

/**
 * For a file that file-type calls a plain zip: the OOXML kind its entries show it was meant to be (a word/document.xml
 * or xl/workbook.xml part), so that a package missing [Content_Types].xml is reported as a broken Office document
 * rather than as a disallowed zip. Judged from the central directory only; null when it is no such thing or unreadable.
 */
export async function intendedOoxmlKind(source: DocumentSource, limits: ZipLimits): Promise<OoxmlKind | null> {
  let zip: GuardedZip | undefined;
  try {
    zip = await GuardedZip.open(source, limits);
    const names = new Set(zip.list().map((entry) => entry.name));
    return (Object.keys(MAIN_PART) as OoxmlKind[]).find((kind) => names.has(MAIN_PART[kind])) ?? null;
  } catch (error) {
    if (error instanceof ZipBombError || error instanceof ZipInvalidError) return null;
    throw error;
  } finally {
    zip?.close();
  }
}

const invalid = (detail: string): DocumentFinding => ({ reason: DocumentCheckReason.OOXML_INVALID, detail });
