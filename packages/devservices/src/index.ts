export * from './free-port';
export * from './node-flags';
export * from './postgres';
export * from './redis';
export * from './smtp-sink';
export * from './processes';
export * from './test-databases';
export * from './test-services';
