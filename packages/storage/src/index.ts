import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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

export class LocalDiskStorage implements BlobStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key "${key}"`);
    return join(this.root, key);
  }

  async put(input: Readable, limitBytes: number): Promise<StoredBlob> {
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const target = this.pathOf(key);
    const partial = `${target}.partial`;
    await mkdir(join(this.root, id.slice(0, 2)), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > limitBytes) return callback(new FileTooLargeError(limitBytes));
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    // The file is opened before anything flows, so a failure can never race a still-pending open: whatever fails,
    // the partial file exists by then and is removed.
    const handle = await open(partial, 'wx');
    try {
      await pipeline(input, meter, handle.createWriteStream());
      await rename(partial, target);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
    return { key, sizeBytes: size, sha256: hash.digest('hex') };
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  openRange(key: string, start: number, end: number): Readable {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new RangeError(`Invalid byte range [${start}, ${end})`);
    }
    // An empty range still needs a stream that ends; createReadStream's `end` is inclusive.
    if (end === start) return Readable.from([]);
    return createReadStream(this.pathOf(key), { start, end: end - 1 });
  }

  async readHead(key: string, length: number): Promise<Buffer> {
    const handle = await open(this.pathOf(key), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
