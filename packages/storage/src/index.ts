export * from './blob';
export * from './local-disk-storage';
export * from './s3-storage';
export * from './create-storage';
