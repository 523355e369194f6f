import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { ZipFile } from 'yazl';
import { onePagePdf, stream, writePdf } from './pdf-writer';

/*
 * Generators for the test corpus: every file is made here, in memory, from nothing checked in. Each one is built to
 * trigger exactly one reason code (or none), so a test failing names the check that broke.
 */

export const MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  gif: 'image/gif',
} as const;

// --- PDF -------------------------------------------------------------------------------------------------------------

export const validPdf = () => onePagePdf();

/** A page tree with no pages, honest about it. */
export const zeroPagePdf = () => writePdf({ objects: ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'] });

/** A page tree that claims a page it does not have: the leaves are counted, not /Count. */
export const lyingCountPdf = () => writePdf({ objects: ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 3 >>'] });

/** The first half of a valid PDF: no %%EOF. */
export const truncatedPdf = () => {
  const whole = validPdf();
  return whole.subarray(0, Math.floor(whole.length / 2));
};

/** Starts like a PDF and ends like one, nothing in between (no catalog). */
export const garbagePdf = () => Buffer.from('%PDF-1.7\nthis is not a document, only words\ntrailer\n<< >>\n%%EOF\n', 'latin1');

/** A PDF with an /Encrypt dictionary in its trailer, encrypted by pdf-lib (RC4/AES with user and owner passwords). */
export async function encryptedPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]).drawText('Rahasia');
  document.encrypt({ userPassword: 'rahasia', ownerPassword: 'pemilik', permissions: { printing: 'highResolution' } });
  return Buffer.from(await document.save());
}

/** Only an owner password (opens without one, but protected): still encrypted, still rejected. */
export const ownerLockedPdf = () =>
  onePagePdf({
    extra: ['<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> >>'],
    trailer: '/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ',
  });

/** A document-level JavaScript (the /Names /JavaScript tree), written by pdf-lib. */
export async function javascriptPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  document.addJavaScript('hello', 'app.alert("Halo");');
  return Buffer.from(await document.save());
}

/** An /OpenAction running JavaScript when the file is opened. */
export const openActionJavascriptPdf = () =>
  onePagePdf({ catalog: '/OpenAction 6 0 R ', extra: ['<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>'] });

/** A page /AA action whose names are hex-escaped (/J#53 is /JS) to slip past a naive byte search. */
export const obfuscatedJavascriptPdf = () => onePagePdf({ page: '/AA << /O << /#53 /JavaScript /J#53 6 0 R >> >> ', extra: [stream('app.alert(2)')] });

/** A file attached at document level (/Names /EmbeddedFiles), written by pdf-lib. */
export async function embeddedFilePdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  await document.attach(Buffer.from('nama,nilai\nA,1\n'), 'data.csv', { mimeType: 'text/csv', description: 'lampiran' });
  return Buffer.from(await document.save());
}

/** A file attachment annotation on a page. */
export const fileAttachmentAnnotationPdf = () =>
  onePagePdf({
    page: '/Annots [6 0 R] ',
    extra: [
      '<< /Type /Annot /Subtype /FileAttachment /Rect [10 10 30 30] /FS 7 0 R >>',
      '<< /Type /Filespec /F (x.bin) /EF << /F 8 0 R >> >>',
      stream('payload', '/Type /EmbeddedFile '),
    ],
  });

/** Both flags at once, in a PDF that is otherwise fine. */
export const javascriptAndAttachmentPdf = () =>
  onePagePdf({
    catalog: '/OpenAction << /S /JavaScript /JS (1) >> /Names << /EmbeddedFiles << /Names [(a.txt) 6 0 R] >> >> ',
    extra: ['<< /Type /Filespec /F (a.txt) /EF << /F 7 0 R >> >>', stream('isi', '/Type /EmbeddedFile ')],
  });

// --- Images ----------------------------------------------------------------------------------------------------------

const noise = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });

export const validPng = () => noise(48, 32).png().toBuffer();
export const validJpeg = () => noise(48, 32).jpeg({ quality: 80 }).toBuffer();
export const truncatedPng = async () => cut(await validPng(), 0.6);
export const truncatedJpeg = async () => cut(await validJpeg(), 0.6);

/** A PNG whose image data has one byte flipped: the chunk CRC no longer matches. */
export async function corruptPng(): Promise<Buffer> {
  const png = Buffer.from(await validPng());
  const idat = png.indexOf('IDAT', 0, 'latin1');
  png[idat + 20] ^= 0xff;
  return png;
}

/** A grey PNG of width × height pixels: tiny on disk, large once decoded. */
export const largePng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080' } }).greyscale().png({ compressionLevel: 9 }).toBuffer();

export const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The first bytes of a Windows executable: what a renamed .exe looks like to a content sniffer. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0), Buffer.from('PE\0\0'), Buffer.alloc(200, 0)]);

export const TEXT = Buffer.from('nihil\n');

// --- Zip and OOXML ---------------------------------------------------------------------------------------------------

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  compress?: boolean;
}

export function zip(entries: readonly ZipEntrySpec[]): Promise<Buffer> {
  const archive = new ZipFile();
  const fixed = new Date('2026-03-01T00:00:00Z');
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    archive.addBuffer(data, entry.name, { mtime: fixed, compress: entry.compress ?? true });
  }
  archive.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on('error', reject);
  });
}

