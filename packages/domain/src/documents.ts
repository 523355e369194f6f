import { BIDI_CONTROLS, textDefect } from './text';
import { Bilingual, DEFAULT_LOCALE, Locale } from './locale';

/** The kinds of supporting documents ("data dukung") verifiers see. */
export enum DocumentType {
  PERDA = 'PERDA',
  PERBUP_PERWAL = 'PERBUP_PERWAL',
  SK = 'SK',
  SURAT_EDARAN = 'SURAT_EDARAN',
  RENSTRA = 'RENSTRA',
  RKPD = 'RKPD',
  DPA = 'DPA',
  LAPORAN = 'LAPORAN',
  NOTULEN = 'NOTULEN',
  DAFTAR_HADIR = 'DAFTAR_HADIR',
  FOTO = 'FOTO',
  DATA_STATISTIK = 'DATA_STATISTIK',
  DAFTAR_PENERIMA_MANFAAT = 'DAFTAR_PENERIMA_MANFAAT',
  SURAT_PENGANTAR = 'SURAT_PENGANTAR',
  OTHER = 'OTHER',
}

export enum DocumentStatus {
  /** Stored but not yet checked: never downloadable in this state. */
  QUARANTINED = 'QUARANTINED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

/**
 * Why a document was rejected or flagged. Every code has a message in Indonesian and English
 * (DOCUMENT_CHECK_MESSAGES). Codes in DOCUMENT_FLAG_REASONS never reject: the document is accepted and the code is
 * kept in its flags for reviewers; every other code rejects the document.
 */
export enum DocumentCheckReason {
  EMPTY_FILE = 'EMPTY_FILE',
  UNKNOWN_TYPE = 'UNKNOWN_TYPE',
  TYPE_NOT_ALLOWED = 'TYPE_NOT_ALLOWED',
  DECLARED_TYPE_MISMATCH = 'DECLARED_TYPE_MISMATCH',
  /** Larger than the upload limit: its content is not examined. */
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  /** Not a readable PDF: cut short (no %%EOF at the end), no document catalog or page tree, or unparseable. */
  PDF_UNREADABLE = 'PDF_UNREADABLE',
  PDF_NO_PAGES = 'PDF_NO_PAGES',
  /** Password-protected (any /Encrypt dictionary, also "owner password only" permission locks). */
  PDF_ENCRYPTED = 'PDF_ENCRYPTED',
  /** Flag: the PDF carries JavaScript (/JS, /JavaScript actions or name tree, OpenAction or AA running JavaScript). */
  PDF_JAVASCRIPT = 'PDF_JAVASCRIPT',
  /** Flag: the PDF carries embedded files (/EmbeddedFiles, file attachment annotations, embedded file streams). */
  PDF_EMBEDDED_FILES = 'PDF_EMBEDDED_FILES',
  /** A JPEG or PNG that does not decode: truncated or corrupt. */
  IMAGE_UNREADABLE = 'IMAGE_UNREADABLE',
  /** An image with more pixels than the configured limit (a decompression bomb, or far too large to review). */
  IMAGE_TOO_LARGE = 'IMAGE_TOO_LARGE',
  /** A DOCX or XLSX that is not a valid Office Open XML package (broken zip, missing required parts). */
  OOXML_INVALID = 'OOXML_INVALID',
  /** A DOCX or XLSX whose content inflates beyond the size, ratio or entry-count limits. */
  ZIP_BOMB = 'ZIP_BOMB',
  /** The antivirus scanner found malware; the detail is the signature name. */
  MALWARE_FOUND = 'MALWARE_FOUND',
  /** The antivirus scan could not be completed: fail closed, the document cannot pass. */
  SCAN_FAILED = 'SCAN_FAILED',
  /**
   * Checking the file took more time or memory than one check may have (e.g. a PDF stream that inflates to gigabytes,
   * an object graph thousands deep): rejected rather than let one file exhaust the worker.
   */
  DOCUMENT_TOO_COMPLEX = 'DOCUMENT_TOO_COMPLEX',
  /** Flag: bytes follow the PDF's last %%EOF (an appended archive or script: a polyglot), beyond a little whitespace. */
  PDF_TRAILING_DATA = 'PDF_TRAILING_DATA',
  /** Flag: the file was checked without an antivirus scan (scanning switched off with DOCUMENT_SCAN=off, or no clamd). */
  UNSCANNED = 'UNSCANNED',
}

/** Reasons that do not reject a document: it is accepted, and the reason is kept in its flags for reviewers. */
export const DOCUMENT_FLAG_REASONS: ReadonlySet<DocumentCheckReason> = new Set([
  DocumentCheckReason.PDF_JAVASCRIPT,
  DocumentCheckReason.PDF_EMBEDDED_FILES,
  DocumentCheckReason.PDF_TRAILING_DATA,
  DocumentCheckReason.UNSCANNED,
]);

export function isFlagReason(reason: DocumentCheckReason): boolean {
  return DOCUMENT_FLAG_REASONS.has(reason);
}

/** What to tell the submitter (or, for flags, the reviewer), Indonesian first. No final full stop: see describe. */
export const DOCUMENT_CHECK_MESSAGES: Readonly<Record<DocumentCheckReason, Bilingual>> = {
  [DocumentCheckReason.EMPTY_FILE]: {
    id: 'Berkas kosong (0 bita); unggah ulang berkas yang benar',
    en: 'The file is empty (0 bytes); upload the right file again',
  },
  [DocumentCheckReason.UNKNOWN_TYPE]: {
    id: 'Jenis berkas tidak dikenali dari isinya; unggah berkas dengan jenis yang diizinkan (mis. PDF, JPEG, PNG, DOCX, XLSX)',
    en: 'The file type could not be recognised from its content; upload a file of an allowed type (e.g. PDF, JPEG, PNG, DOCX, XLSX)',
  },
  [DocumentCheckReason.TYPE_NOT_ALLOWED]: {
    id: 'Jenis berkas menurut isinya tidak diizinkan; simpan ulang sebagai jenis yang diizinkan',
    en: 'The file’s real type (judged by its content) is not allowed; save it again as an allowed type',
  },
  [DocumentCheckReason.DECLARED_TYPE_MISMATCH]: {
    id: 'Ekstensi nama berkas atau jenis MIME yang dinyatakan tidak sesuai dengan isi berkas',
    en: 'The file name’s extension or the declared MIME type does not match the file’s content',
  },
  [DocumentCheckReason.FILE_TOO_LARGE]: {
    id: 'Berkas melebihi ukuran maksimum unggahan; perkecil atau pecah berkasnya',
    en: 'The file is larger than the upload limit; make it smaller or split it',
  },
  [DocumentCheckReason.PDF_UNREADABLE]: {
    id: 'PDF rusak atau terpotong dan tidak dapat dibaca; ekspor ulang lalu unggah kembali',
    en: 'The PDF is damaged or cut short and cannot be read; export it again and re-upload it',
  },
  [DocumentCheckReason.PDF_NO_PAGES]: {
    id: 'PDF tidak memiliki halaman',
    en: 'The PDF has no pages',
  },
  [DocumentCheckReason.PDF_ENCRYPTED]: {
    id: 'PDF dilindungi kata sandi atau terenkripsi; simpan ulang tanpa kata sandi dan proteksi',
    en: 'The PDF is password-protected or encrypted; save it again without a password or protection',
  },
  [DocumentCheckReason.PDF_JAVASCRIPT]: {
    id: 'PDF berisi JavaScript; buka dengan hati-hati',
    en: 'The PDF contains JavaScript; open it with care',
  },
  [DocumentCheckReason.PDF_EMBEDDED_FILES]: {
    id: 'PDF berisi berkas sisipan (lampiran); periksa lampirannya dengan hati-hati',
    en: 'The PDF contains embedded files (attachments); check them with care',
  },
  [DocumentCheckReason.IMAGE_UNREADABLE]: {
    id: 'Gambar rusak atau terpotong dan tidak dapat dibuka; unggah ulang gambar aslinya',
    en: 'The image is damaged or cut short and cannot be opened; upload the original image again',
  },
  [DocumentCheckReason.IMAGE_TOO_LARGE]: {
    id: 'Resolusi gambar terlalu besar; perkecil gambarnya',
    en: 'The image has too many pixels; scale it down',
  },
  [DocumentCheckReason.OOXML_INVALID]: {
    id: 'Berkas Word/Excel rusak atau bukan dokumen Office yang sah; simpan ulang dari Word atau Excel',
    en: 'The Word/Excel file is damaged or not a valid Office document; save it again from Word or Excel',
  },
  [DocumentCheckReason.ZIP_BOMB]: {
    id: 'Isi berkas Word/Excel terlalu besar setelah dibuka (kemungkinan bom zip); simpan ulang berkasnya',
    en: 'The Word/Excel file expands to too much data when opened (a possible zip bomb); save the file again',
  },
  [DocumentCheckReason.MALWARE_FOUND]: {
    id: 'Pemindai antivirus menemukan malware di berkas ini; jangan unggah berkas ini lagi',
    en: 'The antivirus scanner found malware in this file; do not upload this file again',
  },
  [DocumentCheckReason.SCAN_FAILED]: {
    id: 'Pemindaian antivirus tidak dapat diselesaikan; kirim ulang nanti',
    en: 'The antivirus scan could not be completed; submit again later',
  },
  [DocumentCheckReason.DOCUMENT_TOO_COMPLEX]: {
    id: 'Berkas terlalu rumit untuk diperiksa (melebihi batas waktu atau memori pemeriksaan); simpan ulang atau ekspor ulang berkasnya lalu unggah kembali',
    en: 'The file is too complex to check (it exceeded the check’s time or memory limit); save or export it again and re-upload it',
  },
  [DocumentCheckReason.PDF_TRAILING_DATA]: {
    id: 'PDF berisi data tambahan setelah akhir dokumen (kemungkinan berkas lain yang disisipkan); periksa dengan hati-hati',
    en: 'The PDF has extra data after its end (possibly another file appended to it); check it with care',
  },
  [DocumentCheckReason.UNSCANNED]: {
    id: 'Berkas ini tidak dipindai antivirus; buka dengan hati-hati',
    en: 'This file was not scanned by an antivirus; open it with care',
  },
};

/** The message for a reason in a language, with its detail (e.g. a virus signature) in parentheses. */
export function describeDocumentCheck(reason: DocumentCheckReason, locale: Locale = DEFAULT_LOCALE, detail?: string): string {
  const message = DOCUMENT_CHECK_MESSAGES[reason][locale];
  return detail ? `${message} (${detail}).` : `${message}.`;
}

export interface AllowedFileType {
  mime: string;
  extensions: readonly string[];
}

/**
 * The file types the document worker knows how to check in depth, by the names used in configuration
 * (DOCUMENT_ALLOWED_TYPES). A type outside this list cannot be allowed: it would pass unexamined.
 */
export const FILE_TYPE_CATALOGUE = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', extensions: ['png'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
} as const satisfies Record<string, AllowedFileType>;

