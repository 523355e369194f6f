// The scoring handlers without the process around them, for benchmarks and tests that run them in process.
export * from './framework-scorers';
export * from './store-score';
export * from './score-submission';
export * from './recalculation';
export * from './recalculation-batch';
