export { migrations } from './migrations';
export { runMigrations } from './migrate';
export { withSearchPath } from './connection-url';
export * from './entities';
