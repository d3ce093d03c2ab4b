export { migrations } from './migrations';
export { runMigrations } from './migrate';
export { withSearchPath, withServerOptions } from './connection-url';
export * from './entities';
