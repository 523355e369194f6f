import { close, createReadStream, open as openFile, read } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStorage, isBlobKey, newBlobKey, SizeAndHashMeter, StoredBlob } from './blob';

export class LocalDiskStorage implements BlobStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!isBlobKey(key)) throw new Error(`Invalid storage key "${key}"`);
    return join(this.root, key);
  }

  async put(input: Readable, limitBytes: number): Promise<StoredBlob> {
    const key = newBlobKey();
    const target = this.pathOf(key);
    const partial = `${target}.partial`;
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    const meter = new SizeAndHashMeter(limitBytes);
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
    return { key, sizeBytes: meter.size, sha256: meter.sha256() };
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

  /**
   * One promise around the callback calls: the document worker reads every small file this way, hundreds a second at
   * a deadline, and a FileHandle's three promises cost more of its main thread than the read itself.
   */
  readHead(key: string, length: number): Promise<Buffer> {
    // An invalid key rejects (pathOf throws inside the executor), as every other method's answer does.
    return new Promise((resolve, reject) => {
      openFile(this.pathOf(key), 'r', (openError, fd) => {
        if (openError) return reject(openError);
        const buffer = Buffer.alloc(length);
        read(fd, buffer, 0, length, 0, (readError, bytesRead) => {
          close(fd, (closeError) => {
            const error = readError ?? closeError;
            if (error) reject(error);
            else resolve(buffer.subarray(0, bytesRead));
          });
        });
      });
    });
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

