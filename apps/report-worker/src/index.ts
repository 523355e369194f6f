export * from './documents/inputs';
