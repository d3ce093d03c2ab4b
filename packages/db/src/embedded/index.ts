export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './start-embedded-postgres';
export { startThrowawayPostgres } from './throwaway';
export { reachableClusterDir } from './reachable-cluster-dir';
export { findFreePort, isPortFree } from './ports';
