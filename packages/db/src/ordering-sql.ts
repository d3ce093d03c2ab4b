/**
 * Per-element ordering's shared statements (migration 1765065600000). The API inserts jobs of an
 * ordering key and ends pending ones (cancel, a webhook's deletion); the relay ends them too (completion,
 * expiry). Whoever does either holds the key's advisory lock, so an insert and an ending of one key never
 * interleave: a job is inserted `held` exactly when its key has a pending job, and the ending that leaves
 * it first in line releases it.
 */

/** The advisory-lock namespace (first key) of ordering keys; the second is the key's hash. */
const ORDERING_LOCK_NAMESPACE = 0x6f726472; // "ordr"

/**
 * $1 ordering keys (text[]). Takes each key's transaction-scoped advisory lock, in hash order (so two
 * transactions never wait for each other crosswise). Run as a statement of its own before reading or
 * releasing the keys' jobs: the next statement's snapshot then sees what the previous holder committed.
 */
export const LOCK_ORDERING_KEYS_SQL = `
  SELECT count(pg_advisory_xact_lock(${ORDERING_LOCK_NAMESPACE}, h))::int AS locked
    FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY h) keys`;

/** $1 ordering keys (text[]). The keys that have a pending job; after LOCK_ORDERING_KEYS_SQL. */
export const KEYS_WITH_PENDING_SQL = `
  SELECT DISTINCT k.ordering_key
    FROM unnest($1::text[]) AS k(ordering_key)
   WHERE EXISTS (SELECT 1 FROM deliveries d WHERE d.ordering_key = k.ordering_key AND d.status = 'pending')`;

/**
 * $1 ordering keys (text[]). Releases the first pending job of each key if it is held: run after jobs of
 * these keys ended (delivered, dead, cancelled, deleted), in the same transaction, after the ending
 * statement and LOCK_ORDERING_KEYS_SQL (in that order: an ending waits for row locks before it holds a
 * key, and this statement waits for none, so no two transactions wait for each other crosswise). A head
 * another transaction has locked is skipped and the job after it released instead: releasing too early
 * is harmless (the claim's gate still holds a job back while an earlier one is pending), holding too
 * long is not. One index descent per key (deliveries_order_idx). Returns the released ids.
 */
export const RELEASE_ORDERING_HEADS_SQL = `
  UPDATE deliveries d
     SET held = false
    FROM unnest($1::text[]) AS k(ordering_key)
   CROSS JOIN LATERAL (SELECT h.id, h.held
                         FROM deliveries h
                        WHERE h.ordering_key = k.ordering_key AND h.status = 'pending'
                        ORDER BY h.seq
                        LIMIT 1
                          FOR UPDATE SKIP LOCKED) head
   WHERE d.id = head.id AND head.held
  RETURNING d.id`;
