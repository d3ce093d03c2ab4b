// the subpath, not the package: its index loads TypeORM and the entities (25 MB of RSS the relay does not need)
import { clientConfigWithServerOptions } from '@hookrelay/db/connection-url';
import { Pool } from 'pg';

/**
 * synchronous_commit=off for the relay's own bookkeeping: a commit lost in a database crash only rewinds
 * a job to an earlier state that leads to a re-delivery, never to a loss (README, "Durability").
 */
export const RELAY_SERVER_OPTIONS = '-c synchronous_commit=off';

/**
 * The claim's connection (lanes, claim, rate slots) has neither sequential nor bitmap scans. Every table
 * it reads has the index it needs, and both scans come from plans made for a queue that is not there any
 * more, which make each claim of a burst read the whole outbox:
 * - a prepared statement's generic plan is made once and kept: made while the outbox was nearly empty (a
 *   relay polling a quiet queue), it updates the picked rows through a scan of the table, not by their
 *   ctid (connections.spec: 20,532 rows read to claim 250). Ruling the scan out keeps plans cached, so a
 *   claim is not planned afresh each time (planning was as dear as running a 32-job claim);
 * - a bitmap scan returns rows in physical order, so taking the oldest jobs means reading and sorting
 *   every due job first. The planner takes it whenever its statistics say few jobs are pending: never
 *   analysed, or analysed while the queue was empty. The index scan it is left with hands over the
 *   oldest rows in order and stops at the quota. Only the claim runs here: pruning needs bitmap scans
 *   (BRIN).
 */
export const CLAIM_SERVER_OPTIONS = `${RELAY_SERVER_OPTIONS} -c enable_bitmapscan=off -c enable_seqscan=off`;

export interface RelayPools {
  /** Everything but the claim. */
  pool: Pool;
  /** The claim alone; the relay claims one batch at a time. */
  claimPool: Pool;
  end(): Promise<void>;
}

/** Each pool's settings go before the URL's own options (clientConfigWithServerOptions). */
export function createRelayPools(input: { databaseUrl: string; applicationName: string }): RelayPools {
  const poolWith = (serverOptions: string, max: number) => {
    const config = clientConfigWithServerOptions(input.databaseUrl, serverOptions);
    // one the URL names wins, as for its settings
    const application_name = config.application_name ?? input.applicationName.slice(0, 63);
    return new Pool({ ...config, application_name, max });
  };
  const pool = poolWith(RELAY_SERVER_OPTIONS, 8);
  const claimPool = poolWith(CLAIM_SERVER_OPTIONS, 1);
  return {
    pool,
    claimPool,
    end: async () => {
      await Promise.all([pool.end(), claimPool.end()]);
    },
  };
}
