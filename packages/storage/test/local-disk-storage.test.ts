import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileTooLargeError, LocalDiskStorage } from '../src';

/** Every regular file below `dir`, recursively (partial files included). */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stream yielding `bytes` in chunks of `chunkSize`, so limits are crossed mid-stream. */
function chunked(bytes: Buffer, chunkSize: number): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
  return Readable.from(chunks);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'peduli-storage-test-'));
    storage = new LocalDiskStorage(root);
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('stores a stream and reports its size and SHA-256', async () => {
    const bytes = randomBytes(200_000);
    const stored = await storage.put(chunked(bytes, 16_384), 1_000_000);
    expect(stored.sizeBytes).toBe(bytes.length);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(stored.key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(stored.key.slice(0, 2)).toBe(stored.key.slice(3, 5));
    expect(await storage.size(stored.key)).toBe(bytes.length);
    expect(filesUnder(root)).toEqual([join(root, stored.key)]);
  });

  it('reads back the full content with open()', async () => {
    const bytes = randomBytes(70_000);
    const { key } = await storage.put(chunked(bytes, 1000), 100_000);
    expect((await readAll(storage.open(key))).equals(bytes)).toBe(true);
  });

  it('reads the first N bytes with readHead(), and no more than the file has', async () => {
    const bytes = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    const { key } = await storage.put(Readable.from([bytes]), 1024);
    expect((await storage.readHead(key, 5)).toString('latin1')).toBe('%PDF-');
    expect((await storage.readHead(key, 8)).equals(bytes.subarray(0, 8))).toBe(true);
    const all = await storage.readHead(key, 10_000);
    expect(all.length).toBe(bytes.length);
    expect(all.equals(bytes)).toBe(true);
    // A file that is gone is an error, not an empty read.
    await storage.remove(key);
    await expect(storage.readHead(key, 5)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('streams any byte range [start, end) with openRange(), including empty and tail ranges', async () => {
    const bytes = randomBytes(100_000);
    const { key } = await storage.put(chunked(bytes, 4096), 200_000);
    expect((await readAll(storage.openRange(key, 0, 10))).equals(bytes.subarray(0, 10))).toBe(true);
    expect((await readAll(storage.openRange(key, 65_530, 70_000))).equals(bytes.subarray(65_530, 70_000))).toBe(true);
    expect((await readAll(storage.openRange(key, 99_978, 100_000))).equals(bytes.subarray(99_978))).toBe(true);
    expect((await readAll(storage.openRange(key, 500, 500))).length).toBe(0);
    expect(() => storage.openRange(key, 10, 5)).toThrow(RangeError);
    expect(() => storage.openRange(key, -1, 5)).toThrow(RangeError);
    expect(() => storage.openRange('../etc/passwd', 0, 5)).toThrow('Invalid storage key');
  });

  it('gives every put its own key, even for identical content', async () => {
    const bytes = Buffer.from('same bytes');
    const first = await storage.put(Readable.from([bytes]), 100);
    const second = await storage.put(Readable.from([bytes]), 100);
    expect(first.key).not.toBe(second.key);
    expect(first.sha256).toBe(second.sha256);
    expect(filesUnder(root)).toHaveLength(2);
  });

  it('removes a blob, and removing it again is harmless', async () => {
    const { key } = await storage.put(Readable.from([Buffer.from('hapus saya')]), 100);
    expect(existsSync(join(root, key))).toBe(true);
    await storage.remove(key);
    expect(existsSync(join(root, key))).toBe(false);
    expect(filesUnder(root)).toEqual([]);
    await expect(storage.remove(key)).resolves.toBeUndefined();
    await expect(storage.size(key)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stores an empty stream as an empty blob', async () => {
    const stored = await storage.put(Readable.from([]), 10);
    expect(stored.sizeBytes).toBe(0);
    expect(stored.sha256).toBe(sha256(Buffer.alloc(0)));
    expect(statSync(join(root, stored.key)).size).toBe(0);
  });

  it('accepts a file of exactly the limit', async () => {
    const bytes = randomBytes(4096);
    const stored = await storage.put(chunked(bytes, 1000), 4096);
    expect(stored.sizeBytes).toBe(4096);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(statSync(join(root, stored.key)).size).toBe(4096);
  });

  it('rejects a file one byte over the limit with FileTooLargeError and leaves no file behind', async () => {
    const error = await rejectionOf(storage.put(chunked(randomBytes(4097), 1000), 4096));
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).limitBytes).toBe(4096);
    expect((error as FileTooLargeError).message).toBe('File is larger than the limit of 4096 bytes');
    expect(filesUnder(root)).toEqual([]);
  });

  it('rejects a much larger stream early and leaves no file behind', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65_536;
        this.push(produced > 50 * 1024 * 1024 ? null : Buffer.alloc(65_536, 7));
      },
    });
    await expect(storage.put(endless, 100_000)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(produced).toBeLessThan(5 * 1024 * 1024);
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps earlier blobs when a later put fails', async () => {
    const kept = await storage.put(Readable.from([Buffer.from('tetap')]), 100);
    await expect(storage.put(chunked(randomBytes(300), 50), 100)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(filesUnder(root)).toEqual([join(root, kept.key)]);
    expect((await storage.readHead(kept.key, 100)).toString()).toBe('tetap');
  });

  it('rejects when the source stream fails midway and leaves no file behind', async () => {
    const failing = new Readable({
      read() {
        /* pushed from below */
      },
    });
    const result = storage.put(failing, 1_000_000);
    failing.push(Buffer.alloc(10_000, 1));
    setTimeout(() => failing.push(Buffer.alloc(10_000, 2)), 5);
    setTimeout(() => failing.destroy(new Error('client disconnected')), 20);
    await expect(result).rejects.toThrow('client disconnected');
    expect(filesUnder(root)).toEqual([]);
  });

  it('rejects when an async generator source throws and leaves no file behind', async () => {
    async function* source() {
      yield Buffer.alloc(5000, 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      yield Buffer.alloc(5000, 2);
      throw new Error('upload aborted');
    }
    await expect(storage.put(Readable.from(source()), 1_000_000)).rejects.toThrow('upload aborted');
    expect(filesUnder(root)).toEqual([]);
  });

  it('leaves no file behind even when the very first chunk fails (50 rounds, no races with the file opening)', async () => {
    for (let round = 0; round < 50; round++) {
      await expect(storage.put(Readable.from([Buffer.alloc(5000)]), 100)).rejects.toBeInstanceOf(FileTooLargeError);
      const broken = new Readable({
        read() {
          this.destroy(new Error('broken from the start'));
        },
      });
      await expect(storage.put(broken, 100)).rejects.toThrow('broken from the start');
      expect(filesUnder(root)).toEqual([]);
    }
  });

  it.each(['../etc/passwd', 'ab/../../etc/passwd', '/etc/passwd', 'ab', '', 'AB/0123456789abcdef0123456789abcdef0123', 'ab/x'])(
    'refuses the invalid key %j everywhere',
    async (key) => {
      expect(() => storage.open(key)).toThrow('Invalid storage key');
      await expect(storage.readHead(key, 4)).rejects.toThrow('Invalid storage key');
      await expect(storage.size(key)).rejects.toThrow('Invalid storage key');
      await expect(storage.remove(key)).rejects.toThrow('Invalid storage key');
    },
  );

  it('does not delete anything outside the root through a crafted key', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'peduli-storage-outside-'));
    try {
      await expect(storage.remove(`../${outside}`)).rejects.toThrow('Invalid storage key');
      expect(existsSync(outside)).toBe(true);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
