export * from './blob';
export * from './local-disk-storage';
// The S3 client is large and most deployments store on disk: it is loaded only when S3 is configured.
export type { S3Storage, S3StorageSettings } from './s3-storage';
export * from './create-storage';
export * from './zip';
