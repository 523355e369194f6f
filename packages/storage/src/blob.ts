import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`File is larger than the limit of ${limitBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export interface StoredBlob {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/** Where evidence bytes live. Keys are opaque, generated here, never derived from user-supplied names. */
export interface BlobStorage {
  /** Streams the input to storage, enforcing the size limit and hashing on the way; nothing remains on failure. */
  put(input: Readable, limitBytes: number): Promise<StoredBlob>;
  open(key: string): Readable;
  /** Streams bytes [start, end) of a blob: random access for formats read from the end (zip central directories). */
  openRange(key: string, start: number, end: number): Readable;
  /** Reads at most `length` bytes from the start (for type sniffing). */
  readHead(key: string, length: number): Promise<Buffer>;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** A fresh opaque key: two hex characters of fan-out, then a UUID. Never derived from anything a user sent. */
export function newBlobKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

export function isBlobKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Counts and hashes the bytes flowing through, and fails the stream once they exceed the limit. */
export class SizeAndHashMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    this.size += chunk.length;
    if (this.size > this.limitBytes) return callback(new FileTooLargeError(this.limitBytes));
    this.hash.update(chunk);
    callback(null, chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}