export type FileTypeName = keyof typeof FILE_TYPE_CATALOGUE;
export const FILE_TYPE_NAMES = Object.keys(FILE_TYPE_CATALOGUE) as FileTypeName[];

export function isFileTypeName(name: string): name is FileTypeName {
  return Object.prototype.hasOwnProperty.call(FILE_TYPE_CATALOGUE, name);
}

/** The allowlist for the given catalogue names, in catalogue order, without duplicates. */
export function allowedFileTypes(names: readonly FileTypeName[]): AllowedFileType[] {
  return FILE_TYPE_NAMES.filter((name) => names.includes(name)).map((name) => FILE_TYPE_CATALOGUE[name]);
}

export const DEFAULT_ALLOWED_FILE_TYPES: readonly AllowedFileType[] = allowedFileTypes(FILE_TYPE_NAMES);

export interface SniffedType {
  mime: string;
  ext: string;
}

/** One thing a content check (structure, antivirus) found, with an optional detail for people and logs. */
export interface DocumentFinding {
  reason: DocumentCheckReason;
  detail?: string;
}

export interface DocumentFacts {
  sizeBytes: number;
  originalName: string;
  declaredMime: string | null;
  /** What the content says the file is; null when no known signature matched. */
  sniffed: SniffedType | null;
  /** The upload limit; a larger file is rejected as FILE_TOO_LARGE without looking further. */
  maxSizeBytes?: number;
  /** What the content checks (structure, antivirus) found; absent when none ran. */
  findings?: readonly DocumentFinding[];
}

