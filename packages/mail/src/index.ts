export * from './templates';
export * from './transport';
