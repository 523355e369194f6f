export * from './logger';
export * from './health';
export * from './shutdown';
export * from './metrics';
