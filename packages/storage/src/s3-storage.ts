import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStorage, isBlobKey, newBlobKey, SizeAndHashMeter, StoredBlob } from './blob';

export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** For S3-compatible servers (MinIO, Ceph, a provider's endpoint); omitted for AWS itself. */
  endpoint?: string;
  /** Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need. */
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Objects are written under this prefix, e.g. "evidence/". */
  prefix?: string;
}

/**
 * Evidence bytes in an S3-compatible bucket. Uploads stream through the same size limit and SHA-256 as the local
 * driver, in multipart parts (never the whole file in memory); a refused or failed upload leaves no object behind.
 */
export class S3Storage implements BlobStorage {
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly settings: S3StorageSettings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle ?? false,
      credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // Checksums only where the API requires them: S3-compatible servers differ in which trailing checksums they accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.prefix = settings.prefix ?? '';
  }

  private objectKey(key: string): string {
    if (!isBlobKey(key)) throw new Error(`Invalid storage key "${key}"`);
    return `${this.prefix}${key}`;
  }

  async put(input: Readable, limitBytes: number): Promise<StoredBlob> {
    const key = newBlobKey();
    const meter = new SizeAndHashMeter(limitBytes);
    const body = new PassThrough();
    const upload = new Upload({ client: this.client, params: { Bucket: this.settings.bucket, Key: this.objectKey(key), Body: body }, queueSize: 2 });
    const uploaded = upload.done();
    uploaded.catch(() => undefined);
    try {
      await pipeline(input, meter, body);
      await uploaded;
    } catch (error) {
      await upload.abort().catch(() => undefined);
      await this.remove(key).catch(() => undefined);
      throw error;
    }
    return { key, sizeBytes: meter.size, sha256: meter.sha256() };
  }

  open(key: string): Readable {
    return this.streamOf(key);
  }

  openRange(key: string, start: number, end: number): Readable {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new RangeError(`Invalid byte range [${start}, ${end})`);
    }
    if (end === start) return Readable.from([]);
    return this.streamOf(key, `bytes=${start}-${end - 1}`);
  }

  async readHead(key: string, length: number): Promise<Buffer> {
    const size = await this.size(key);
    if (size === 0 || length === 0) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const chunk of this.openRange(key, 0, Math.min(length, size))) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async size(key: string): Promise<number> {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
    return head.ContentLength ?? 0;
  }

  async remove(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      if (!(error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) throw error;
    }
  }

  /** The object's bytes as a stream available at once; the request runs behind it and its failure ends the stream. */
  private streamOf(key: string, range?: string): Readable {
    const output = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key), Range: range }))
      .then((response) => {
        const body = response.Body as Readable | undefined;
        if (!body) return output.end();
        body.on('error', (error) => output.destroy(error));
        body.pipe(output);
      })
      .catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
    return output;
  }
}
