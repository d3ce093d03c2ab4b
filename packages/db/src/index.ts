export { migrations } from './migrations';
export { runMigrations } from './migrate';
export { clientConfigWithServerOptions, withSearchPath } from './connection-url';
export * from './entities';
