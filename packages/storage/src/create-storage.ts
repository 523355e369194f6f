import type { BlobStorage } from './blob';
import { LocalDiskStorage } from './local-disk-storage';
import type { S3StorageSettings } from './s3-storage';

export type StorageSettings = { driver: 'local'; directory: string } | ({ driver: 's3' } & S3StorageSettings);

/** The configured evidence store: a local directory by default, an S3-compatible bucket when configured. */
export function createBlobStorage(settings: StorageSettings): BlobStorage {
  if (settings.driver === 'local') return new LocalDiskStorage(settings.directory);
  // Loaded here rather than at the top: the AWS SDK costs about 20 MB of memory in every process that never uses it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3Storage } = require('./s3-storage') as typeof import('./s3-storage');
  return new S3Storage(settings);
}

/** The storage settings as the processes' configuration names them (see the config package). */
export interface StorageConfig {
  STORAGE_DRIVER: 'local' | 's3';
  STORAGE_DIR: string;
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_ENDPOINT?: string;
  S3_FORCE_PATH_STYLE: boolean;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_PREFIX: string;
}

export function blobStorageFromConfig(config: StorageConfig): BlobStorage {
  if (config.STORAGE_DRIVER === 'local') return createBlobStorage({ driver: 'local', directory: config.STORAGE_DIR });
  return createBlobStorage({
    driver: 's3',
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    prefix: config.S3_PREFIX,
  });
}
