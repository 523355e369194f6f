export const API_CONFIG = Symbol('API_CONFIG');
export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');
export const BLOB_STORAGE = Symbol('BLOB_STORAGE');
