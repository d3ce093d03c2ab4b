export * from '@hookrelay/test-support';
export * from './api-client';
export * from './free-port';
export * from './processes';
export * from './run-bounded';
export * from './seeded-random';
export * from './stack';
export * from './test-database';
