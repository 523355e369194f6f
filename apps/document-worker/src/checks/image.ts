import { DocumentCheckReason, DocumentFinding } from '@peduli/domain/documents';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { readBounded } from './source';

export interface ImageCheckOptions {
  /** Images with more pixels are rejected from their header, before any pixel is decoded. */
  maxPixels: number;
  /** The encoded file is held in memory (sharp needs it whole either way): at most this many bytes. */
  maxBytes: number;
}

/**
 * Decodes a JPEG or PNG through to its last byte and reports one that does not decode (truncated or corrupt) or has
 * more pixels than allowed. The decoded image is reduced on the way, so the full bitmap is never held; the encoded
 * file is read into memory, bounded by the upload limit. A failure to read the input is thrown, not judged.
 */
// Small, so that the reduction is mostly libvips' cheap integer box shrink (a JPEG shrinks by 8 while it decodes): for a
// PNG scan, reducing to 256 pixels took about 1.7 times as long as to 32, and every row is read either way.
const REDUCED_EDGE = 32;

export async function checkImage(input: Readable, options: ImageCheckOptions): Promise<DocumentFinding[]> {
  const bytes = await readBounded(input, options.maxBytes);
  if (isJpeg(bytes) && !jpegScanIsClosed(bytes)) {
    return [{ reason: DocumentCheckReason.IMAGE_UNREADABLE, detail: 'the JPEG ends before its end-of-image marker (the file is cut off)' }];
  }
  // failOn 'warning': libjpeg and libpng report truncation as a warning and would otherwise pad the image with grey.
  // limitInputPixels: libvips refuses an image with more pixels from its header, before decoding any of it.
  const image = (limitInputPixels: number | false) => sharp(bytes, { failOn: 'warning', limitInputPixels, sequentialRead: true });
  try {
    // A reduced decode still reads every compressed byte (a JPEG is scaled while its blocks are decoded), so
    // truncation and corruption surface as they would in a full decode, at a fraction of the cost and memory of
    // computing statistics over the full-size bitmap. One pipeline, without a metadata() call first: for small
    // images, each call into sharp costs about as much as the decode.
    await image(options.maxPixels).resize(REDUCED_EDGE, REDUCED_EDGE, { fit: 'inside', fastShrinkOnLoad: true }).raw().toBuffer();
    return [];
  } catch (error) {
    if (firstLine(error) === PIXEL_LIMIT_ERROR) {
      // Only the header is read again, for the dimensions the finding names.
      const size = await image(false)
        .metadata()
        .then(({ width, height }) => `${width}×${height} pixels`, () => 'more pixels');
      return [{ reason: DocumentCheckReason.IMAGE_TOO_LARGE, detail: `${size}, more than ${options.maxPixels}` }];
    }
    return [{ reason: DocumentCheckReason.IMAGE_UNREADABLE, detail: firstLine(error) }];
  }
}

/** sharp's message for an image over limitInputPixels. */
const PIXEL_LIMIT_ERROR = 'Input image exceeds pixel limit';

/** The JPEG start-of-image marker, by which libvips takes a file for a JPEG. */
const isJpeg = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8;

const START_OF_SCAN = Buffer.from([0xff, 0xda]);
const END_OF_IMAGE = Buffer.from([0xff, 0xd9]);

/**
 * Whether a JPEG's last scan is closed by its end-of-image marker. libjpeg notices a missing one only when its bit
 * reader happens to read past the last byte (about 94 times in 100 for small photos), so a file cut just after its scan
 * data could pass the decode. Inside scan data every FF byte is followed by 00 or a restart marker, so an FF D9 after
 * the last start of scan can only be the end of the image. Bytes after it (some cameras append data) are allowed.
 */
export function jpegScanIsClosed(bytes: Buffer): boolean {
  const lastScan = bytes.lastIndexOf(START_OF_SCAN);
  return lastScan >= 0 && bytes.indexOf(END_OF_IMAGE, lastScan + START_OF_SCAN.length) >= 0;
}

function firstLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
