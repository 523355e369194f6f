import { kMaxLength } from 'node:buffer';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { constants, crc32, inflateRaw as inflateRawCallback } from 'node:zlib';
import * as yauzl from 'yauzl';

/**
 * The one ZIP reader of the project, with zip-bomb guards: the document worker checks uploaded Office files with it,
 * and the API checks an imported framework workbook before a spreadsheet library unpacks it.
 */

/** Random access to an archive's bytes: a stored blob read by ranges, or bytes already in memory. */
export interface ZipSource {
  readonly sizeBytes: number;
  /** The whole archive, when it is in memory already: inflate() then reads each entry's data from it directly. */
  readonly bytes?: Buffer;
  /** Bytes [start, end). */
  openRange(start: number, end: number): Readable;
}

/** A ZipSource over bytes already in memory. */
export function bufferZipSource(bytes: Buffer): ZipSource {
  return { sizeBytes: bytes.length, bytes, openRange: (start, end) => Readable.from([bytes.subarray(start, end)]) };
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

const inflateRaw = promisify(inflateRawCallback);
/** The largest output buffer an in-memory inflate allocates at once, whatever size an entry declares. */
const MAX_INFLATE_CHUNK = 1024 * 1024;

/** How one entry is to be read: what the entries before it inflated to, and what the caller wants of it. */
interface EntryRead {
  /** Bytes the entries before this one inflated to. */
  totalBefore: number;
  /** Most bytes of this entry the caller keeps; undefined when it is not kept. */
  keepLimit: number | undefined;
  verifyCrc: boolean;
}

/** One entry inflated: its length, its CRC-32 (0 when not verified) and its bytes when the caller keeps them. */
interface Inflated {
  length: number;
  crc: number;
  data: Buffer | undefined;
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
    /** The whole archive, when the source holds it in memory. */
    private readonly bytes: Buffer | undefined,
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
      const bytes = source.bytes?.length === source.sizeBytes ? source.bytes : undefined;
      return new GuardedZip(zip, entries, limits, bytes);
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
      const read: EntryRead = { totalBefore: total, keepLimit: keep.includes(entry.fileName) ? keepLimit : undefined, verifyCrc };
      const inflated = this.bytes ? await this.inflateFromMemory(this.bytes, entry, read) : await this.inflateStreamed(entry, read);
      if (verifyCrc && inflated.crc !== entry.crc32) throw new ZipInvalidError(`entry ${entry.fileName}: CRC-32 mismatch`);
      if (inflated.data) kept.set(entry.fileName, inflated.data);
      total += inflated.length;
    }
    return kept;
  }

  close(): void {
    this.zip.close();
  }

  /** An entry of a stored blob: read and inflated in chunks through yauzl, each chunk counted as it comes. */
  private async inflateStreamed(entry: yauzl.Entry, read: EntryRead): Promise<Inflated> {
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new ZipInvalidError(`entry ${entry.fileName}: ${messageOf(error)}`);
    }
    const chunks: Buffer[] = [];
    let produced = 0;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        produced += chunk.length;
        this.checkProduced(entry, produced, read);
        if (read.verifyCrc) crc = crc32(chunk, crc);
        if (read.keepLimit !== undefined) chunks.push(chunk);
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof ZipBombError || error instanceof ZipInvalidError) throw error;
      const message = messageOf(error);
      // yauzl's own guard: the data inflates past the size the directory declared.
      if (message.startsWith('too many bytes')) throw new ZipBombError(`entry ${entry.fileName}: ${message}`);
      throw new ZipInvalidError(`entry ${entry.fileName}: ${message}`);
    }
    return { length: produced, crc, data: read.keepLimit === undefined ? undefined : Buffer.concat(chunks) };
  }

  /**
   * An entry of an archive held in memory: its data sliced from the buffer and inflated in one call. It exists because
   * yauzl's chain of streams per entry (range read, inflate, byte counting), not inflating itself, was most of the time
   * of an Office or workbook check. zlib's asynchronous call inflates on the thread pool, so the API's event loop is
   * not held up, and its maxOutputLength stops it at the first byte past the lowest limit (declared size, what is
   * left of the total, what the caller keeps): a bomb costs no more here than when streamed, and every limit is
   * reported as the streamed path reports it.
   */
  private async inflateFromMemory(bytes: Buffer, entry: yauzl.Entry, read: EntryRead): Promise<Inflated> {
    // As yauzl refuses in the streamed path, before it reads the local header.
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ZipInvalidError(`entry ${entry.fileName}: unsupported compression method: ${entry.compressionMethod}`);
    }
    const compressed = entryData(bytes, entry);
    let data: Buffer;
    if (entry.compressionMethod === 0) {
      data = compressed;
    } else {
      const lowestLimit = Math.min(entry.uncompressedSize, this.limits.maxUnzippedBytes - read.totalBefore, read.keepLimit ?? Infinity);
      const maxOutputLength = Math.min(Math.max(lowestLimit, 1), kMaxLength);
      try {
        // Output in one piece where it fits: each of zlib's default 16 KiB pieces is another trip to the thread pool.
        const chunkSize = Math.min(Math.max(maxOutputLength + 1, constants.Z_MIN_CHUNK), MAX_INFLATE_CHUNK);
        data = await inflateRaw(compressed, { maxOutputLength, chunkSize });
      } catch (error) {
        // zlib's RangeError for passing maxOutputLength, known by its code (instanceof fails across realms, as in jest).
        if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ERR_BUFFER_TOO_LARGE') {
          throw new ZipInvalidError(`entry ${entry.fileName}: ${messageOf(error)}`);
        }
        // At least one byte more than allowed: the checks name the limit it passes (none only when maxOutputLength was
        // cut to the largest possible Buffer).
        this.checkLength(entry, maxOutputLength + 1, read);
        throw new ZipBombError(`entry ${entry.fileName} inflates to more than ${maxOutputLength} bytes`, 'SIZE');
      }
    }
    this.checkLength(entry, data.length, read);
    // yauzl's own check at the end of a streamed entry, with its message.
    if (data.length < entry.uncompressedSize) {
      throw new ZipInvalidError(`entry ${entry.fileName}: not enough bytes in the stream. expected ${entry.uncompressedSize}. got only ${data.length}`);
    }
    const crc = read.verifyCrc ? crc32(data) : 0;
    if (read.keepLimit === undefined) return { length: data.length, crc, data: undefined };
    // A stored entry is a view of the whole archive: what the caller keeps is copied out of it.
    return { length: data.length, crc, data: entry.compressionMethod === 0 ? Buffer.from(data) : data };
  }

  /** The guards on bytes inflated so far, in the order the streamed path meets them (yauzl's own guard first). */
  private checkLength(entry: yauzl.Entry, produced: number, read: EntryRead): void {
    if (produced > entry.uncompressedSize) {
      throw new ZipBombError(`entry ${entry.fileName}: too many bytes in the stream. expected ${entry.uncompressedSize}. got at least ${produced}`);
    }
    this.checkProduced(entry, produced, read);
  }

  /** The total, ratio and keep limits on the `produced` bytes of an entry inflated so far. */
  private checkProduced(entry: yauzl.Entry, produced: number, read: EntryRead): void {
    if (read.totalBefore + produced > this.limits.maxUnzippedBytes) {
      throw new ZipBombError(`inflates to more than ${this.limits.maxUnzippedBytes} bytes`, 'SIZE');
    }
    if (produced >= RATIO_MIN_ENTRY_BYTES && produced / Math.max(entry.compressedSize, 1) > this.limits.maxRatio) {
      throw new ZipBombError(`entry ${entry.fileName} inflates more than ${this.limits.maxRatio} times`, 'RATIO');
    }
    if (read.keepLimit !== undefined && produced > read.keepLimit) {
      throw new ZipInvalidError(`entry ${entry.fileName} is larger than ${read.keepLimit} bytes`);
    }
  }
}

/**
 * An entry's compressed data in an archive held in memory, found through its local file header as yauzl finds it
 * (signature, then the name and extra field lengths), and refused as yauzl refuses it when it is not there.
 */
function entryData(bytes: Buffer, entry: yauzl.Entry): Buffer {
  const header = entry.relativeOffsetOfLocalHeader;
  const refuse = (problem: string) => new ZipInvalidError(`entry ${entry.fileName}: ${problem}`);
  if (header + 30 > bytes.length) throw refuse(`local file header overflows file bounds: ${header} + 30 > ${bytes.length}`);
  const signature = bytes.readUInt32LE(header);
  if (signature !== 0x04034b50) throw refuse(`invalid local file header signature: 0x${signature.toString(16)}`);
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  if (start + entry.compressedSize > bytes.length) {
    throw refuse(`file data overflows file bounds: ${start} + ${entry.compressedSize} > ${bytes.length}`);
  }
  return bytes.subarray(start, start + entry.compressedSize);
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
  // Known by its shape: an error from another realm (zlib's, under jest) is no instance of this realm's Error.
  const message = (error as { message?: unknown } | null | undefined)?.message;
  const text = typeof message === 'string' ? message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
