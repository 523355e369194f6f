export * from './names';
export * from './connection';
export * from './defaults';
export * from './queue-registry';
export * from './outbox';
export * from './outbox-relay';
export * from './worker-factory';
export * from './operational-metrics';
