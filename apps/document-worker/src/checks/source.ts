import { Readable } from 'node:stream';

/** The bytes of one stored document, read as streams: whole, or a byte range for formats read from the end. */
export interface DocumentSource {
  readonly sizeBytes: number;
  /** The whole file, when it is in memory already: read directly, without a stream. */
  readonly bytes?: Buffer;
  open(): Readable;
  /** Bytes [start, end). */
  openRange(start: number, end: number): Readable;
}

export class ContentTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`content is larger than ${limitBytes} bytes`);
    this.name = 'ContentTooLargeError';
  }
}

/**
 * Collects a stream into one buffer, refusing (and destroying the stream) as soon as it passes `limitBytes`: for the
 * few libraries that need the whole file in memory. With `shared`, the bytes are in a SharedArrayBuffer, for a check
 * thread.
 */
export async function readBounded(stream: Readable, limitBytes: number, options: { shared?: boolean } = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      length += buffer.length;
      if (length > limitBytes) throw new ContentTooLargeError(limitBytes);
      chunks.push(buffer);
    }
  } finally {
    stream.destroy();
  }
  if (options.shared) {
    // Gathered straight into shared memory, which a check thread reads in place: one copy of the file, not two.
    const shared = Buffer.from(new SharedArrayBuffer(length));
    let at = 0;
    for (const chunk of chunks) at += chunk.copy(shared, at);
    return shared;
  }
  // A file already in memory arrives as one chunk: the checks only read it, so it is not copied again.
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
}

/** A DocumentSource over bytes already in memory. */
export function inMemorySource(bytes: Buffer): DocumentSource {
  return {
    sizeBytes: bytes.length,
    bytes,
    open: () => Readable.from([bytes], { objectMode: false }),
    openRange: (start, end) => Readable.from([bytes.subarray(start, end)], { objectMode: false }),
  };
}
