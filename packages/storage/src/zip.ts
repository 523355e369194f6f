import { PassThrough, Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';

/**
 * The one ZIP reader of the project, with zip-bomb guards: the document worker checks uploaded Office files with it,
 * and the API checks an imported framework workbook before a spreadsheet library unpacks it.
 */

/** Random access to an archive's bytes: a stored blob read by ranges, or bytes already in memory. */
export interface ZipSource {
  readonly sizeBytes: number;
  /** Bytes [start, end). */
  openRange(start: number, end: number): Readable;
}

/** A ZipSource over bytes already in memory. */
export function bufferZipSource(bytes: Buffer): ZipSource {
  return { sizeBytes: bytes.length, openRange: (start, end) => Readable.from([bytes.subarray(start, end)]) };
}

async function readRange(stream: Readable, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let read = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      read += buffer.length;
      if (read > length) throw new ZipInvalidError(`a read of ${length} bytes returned more`);
      chunks.push(buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, read);
}

/** Limits against zip bombs. The ratio applies to entries of at least RATIO_MIN_ENTRY_BYTES once inflated. */
export interface ZipLimits {
  /** Most bytes all entries together may inflate to. */
  maxUnzippedBytes: number;
  /** Highest inflated/compressed ratio of one entry. */
  maxRatio: number;
  /** Most entries an archive may list. */
  maxEntries: number;
}

/**
 * Small entries compress far better than any sane limit (a 10 KB run of spaces shrinks to a few bytes), yet cannot hurt
 * on their own; many of them are bounded by maxUnzippedBytes and maxEntries instead.
 */
export const RATIO_MIN_ENTRY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ZIP_ENTRIES = 10_000;

/** The archive is not a readable zip: broken directory, bad data, wrong CRC, unsupported method, unsafe names. */
export class ZipInvalidError extends Error {
  override name = 'ZipInvalidError';

  /** ENCRYPTED: an entry is encrypted, which callers may want to name; DAMAGED: anything else. */
  constructor(
    message: string,
    readonly reason: 'DAMAGED' | 'ENCRYPTED' = 'DAMAGED',
  ) {
    super(message);
  }
}

/** The archive exceeds a zip-bomb limit, judged from its central directory or while inflating. */
export class ZipBombError extends Error {
  override name = 'ZipBombError';

  /** Which limit: the number of entries, the total inflated size, or one entry's compression ratio. */
  constructor(
    message: string,
    readonly limit: 'ENTRIES' | 'SIZE' | 'RATIO' = 'SIZE',
  ) {
    super(message);
  }
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * Random access to a stored blob for yauzl. yauzl reads the central directory in many small pieces (two per entry);
 * those are served from one cached 64 KiB block at a time, larger reads (entry data) are streamed straight from
 * storage. Memory stays at one block plus what the caller keeps.
 */
class StorageReader extends yauzl.RandomAccessReader {
  private static readonly BLOCK = 64 * 1024;
  private block: { start: number; bytes: Buffer } | undefined;

  constructor(private readonly source: ZipSource) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end - start > StorageReader.BLOCK) return this.source.openRange(start, end);
    const out = new PassThrough();
    this.bytes(start, end).then(
      (bytes) => out.end(bytes),
      (error: Error) => out.destroy(error),
    );
    return out;
  }

  private async bytes(start: number, end: number): Promise<Buffer> {
    const cached = this.block;
    if (!cached || start < cached.start || end > cached.start + cached.bytes.length) {
      const blockEnd = Math.min(this.source.sizeBytes, Math.max(end, start + StorageReader.BLOCK));
      this.block = { start, bytes: await readRange(this.source.openRange(start, blockEnd), blockEnd - start) };
    }
    const block = this.block!;
    return block.bytes.subarray(start - block.start, end - block.start);
  }
}

/**
 * A zip archive read from storage with zip-bomb guards. open() reads the central directory and checks the declared
 * sizes against the limits before a single byte is inflated; inflate() then checks every entry's data (CRC-32) while
 * enforcing the same limits on the bytes actually produced, so a directory that lies about sizes gains nothing.
 */
