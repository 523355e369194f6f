import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { freePort } from '@peduli/devservices';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { createBlobStorage, FileTooLargeError, type S3Storage } from '../src';

const BUCKET = 'peduli-evidence';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function chunked(bytes: Buffer, chunkSize: number): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
  return Readable.from(chunks);
}

/** The S3 driver against a real S3-protocol server on loopback (s3rver), with path-style addressing as for MinIO. */
describe('S3 storage driver', () => {
  let server: S3rver;
  let directory: string;
  let storage: S3Storage;
  let client: S3Client;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'peduli-s3-'));
    const port = await freePort();
    server = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
    await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    storage = createBlobStorage({ driver: 's3', bucket: BUCKET, region: 'ap-southeast-3', endpoint, forcePathStyle: true, prefix: 'evidence/', ...credentials }) as S3Storage;
    client = new S3Client({ region: 'ap-southeast-3', endpoint, forcePathStyle: true, credentials });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const objectCount = async () => (await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount ?? 0;

  it('streams a file in, hashing it on the way, and reads it back whole, by range and by head', async () => {
    const bytes = randomBytes(11 * 1024 * 1024 + 7); // more than two multipart parts
    const stored = await storage.put(chunked(bytes, 64 * 1024), 20 * 1024 * 1024);
    expect(stored).toMatchObject({ sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(stored.key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(await storage.size(stored.key)).toBe(bytes.length);
    expect((await readAll(storage.open(stored.key))).equals(bytes)).toBe(true);
    expect((await readAll(storage.openRange(stored.key, bytes.length - 22, bytes.length))).equals(bytes.subarray(-22))).toBe(true);
    expect(await readAll(storage.openRange(stored.key, 5, 5))).toEqual(Buffer.alloc(0));
    expect((await storage.readHead(stored.key, 4100)).equals(bytes.subarray(0, 4100))).toBe(true);
    await storage.remove(stored.key);
    await expect(storage.size(stored.key)).rejects.toThrow();
    await storage.remove(stored.key); // removing twice is fine
  });

  it('handles an empty file', async () => {
    const stored = await storage.put(Readable.from([]), 1024);
    expect(stored.sizeBytes).toBe(0);
    expect(await storage.readHead(stored.key, 100)).toEqual(Buffer.alloc(0));
    await storage.remove(stored.key);
  });

  it('refuses a file over the limit while streaming and leaves no object behind', async () => {
    const before = await objectCount();
    await expect(storage.put(chunked(randomBytes(3 * 1024 * 1024), 64 * 1024), 1024 * 1024)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await objectCount()).toBe(before);
  });

  it('leaves no object behind when the upload is cut off', async () => {
    const before = await objectCount();
    const broken = new Readable({
      read() {
        this.push(randomBytes(1024));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(broken, 1024 * 1024)).rejects.toThrow('client went away');
    expect(await objectCount()).toBe(before);
  });

  it('fails a read of a missing object through the stream, not by hanging', async () => {
    await expect(readAll(storage.open('ab/abcdef01-2345-4678-9abc-def012345678'))).rejects.toThrow();
    expect(() => storage.open('../../etc/passwd')).toThrow('Invalid storage key');
  });
});
