/**
 * Writes small PDFs object by object, with a correct cross-reference table, so tests can craft exactly the structure
 * they need (an OpenAction running JavaScript, a page tree that lies about its /Count, an /Encrypt entry, ...).
 */
export interface RawPdf {
  /** Object bodies, numbered from 1 in order: `<< /Type /Catalog /Pages 2 0 R >>`, or a full `<<...>> stream ... endstream`. */
  objects: string[];
  /** Extra trailer entries besides /Size and /Root (1 0 R). */
  trailer?: string;
  /** Bytes placed after the header comment, e.g. a test marker. */
  comment?: string;
}

export function writePdf({ objects, trailer = '', comment }: RawPdf): Buffer {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  if (comment) body += `% ${comment}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export function stream(content: string, dictionary = ''): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} ${dictionary}>>\nstream\n${content}\nendstream`;
}

const PAGE_CONTENT = stream('BT /F1 12 Tf 72 720 Td (Laporan Aksi HAM) Tj ET');
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** Catalog (1), pages (2), one page (3) with its content (4) and font (5); `extra` objects follow from number 6. */
export function onePagePdf(options: { catalog?: string; page?: string; extra?: string[]; trailer?: string; comment?: string } = {}): Buffer {
  return writePdf({
    objects: [
      `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ''}>>`,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${options.page ?? ''}>>`,
      PAGE_CONTENT,
      FONT,
      ...(options.extra ?? []),
    ],
    trailer: options.trailer,
    comment: options.comment,
  });
}
