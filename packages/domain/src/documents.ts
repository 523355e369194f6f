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

export enum DocumentCheckReason {
  EMPTY_FILE = 'EMPTY_FILE',
  UNKNOWN_TYPE = 'UNKNOWN_TYPE',
  TYPE_NOT_ALLOWED = 'TYPE_NOT_ALLOWED',
  DECLARED_TYPE_MISMATCH = 'DECLARED_TYPE_MISMATCH',
}

export interface AllowedFileType {
  mime: string;
  extensions: readonly string[];
}

export const DEFAULT_ALLOWED_FILE_TYPES: readonly AllowedFileType[] = [
  { mime: 'application/pdf', extensions: ['pdf'] },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { mime: 'image/png', extensions: ['png'] },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
];

export interface SniffedType {
  mime: string;
  ext: string;
}

export interface DocumentFacts {
  sizeBytes: number;
  originalName: string;
  declaredMime: string | null;
  /** What the content says the file is; null when no known signature matched. */
  sniffed: SniffedType | null;
}

export interface DocumentVerdict {
  accepted: boolean;
  reasons: DocumentCheckReason[];
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Judges a document by facts gathered about its bytes. The content decides the type: a renamed executable is caught
 * because its bytes are not a PDF, whatever its name or declared MIME type say.
 */
export function judgeDocument(
  facts: DocumentFacts,
  allowed: readonly AllowedFileType[] = DEFAULT_ALLOWED_FILE_TYPES,
): DocumentVerdict {
  if (facts.sizeBytes === 0) return { accepted: false, reasons: [DocumentCheckReason.EMPTY_FILE] };
  if (!facts.sniffed) return { accepted: false, reasons: [DocumentCheckReason.UNKNOWN_TYPE] };

  const reasons: DocumentCheckReason[] = [];
  const allowedType = allowed.find((type) => type.mime === facts.sniffed!.mime);
  if (!allowedType) reasons.push(DocumentCheckReason.TYPE_NOT_ALLOWED);

  const declaredExtension = extensionOf(facts.originalName);
  const extensionMatches = allowedType ? allowedType.extensions.includes(declaredExtension) : false;
  const declaredMimeMatches =
    facts.declaredMime === null ||
    facts.declaredMime === 'application/octet-stream' ||
    facts.declaredMime === facts.sniffed.mime;
  if (allowedType && (!extensionMatches || !declaredMimeMatches)) {
    reasons.push(DocumentCheckReason.DECLARED_TYPE_MISMATCH);
  }
  return { accepted: reasons.length === 0, reasons };
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
  if (name === '.' || name.includes('..')) return false;
  return name.trim().length > 0;
}
