import { InitialSchema1764201600000 } from './1764201600000-initial-schema';
import { AttemptsWithoutAccountFk1764288000000 } from './1764288000000-attempts-without-account-fk';
import { SnapshotRetentionIndexes1764374400000 } from './1764374400000-snapshot-retention-indexes';
import { PausedDeliveries1764460800000 } from './1764460800000-paused-deliveries';
import { DeliveriesFillfactor1764547200000 } from './1764547200000-deliveries-fillfactor';
import { AttemptsNaturalKey1764633600000 } from './1764633600000-attempts-natural-key';
import { FinishedJobsRetention1764720000000 } from './1764720000000-finished-jobs-retention';
import { Destinations1764806400000 } from './1764806400000-destinations';
import { FiltersAndAccountDeliveries1764892800000 } from './1764892800000-filters-and-account-deliveries';
import { ConsoleSessions1764979200000 } from './1764979200000-console-sessions';
import { DeliveryOrdering1765065600000 } from './1765065600000-delivery-ordering';

/** Every migration, in order. The API, the relay and the launcher all run the same list. */
export const migrations = [
  InitialSchema1764201600000,
  AttemptsWithoutAccountFk1764288000000,
  SnapshotRetentionIndexes1764374400000,
  PausedDeliveries1764460800000,
  DeliveriesFillfactor1764547200000,
  AttemptsNaturalKey1764633600000,
  FinishedJobsRetention1764720000000,
  Destinations1764806400000,
  FiltersAndAccountDeliveries1764892800000,
  ConsoleSessions1764979200000,
  DeliveryOrdering1765065600000,
];
