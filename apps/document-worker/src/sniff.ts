import { fileTypeFromBuffer, fileTypeFromStream } from 'file-type';
import type { SniffedType } from '@peduli/domain/documents';
import { PassThrough, Readable } from 'node:stream';

/** How many leading bytes file-type needs to recognise every format we allow (OOXML needs a few KB). */
export const SNIFF_BYTES = 64 * 1024;

/** The real type of a file, judged from its bytes alone (never its name). */
export async function sniffType(head: Buffer): Promise<SniffedType | null> {
  const found = await fileTypeFromBuffer(head);
  return found ? { mime: found.mime, ext: found.ext } : null;
}

/**
 * The real type of a file read as a stream: file-type reads only as far as it needs (for a zip, from one local header
 * to the next until it sees what kind of Office document it is, skipping entry data), then the stream is closed.
 */
export async function sniffStream(stream: Readable): Promise<SniffedType | null> {
  // file-type's stream reader expects a byte stream; an object-mode stream hands it chunks bigger than it asked for.
  const bytes = stream.readableObjectMode ? stream.pipe(new PassThrough()) : stream;
  try {
    const found = await fileTypeFromStream(bytes);
    return found ? { mime: found.mime, ext: found.ext } : null;
  } finally {
    stream.destroy();
    bytes.destroy();
  }
}
