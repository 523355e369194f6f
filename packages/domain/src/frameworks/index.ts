export * from './model';
export * from './answers';
export * from './validate';
export * from './score-kkp';
export * from './ranham';
export * from './seed-data';
export * from './effective-answers';
export * from './score-ranham';