export class GuardedZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: yauzl.Entry[],
    private readonly limits: ZipLimits,
  ) {}

  static async open(source: ZipSource, limits: ZipLimits): Promise<GuardedZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromRandomAccessReaderPromise(new StorageReader(source), source.sizeBytes, {
        lazyEntries: true,
        autoClose: false,
        validateEntrySizes: true,
        strictFileNames: false,
        decodeStrings: true,
      });
    } catch (error) {
      throw new ZipInvalidError(`not a readable zip archive: ${messageOf(error)}`);
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new ZipBombError(`${zip.entryCount} entries, more than ${limits.maxEntries}`, 'ENTRIES');
      }
      const entries: yauzl.Entry[] = [];
      try {
        for await (const entry of zip.eachEntry()) entries.push(entry);
      } catch (error) {
        throw new ZipInvalidError(`broken central directory: ${messageOf(error)}`);
      }
      checkDeclaredSizes(entries, limits);
      return new GuardedZip(zip, entries, limits);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  list(): ZipEntryInfo[] {
    return this.entries.map(({ fileName, compressedSize, uncompressedSize }) => ({ name: fileName, compressedSize, uncompressedSize }));
  }

  /**
   * Inflates every entry in order, verifying its CRC-32 unless `verifyCrc` is false (a workbook check that only
   * measures, as spreadsheet libraries do not check it either). `keep` names entries whose content the caller wants
   * back (each at most `keepLimit` bytes); everything else is counted and dropped.
   */
  async inflate(keep: readonly string[] = [], keepLimit = 1024 * 1024, verifyCrc = true): Promise<Map<string, Buffer>> {
    const kept = new Map<string, Buffer>();
    let total = 0;
    for (const entry of this.entries) {
      if (entry.fileName.endsWith('/') && entry.uncompressedSize === 0) continue;
      if (entry.isEncrypted()) throw new ZipInvalidError(`entry ${entry.fileName} is encrypted`, 'ENCRYPTED');
      let stream: Readable;
      try {
        stream = await this.zip.openReadStreamPromise(entry);
      } catch (error) {
        throw new ZipInvalidError(`entry ${entry.fileName}: ${messageOf(error)}`);
      }
      const wanted = keep.includes(entry.fileName);
      const chunks: Buffer[] = [];
      let produced = 0;
      let crc = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          produced += chunk.length;
          total += chunk.length;
          if (total > this.limits.maxUnzippedBytes) {
            throw new ZipBombError(`inflates to more than ${this.limits.maxUnzippedBytes} bytes`, 'SIZE');
          }
          if (produced >= RATIO_MIN_ENTRY_BYTES && produced / Math.max(entry.compressedSize, 1) > this.limits.maxRatio) {
            throw new ZipBombError(`entry ${entry.fileName} inflates more than ${this.limits.maxRatio} times`, 'RATIO');
          }
          crc = crc32(chunk, crc);
          if (wanted) {
            if (produced > keepLimit) throw new ZipInvalidError(`entry ${entry.fileName} is larger than ${keepLimit} bytes`);
            chunks.push(chunk);
          }
        }
      } catch (error) {
        stream.destroy();
        if (error instanceof ZipBombError || error instanceof ZipInvalidError) throw error;
        const message = messageOf(error);
        // yauzl's own guard: the data inflates past the size the directory declared.
        if (message.startsWith('too many bytes')) throw new ZipBombError(`entry ${entry.fileName}: ${message}`);
        throw new ZipInvalidError(`entry ${entry.fileName}: ${message}`);
      }
      if (verifyCrc && crc !== entry.crc32) throw new ZipInvalidError(`entry ${entry.fileName}: CRC-32 mismatch`);
      if (wanted) kept.set(entry.fileName, Buffer.concat(chunks));
    }
    return kept;
  }

  close(): void {
    this.zip.close();
  }
}

function checkDeclaredSizes(entries: readonly yauzl.Entry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxUnzippedBytes) {
      throw new ZipBombError(`declares more than ${limits.maxUnzippedBytes} bytes uncompressed`, 'SIZE');
    }
    if (
      entry.uncompressedSize >= RATIO_MIN_ENTRY_BYTES &&
      entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      throw new ZipBombError(`entry ${entry.fileName} declares a compression ratio of ${ratio}, more than ${limits.maxRatio}`, 'RATIO');
    }
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
