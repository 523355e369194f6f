import 'reflect-metadata';

export * from './entities';
export * from './data-source';
export * from './seed/reference-data';
export * from './seed/national-admin';
export * from './migrate';
export * from './email-ledger';
export * from './record-delivery';
export * from './audit';
export * from './seed/demo-data';
export * from './seed/frameworks';
export * from './framework-lookup';
export * from './reminder-ledger';
export * from './account-tokens';
export * from './assignments';
