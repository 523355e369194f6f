import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, PDFStream } from '@cantoo/pdf-lib';
import { DocumentCheckReason, DocumentFinding } from '@peduli/domain';

/** Readers look for %%EOF within the last 1024 bytes (Acrobat's tolerance); a file cut short has none there. */
const EOF_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
/** Nesting deeper than this inside one object is not followed (a hostile file cannot exhaust the stack). */
const MAX_DEPTH = 64;

const name = (value: string) => PDFName.of(value);
const JS = name('JS');
const JAVASCRIPT = name('JavaScript');
const S = name('S');
const TYPE = name('Type');
const SUBTYPE = name('Subtype');
const EMBEDDED_FILES = name('EmbeddedFiles');
const EMBEDDED_FILE = name('EmbeddedFile');
const FILE_ATTACHMENT = name('FileAttachment');
const FILESPEC = name('Filespec');
const EF = name('EF');

const unreadable = (detail: string): DocumentFinding => ({ reason: DocumentCheckReason.PDF_UNREADABLE, detail });

/**
 * Checks a PDF's structure. pdf-lib parses from a buffer, so the caller reads the file into memory, bounded by the
 * upload limit (20 MB by default); nothing larger reaches this function.
 *
 * Rejects: cut short (no %%EOF at the end), unparseable or without a document catalog and page tree
 * (PDF_UNREADABLE), encrypted (PDF_ENCRYPTED, any /Encrypt, including owner-password-only locks), no pages
 * (PDF_NO_PAGES). Flags, not rejections: JavaScript (PDF_JAVASCRIPT) and embedded files (PDF_EMBEDDED_FILES), found
 * in every object the file holds, reachable or not, so nothing hides in an orphaned object.
 */
export async function checkPdf(bytes: Uint8Array): Promise<DocumentFinding[]> {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-EOF_WINDOW);
  if (!tail.includes(EOF_MARKER)) return [unreadable('no %%EOF marker at the end: the file is cut short')];

  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    return [unreadable(`cannot be parsed: ${messageOf(error)}`)];
  }
  if (document.isEncrypted) return [{ reason: DocumentCheckReason.PDF_ENCRYPTED }];
  if (!(document.catalog instanceof PDFDict)) return [unreadable('no document catalog')];

  const findings: DocumentFinding[] = [];
  try {
    // getPages() walks the page tree to its leaves; the /Count a file claims is not trusted.
    if (document.getPages().length === 0) findings.push({ reason: DocumentCheckReason.PDF_NO_PAGES });
  } catch (error) {
    return [unreadable(`page tree cannot be read: ${messageOf(error)}`)];
  }
  findings.push(...activeContent(document));
  return findings;
}

/** JavaScript and embedded files anywhere in the file, each with the first place it was seen. */
function activeContent(document: PDFDocument): DocumentFinding[] {
  let javascript: string | undefined;
  let embedded: string | undefined;

  const visit = (object: PDFObject | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || object === undefined) return;
    if (object instanceof PDFStream) return visit(object.dict, depth + 1);
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) visit(object.get(i), depth + 1);
      return;
    }
    if (!(object instanceof PDFDict)) return;

    const type = object.get(TYPE);
    const subtype = object.get(SUBTYPE);
    if (javascript === undefined) {
      if (object.has(JS)) javascript = '/JS';
      else if (object.get(S) === JAVASCRIPT) javascript = '/S /JavaScript action';
      else if (object.has(JAVASCRIPT)) javascript = '/JavaScript name tree';
    }
    if (embedded === undefined) {
      if (object.has(EMBEDDED_FILES)) embedded = '/EmbeddedFiles';
      else if (subtype === FILE_ATTACHMENT) embedded = '/FileAttachment annotation';
      else if (type === EMBEDDED_FILE) embedded = '/EmbeddedFile stream';
      else if (type === FILESPEC && object.has(EF)) embedded = '/Filespec with /EF';
    }
    for (const [, value] of object.entries()) visit(value, depth + 1);
  };

  for (const [, object] of document.context.enumerateIndirectObjects()) {
    visit(object, 0);
    if (javascript !== undefined && embedded !== undefined) break;
  }
  const findings: DocumentFinding[] = [];
  if (javascript !== undefined) findings.push({ reason: DocumentCheckReason.PDF_JAVASCRIPT, detail: javascript });
  if (embedded !== undefined) findings.push({ reason: DocumentCheckReason.PDF_EMBEDDED_FILES, detail: embedded });
  return findings;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