export interface DocumentVerdict {
  accepted: boolean;
  /** Reasons that reject the document, in the order of DocumentCheckReason. Empty when accepted. */
  reasons: DocumentCheckReason[];
  /** Reasons that do not reject (DOCUMENT_FLAG_REASONS), for reviewers. */
  flags: DocumentCheckReason[];
  /** Detail per reason or flag, where a check gave one (a virus signature, which limit a zip exceeded, ...). */
  details: Partial<Record<DocumentCheckReason, string>>;
}

const REASON_ORDER = Object.values(DocumentCheckReason);
const byReasonOrder = (a: DocumentCheckReason, b: DocumentCheckReason) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function typeReasons(facts: DocumentFacts, allowed: readonly AllowedFileType[]): DocumentCheckReason[] {
  if (!facts.sniffed) return [DocumentCheckReason.UNKNOWN_TYPE];
  const sniffed = facts.sniffed;
  const allowedType = allowed.find((type) => type.mime === sniffed.mime);
  if (!allowedType) return [DocumentCheckReason.TYPE_NOT_ALLOWED];

  const extensionMatches = allowedType.extensions.includes(extensionOf(facts.originalName));
  const declaredMimeMatches =
    facts.declaredMime === null || facts.declaredMime === 'application/octet-stream' || facts.declaredMime === sniffed.mime;
  return extensionMatches && declaredMimeMatches ? [] : [DocumentCheckReason.DECLARED_TYPE_MISMATCH];
}