export const DOCX_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOCX_DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Notulen rapat koordinasi RANHAM</w:t></w:r></w:p></w:body>
</w:document>`;

const docxParts = (): ZipEntrySpec[] => [
  { name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES },
  { name: '_rels/.rels', data: DOCX_RELS },
  { name: 'word/document.xml', data: DOCX_DOCUMENT },
];

/** The three parts Word needs, as a zip. */
export const validDocx = () => zip(docxParts());

const xlsxParts = (): ZipEntrySpec[] => [
  {
    name: '[Content_Types].xml',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>`,
  },
  {
    name: '_rels/.rels',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`,
  },
  {
    name: 'xl/workbook.xml',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Penerima manfaat" sheetId="1" r:id="rId1"/></sheets>
</workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>`,
  },
  {
    name: 'xl/worksheets/sheet1.xml',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Posyandu Melati</t></is></c><c r="B1"><v>120</v></c></row>
</sheetData></worksheet>`,
  },
];

/** A one-sheet workbook with the parts Excel needs, as a zip. */
export const validXlsx = () => zip(xlsxParts());

/** Word parts but no [Content_Types].xml: file-type calls it a zip; its entries say it is meant to be a DOCX. */
export const docxWithoutContentTypes = () => zip(docxParts().filter((part) => part.name !== '[Content_Types].xml'));

/** Content types that promise a Word document, but no word/document.xml. */
export const docxWithoutDocument = () => zip(docxParts().filter((part) => part.name !== 'word/document.xml'));

/** An XLSX content types part without xl/workbook.xml. */
export const xlsxWithoutWorkbook = () =>
  zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' },
  ]);

/** A valid DOCX plus 20 MiB of zeros that deflate about a thousandfold: a zip bomb by ratio. */
export const zipBombDocx = (zeros = 20 * 1024 * 1024) =>
  zip([...docxParts(), { name: 'word/media/image1.bin', data: Buffer.alloc(zeros) }]);

/** A DOCX of several incompressible megabytes: over a small total limit, under any ratio. */
export const bulkyDocx = (entries: number, bytesEach: number) =>
  zip([
    ...docxParts(),
    ...Array.from({ length: entries }, (_, i) => ({ name: `word/media/photo${i}.bin`, data: pseudoRandom(bytesEach, i + 1), compress: false })),
  ]);

/**
 * A DOCX whose central directory (and local header) declares a 2 MiB entry as 64 KiB: the declared ratio looks
 * harmless, so only counting while inflating catches it.
 */
export async function lyingDocx(): Promise<Buffer> {
  const name = 'word/media/big.bin';
  const archive = await zip([...docxParts(), { name, data: Buffer.alloc(2 * 1024 * 1024) }]);
  const declared = 64 * 1024;
  patchSizes(archive, name, declared);
  return archive;
}

/** A DOCX whose word/document.xml data has bytes flipped: inflating fails or the CRC-32 does not match. */
export async function corruptDocx(): Promise<Buffer> {
  const archive = await validDocx();
  const header = findLocalHeader(archive, 'word/document.xml');
  const dataStart = header + 30 + archive.readUInt16LE(header + 26) + archive.readUInt16LE(header + 28);
  for (let i = 4; i < 12; i++) archive[dataStart + i] ^= 0x5a;
  return archive;
}

/** The first 70% of a valid DOCX: the central directory is gone. */
export const truncatedDocx = async () => cut(await validDocx(), 0.7);

/** A plain zip of a text file: a disallowed type. */
export const plainZip = () => zip([{ name: 'catatan.txt', data: 'isi arsip' }]);

// --- Helpers ---------------------------------------------------------------------------------------------------------

export function cut(bytes: Buffer, fraction: number): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** Deterministic incompressible bytes. */
export function pseudoRandom(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

function findLocalHeader(archive: Buffer, name: string): number {
  for (let at = archive.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = archive.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    const nameLength = archive.readUInt16LE(at + 26);
    if (archive.toString('utf8', at + 30, at + 30 + nameLength) === name) return at;
  }
  throw new Error(`no local header for ${name}`);
}

/** Rewrites the uncompressed size of one entry in its local header and its central directory record. */
function patchSizes(archive: Buffer, name: string, uncompressedSize: number): void {
  const local = findLocalHeader(archive, name);
  archive.writeUInt32LE(uncompressedSize, local + 22);
  for (let at = archive.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = archive.indexOf('PK\x01\x02', at + 4, 'latin1')) {
    const nameLength = archive.readUInt16LE(at + 28);
    if (archive.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      archive.writeUInt32LE(uncompressedSize, at + 24);
      return;
    }
  }
  throw new Error(`no central directory record for ${name}`);
}

/** The EICAR antivirus test file, assembled at run time so the source itself never carries the signature. */
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS', '-TEST-FILE!$H+H*'].join(''), 'latin1');

/** A valid one-page PDF that carries the EICAR string in a comment. */
export const eicarPdf = () => onePagePdf({ comment: EICAR.toString('latin1') });
