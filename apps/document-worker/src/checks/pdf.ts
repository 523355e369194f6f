import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, PDFStream } from '@cantoo/pdf-lib';
import { DocumentCheckReason, DocumentFinding } from '@peduli/domain/documents';
import { constants, createInflate, inflateSync } from 'node:zlib';
import { DEFAULT_MAX_PDF_INFLATED_BYTES } from './pdf-limits';

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


export interface PdfCheckOptions {
  /**
   * Most bytes the streams pdf-lib inflates while loading (object and cross-reference streams) may inflate to, all
   * together; judged with zlib's own bounded inflate before pdf-lib sees the file.
   */
  maxInflatedBytes?: number;
}

/**
 * Checks a PDF's structure. pdf-lib parses from a buffer, so the caller reads the file into memory, bounded by the
 * upload limit (20 MB by default); nothing larger reaches this function.
 *
 * Rejects: cut short (no %%EOF at the end), unparseable or without a document catalog and page tree
 * (PDF_UNREADABLE), encrypted (PDF_ENCRYPTED, any /Encrypt, including owner-password-only locks), no pages
 * (PDF_NO_PAGES), object streams that inflate past maxInflatedBytes (DOCUMENT_TOO_COMPLEX). Flags, not rejections:
 * JavaScript (PDF_JAVASCRIPT) and embedded files (PDF_EMBEDDED_FILES), found in every object the file holds,
 * reachable or not, so nothing hides in an orphaned object; data after the last %%EOF (PDF_TRAILING_DATA).
 */
export async function checkPdf(bytes: Uint8Array, options: PdfCheckOptions = {}): Promise<DocumentFinding[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = buffer.subarray(-EOF_WINDOW);
  if (!tail.includes(EOF_MARKER)) return [unreadable('no %%EOF marker at the end: the file is cut short')];
  const trailing = trailingData(buffer);

  // pdf-lib inflates every object stream in full, in JavaScript, while it loads: a few KB compressed twice can grow
  // to gigabytes and block the thread for half a minute. Measured first, natively and without keeping the output.
  const inflation = await oversizedStreams(buffer, options.maxInflatedBytes ?? DEFAULT_MAX_PDF_INFLATED_BYTES);
  if (inflation) return [{ reason: DocumentCheckReason.DOCUMENT_TOO_COMPLEX, detail: inflation }, ...trailing];

  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    return [unreadable(`cannot be parsed: ${messageOf(error)}`)];
  }
  if (document.isEncrypted) return [{ reason: DocumentCheckReason.PDF_ENCRYPTED }];
  if (!(document.catalog instanceof PDFDict)) return [unreadable('no document catalog')];

  const tooDeep = pageTreeTooDeep(document);
  if (tooDeep) return [{ reason: DocumentCheckReason.DOCUMENT_TOO_COMPLEX, detail: tooDeep }, ...trailing];

  const findings: DocumentFinding[] = [];
  try {
    // getPages() walks the page tree to its leaves; the /Count a file claims is not trusted.
    if (document.getPages().length === 0) findings.push({ reason: DocumentCheckReason.PDF_NO_PAGES });
  } catch (error) {
    return [unreadable(`page tree cannot be read: ${messageOf(error)}`)];
  }
  findings.push(...activeContent(document), ...trailing);
  return findings;
}

/** Bytes readers ignore after %%EOF: whitespace, and the NUL padding some tools add. */
const IGNORABLE_TRAILER = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/**
 * A flag when anything but whitespace follows the last %%EOF: readers stop there, so appended bytes (an archive, a
 * script: a polyglot file that is also something else) are invisible to a reviewer who opens the PDF.
 */
function trailingData(bytes: Buffer): DocumentFinding[] {
  const end = bytes.lastIndexOf(EOF_MARKER) + EOF_MARKER.length;
  let extra = 0;
  for (let i = end; i < bytes.length; i++) if (!IGNORABLE_TRAILER.has(bytes[i])) extra++;
  if (extra === 0) return [];
  return [{ reason: DocumentCheckReason.PDF_TRAILING_DATA, detail: `${bytes.length - end} bytes after the last %%EOF` }];
}

const STREAM = Buffer.from('stream', 'latin1');
const CR = 0x0d;
const LF = 0x0a;

/**
 * Where each `stream` keyword followed by an end of line (CRLF, LF or CR) starts, and how long it is with its end of
 * line, in order. Searched in the bytes: turning a whole PDF into a string to run a regular expression over it took
 * most of the check's time.
 */
function* streamKeywords(bytes: Buffer): Generator<{ at: number; length: number }> {
  for (let at = bytes.indexOf(STREAM); at >= 0; at = bytes.indexOf(STREAM, at + 1)) {
    const next = bytes[at + STREAM.length];
    if (next === LF) yield { at, length: STREAM.length + 1 };
    else if (next === CR) yield { at, length: STREAM.length + (bytes[at + STREAM.length + 1] === LF ? 2 : 1) };
  }
}

