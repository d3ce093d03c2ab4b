export { migrations } from './migrations';
export { runMigrations } from './migrate';
export { clientConfigWithServerOptions, withSearchPath } from './connection-url';
export * from './entities';
export { KEYS_WITH_PENDING_SQL, LOCK_ORDERING_KEYS_SQL, RELEASE_ORDERING_HEADS_SQL } from './ordering-sql';
