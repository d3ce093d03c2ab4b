export * from './api-client';
export * from './free-port';
export * from './processes';
export * from './receiver';