/**
 * Judges a document by facts gathered about its bytes. The content decides the type: a renamed executable is caught
 * because its bytes are not a PDF, whatever its name or declared MIME type say. An empty or oversized file is judged
 * on that alone (its content was not examined); otherwise the type reasons and every finding of the content checks
 * are combined, the flags apart.
 */
export function judgeDocument(
  facts: DocumentFacts,
  allowed: readonly AllowedFileType[] = DEFAULT_ALLOWED_FILE_TYPES,
): DocumentVerdict {
  if (facts.sizeBytes === 0) return { accepted: false, reasons: [DocumentCheckReason.EMPTY_FILE], flags: [], details: {} };
  if (facts.maxSizeBytes !== undefined && facts.sizeBytes > facts.maxSizeBytes) {
    return {
      accepted: false,
      reasons: [DocumentCheckReason.FILE_TOO_LARGE],
      flags: [],
      details: { [DocumentCheckReason.FILE_TOO_LARGE]: `${facts.sizeBytes} > ${facts.maxSizeBytes} bytes` },
    };
  }

  const found = new Set<DocumentCheckReason>(typeReasons(facts, allowed));
  const details: Partial<Record<DocumentCheckReason, string>> = {};
  for (const finding of facts.findings ?? []) {
    found.add(finding.reason);
    if (finding.detail && details[finding.reason] === undefined) details[finding.reason] = finding.detail;
  }
  const all = [...found].sort(byReasonOrder);
  const reasons = all.filter((reason) => !isFlagReason(reason));
  return { accepted: reasons.length === 0, reasons, flags: all.filter(isFlagReason), details };
}

/**
 * A file name as a person named it, safe to store and show: no path separators, no "..", no control characters
 * (which would let a name forge log lines or headers), and not absurdly long.
 */
export function isAcceptableFileName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  // Control characters are exactly what this rejects, so the regex has to name them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f/\\]/.test(name)) return false;
  if (BIDI_CONTROLS.test(name) || textDefect(name) !== null) return false;
  if (name === '.' || name.includes('..')) return false;
  return name.trim().length > 0;
}
