// The document checks without the process around them, for benchmarks and tests that run them in process.
export * from './checks';
export * from './sniff';
export * from './settings';
export * from './check-document';
export * from './check-submission';
