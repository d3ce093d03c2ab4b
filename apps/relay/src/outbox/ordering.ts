import { LOCK_ORDERING_KEYS_SQL, RELEASE_ORDERING_HEADS_SQL } from '@hookrelay/db/ordering-sql';
import { type PoolClient } from 'pg';
import { DELIVERIES_CHANNEL } from './notify-listener';

/**
 * Lets the next job of each key go, after jobs of these keys ended in this transaction (see
 * packages/db ordering-sql.ts for why the lock comes after the ending and before the release), and wakes
 * the relays at commit: a released job is new work for all of them.
 */
export async function releaseOrderingHeads(
  client: Pick<PoolClient, 'query'>,
  keys: readonly string[],
): Promise<number> {
  if (keys.length === 0) return 0;
  await client.query(LOCK_ORDERING_KEYS_SQL, [keys]);
  const released = await client.query(RELEASE_ORDERING_HEADS_SQL, [keys]);
  const count = released.rowCount ?? 0;
  if (count > 0) await client.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  return count;
}

/**
 * $1 the ordering key to start after ('' for the first), $2 most keys to look at. The safety net of
 * holding: skips through the keys that have held jobs (deliveries_held_idx, one descent per key) and
 * releases each key's first pending job if it is held, e.g. after a relay died between a job's end and
 * its release, or after jobs were deleted by hand. Returns how many it released and the last key seen,
 * the next run's cursor.
 */
export const RELEASE_STRANDED_HEADS_SQL = `
  WITH RECURSIVE held_key AS (
    (SELECT ordering_key FROM deliveries
      WHERE held AND status = 'pending' AND ordering_key > $1
      ORDER BY ordering_key LIMIT 1)
    UNION ALL
    SELECT n.ordering_key
      FROM held_key k
     CROSS JOIN LATERAL (SELECT ordering_key FROM deliveries
                          WHERE held AND status = 'pending' AND ordering_key > k.ordering_key
                          ORDER BY ordering_key LIMIT 1) n
  ), keys AS (
    SELECT ordering_key FROM held_key LIMIT $2
  ), released AS (
    UPDATE deliveries d
       SET held = false
      FROM keys
     CROSS JOIN LATERAL (SELECT h.id, h.held FROM deliveries h
                          WHERE h.ordering_key = keys.ordering_key AND h.status = 'pending'
                          ORDER BY h.seq LIMIT 1
                            FOR UPDATE SKIP LOCKED) head
     WHERE d.id = head.id AND head.held
    RETURNING d.id
  )
  SELECT (SELECT count(*) FROM released)::int AS released,
         (SELECT count(*) FROM keys)::int AS keys,
         (SELECT max(ordering_key) FROM keys) AS last_key`;
