export * from './api-client';
export * from './free-port';
export * from './processes';
export * from './receiver';
export * from './run-bounded';
export * from './seeded-random';
export * from './test-database';
export * from './wait-until';
