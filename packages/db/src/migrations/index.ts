import { InitialSchema1764201600000 } from './1764201600000-initial-schema';

/** Every migration, in order. The API, the relay and the launcher all run the same list. */
export const migrations = [InitialSchema1764201600000];
