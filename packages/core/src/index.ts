export * from './domain/vocabulary';
export type * from './domain/json';
export type * from './domain/webhook';
export type * from './domain/elements';
