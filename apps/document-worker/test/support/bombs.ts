import { constants, crc32, createDeflate, deflateSync } from 'node:zlib';
import { onePagePdf, writePdf } from './pdf-writer';

/**
 * Generated decompression and complexity bombs for the hostile-input tests: small files that cost a careless checker
 * gigabytes or minutes.
 */

const MB = 1024 * 1024;

/** `megabytes` of zeros deflated, made a megabyte at a time so the whole is never in memory. */
export async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const zeros = Buffer.alloc(MB);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A one-page PDF with an object stream compressed twice (`/Filter [/FlateDecode /FlateDecode]`) that inflates to
 * `megabytes` of zeros: about 2 KB for 1 GB. Readers inflate object streams while loading the file.
 */
export async function nestedFlatePdf(megabytes = 1024): Promise<Buffer> {
  const twice = deflateSync(await deflatedZeros(megabytes), { level: constants.Z_BEST_COMPRESSION });
  const data = twice.toString('latin1');
  return onePagePdf({
    extra: [`<< /Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode] /Length ${twice.length} >>\nstream\n${data}\nendstream`],
  });
}

/**
 * A PDF whose one page hangs below `depth` intermediate page-tree nodes, each the only kid of the one above: a
 * /Kids and /Parent chain thousands long.
 */
export function deepPageTreePdf(depth: number): Buffer {
  // 1 catalog, 2 the root of the page tree, 3 .. depth+2 nodes, then the page and its content.
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level <= depth; level++) {
    const self = level + 2;
    const parent = level === 0 ? '' : `/Parent ${self - 1} 0 R `;
    objects.push(`<< /Type /Pages ${parent}/Kids [${self + 1} 0 R] /Count 1 >>`);
  }
  const page = objects.length + 1;
  objects.push(`<< /Type /Page /Parent ${page - 1} 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R >>`);
  objects.push('<< /Length 0 >>\nstream\n\nendstream');
  return writePdf({ objects });
}

/** A one-page PDF holding one object nested `depth` deep in alternating arrays and dictionaries. */
export function deepObjectPdf(depth: number): Buffer {
  const open = '[<< /A '.repeat(depth);
  const close = ' >>]'.repeat(depth);
  return onePagePdf({ extra: [`${open}1${close}`] });
}

/** A PNG header claiming `width` × `height` pixels, with one tiny IDAT: the pixel count alone is the bomb. */
export function hugePngHeader(width = 100_000, height = 100_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
