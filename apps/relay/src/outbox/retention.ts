import { type Logger } from 'pino';
import { type RetentionPolicy } from '../config';
import { PeriodicTask } from '../periodic-task';
import { type DestinationStore } from './destination-store';
import { type OutboxStore } from './outbox-store';

const BATCH = 1000;
/** Bounds one run, so a huge backlog is worked off over several runs instead of one long burst. */
const MAX_BATCHES_PER_RUN = 50;

/**
 * Deletes finished jobs past their retention (delivered ones sooner than dead and cancelled ones) with
 * their attempts, then the element snapshots no job references any more, in small batches, on a timer;
 * and destinations no webhook points at. A pending job is never pruned, however old.
 */
export class RetentionPruner extends PeriodicTask {
  constructor(
    private readonly options: {
      store: OutboxStore;
      destinations: DestinationStore;
      retention: RetentionPolicy;
      intervalMs: number;
      logger: Logger;
    },
  ) {
    super(options.intervalMs);
  }

  /** One pruning pass; overlapping calls share the pass in progress. */
  protected async run(): Promise<void> {
    const { store, retention, logger } = this.options;
    // a snapshot outlives its jobs by the shorter retention: the reference check keeps the others'
    const snapshotRetentionMs = Math.min(retention.deliveredMs, retention.undeliveredMs);
    try {
      let deliveries = 0;
      let snapshots = 0;
      // the pruning queries read unsummarised ranges whole; autovacuum may be off or behind. Only the
      // indexes' owner may summarise: for any other role pruning still works, reading more pages.
      await store.summarizePruningIndexes().catch((error: unknown) => {
        logger.warn({ err: error }, 'could not summarise the pruning indexes; pruning reads more pages');
      });
      for (let i = 0; i < MAX_BATCHES_PER_RUN && !this.stopped; i++) {
        const n = await store.pruneFinished({ retention, limit: BATCH });
        deliveries += n;
        if (n < BATCH) break;
      }
      // after the jobs: their snapshots are unreferenced only once they are gone
      for (let i = 0; i < MAX_BATCHES_PER_RUN && !this.stopped; i++) {
        const n = await store.pruneSnapshots({ retentionMs: snapshotRetentionMs, limit: BATCH });
        snapshots += n;
        if (n < BATCH) break;
      }
      // destinations no webhook points at any more: their state is of no use
      const destinations = this.stopped ? 0 : await this.options.destinations.prune(BATCH);
      if (deliveries + snapshots + destinations > 0)
        logger.info({ deliveries, snapshots, destinations }, 'pruned past retention');
    } catch (error) {
      logger.warn({ err: error }, 'pruning failed; will try again at the next interval');
    }
  }
}