/** bytes[start, end) as a latin1 string, with String.prototype.slice's reading of negative and out-of-range indexes. */
function latin1Slice(bytes: Buffer, start: number, end: number): string {
  const clamp = (index: number) => (index < 0 ? Math.max(bytes.length + index, 0) : Math.min(index, bytes.length));
  const from = clamp(start);
  const to = clamp(end);
  return from < to ? bytes.toString('latin1', from, to) : '';
}
/** How far back from a stream keyword its dictionary is looked for; real stream dictionaries are far shorter. */
const DICTIONARY_WINDOW = 4096;

/**
 * Whether the streams pdf-lib inflates while loading (object streams, cross-reference streams) would together
 * inflate to more than `budget` bytes: the reason if so, undefined if not. Each FlateDecode stage of a stream's filter
 * chain is inflated by zlib, every stage but the last with an output cap, the last one only counted, so memory stays
 * within the budget whatever the file claims. A stream this scan cannot read (an indirect /Filter, an unknown filter,
 * broken data) is left to pdf-lib, under the check's time and memory limits.
 */
async function oversizedStreams(bytes: Buffer, budget: number): Promise<string | undefined> {
  let remaining = budget;
  for (const keyword of streamKeywords(bytes)) {
    const keywordAt = keyword.at;
    // "endstream" also ends in "stream"; a stream keyword directly follows the dictionary's ">>".
    if (!/>>\s*$/.test(latin1Slice(bytes, Math.max(0, keywordAt - 16), keywordAt))) continue;
    const objectAt = bytes.lastIndexOf(' obj', keywordAt, 'latin1');
    const dictionary = decodeNames(latin1Slice(bytes, Math.max(objectAt, keywordAt - DICTIONARY_WINDOW), keywordAt));
    if (!/\/Type\s*\/(ObjStm|XRef)\b/.test(dictionary)) continue;
    const filters = filterChain(dictionary);
    if (filters.length === 0 || filters.some((filter) => filter !== 'FlateDecode')) continue;

    const dataAt = keywordAt + keyword.length;
    const declared = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dictionary);
    let dataEnd = declared ? dataAt + Number(declared[1]) : bytes.indexOf('endstream', dataAt, 'latin1');
    if (dataEnd < dataAt || dataEnd > bytes.length) dataEnd = bytes.length;
    const inflated = await inflatedLength(bytes.subarray(dataAt, dataEnd), filters.length, remaining);
    if (inflated === undefined) continue;
    if (inflated > remaining) {
      return `its object streams inflate to more than ${Math.round(budget / 1024 / 1024)} MB (/Filter ${filters.map((f) => `/${f}`).join(' ')})`;
    }
    remaining -= inflated;
  }
  return undefined;
}

/** Names with #xx escapes spelled out, so /Fl#61teDecode is read as /FlateDecode. */
function decodeNames(dictionary: string): string {
  return dictionary.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The filter names of a stream dictionary's /Filter, when it is a name or an array of names written in place. */
function filterChain(dictionary: string): string[] {
  const single = /\/Filter\s*\/([A-Za-z0-9]+)/.exec(dictionary);
  if (single) return [single[1]];
  const array = /\/Filter\s*\[([^\]]*)\]/.exec(dictionary);
  if (!array) return [];
  return [...array[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((name) => name[1]);
}

/**
 * The length of `data` inflated `stages` times, or any number above `budget` once it is clear the result is larger;
 * undefined when the data does not inflate (pdf-lib then reports it). Lenient like readers: a stream cut short counts
 * what it gave.
 */
async function inflatedLength(data: Buffer, stages: number, budget: number): Promise<number | undefined> {
  let input = data;
  try {
    for (let stage = 1; stage < stages; stage++) {
      input = inflateSync(input, { maxOutputLength: budget + 1, finishFlush: constants.Z_SYNC_FLUSH });
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? budget + 1 : undefined;
  }
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let length = 0;
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > budget) {
        inflate.destroy();
        resolve(length);
      }
    });
    inflate.on('end', () => resolve(length));
    inflate.on('error', () => resolve(length > 0 ? length : undefined));
    inflate.end(input);
  });
}

/**
 * Real page trees are a few levels deep (a balanced tree of a million pages needs fewer than ten). pdf-lib walks the
 * tree recursively, so a chain of thousands of /Kids would end in a stack overflow, or not, depending on the thread's
 * stack size: measured here without recursion, and refused beyond this depth.
 */
const MAX_PAGE_TREE_DEPTH = 100;
const KIDS = name('Kids');

/** Why the page tree is refused as too complex (deeper than MAX_PAGE_TREE_DEPTH), or undefined. */
function pageTreeTooDeep(document: PDFDocument): string | undefined {
  const seen = new Set<PDFObject>();
  const pending: { node: PDFObject | undefined; depth: number }[] = [{ node: document.catalog.get(name('Pages')), depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    const dictionary = node === undefined ? undefined : document.context.lookup(node);
    if (!(dictionary instanceof PDFDict) || seen.has(dictionary)) continue;
    seen.add(dictionary);
    if (depth > MAX_PAGE_TREE_DEPTH) return `its page tree is more than ${MAX_PAGE_TREE_DEPTH} levels deep`;
    const kids = document.context.lookup(dictionary.get(KIDS));
    if (!(kids instanceof PDFArray)) continue;
    for (let i = 0; i < kids.size(); i++) pending.push({ node: kids.get(i), depth: depth + 1 });
  }
  return undefined;
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
