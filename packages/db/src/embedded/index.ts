export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './start-embedded-postgres';
export { startThrowawayPostgres } from './throwaway';
export { findFreePort, isPortFree } from './ports';
