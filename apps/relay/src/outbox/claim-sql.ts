/**
 * The claim, in two statements on the claim connection (CLAIM_SERVER_OPTIONS in connections.ts): which
 * lanes have due jobs and what their destinations allow (LANES_SQL), then the jobs the relay's plan asks
 * of each lane (CLAIM_SQL). A lane is one webhook's pending jobs, read through deliveries_lane_idx
 * (webhook_id, next_attempt_at): a claim takes from each lane only what its destination can start now.
 */

/**
 * Per-element ordering's gate (migration 1765065600000): a job of an ordering key goes only when no
 * earlier job of its key is pending (in flight, retrying, paused or waiting). `held` keeps most waiting
 * jobs out of the lane index; this condition is what guarantees the order, whatever `held` says, on the
 * committed state every relay sees.
 */
const FIRST_OF_ITS_KEY = `(c.ordering_key IS NULL OR NOT EXISTS (
    SELECT 1 FROM deliveries e
     WHERE e.ordering_key = c.ordering_key AND e.status = 'pending' AND e.seq < c.seq))`;

/**
 * $1 the webhook id to start after (the all-zero uuid for the first), $2 most lanes to return.
 * Skips through the lane index one webhook at a time (a loose index scan: one descent per webhook with
 * pending jobs, whatever their number); each step's first entry is that webhook's oldest pending job that
 * no lease holds, so a lane whose due jobs are all in flight does not look due. With each lane: its
 * webhook, its destination's shared state and its rate-limit slot, times relative to the database's clock
 * (ms; a positive `due_for_ms` means due that long ago).
 */
export const LANES_SQL = `
  WITH RECURSIVE lane AS (
    (SELECT c.webhook_id, c.next_attempt_at
       FROM deliveries c
      WHERE c.status = 'pending' AND NOT c.paused AND NOT c.held AND c.webhook_id > $1::uuid
        AND (c.locked_until IS NULL OR c.locked_until < now())
      ORDER BY c.webhook_id, c.next_attempt_at
      LIMIT 1)
    UNION ALL
    SELECT n.webhook_id, n.next_attempt_at
      FROM lane l
     CROSS JOIN LATERAL (
       SELECT c.webhook_id, c.next_attempt_at
         FROM deliveries c
        WHERE c.status = 'pending' AND NOT c.paused AND NOT c.held AND c.webhook_id > l.webhook_id
          AND (c.locked_until IS NULL OR c.locked_until < now())
        ORDER BY c.webhook_id, c.next_attempt_at
        LIMIT 1) n
  ), found AS (
    SELECT * FROM lane LIMIT $2
  )
  SELECT f.webhook_id, w.account_id, w.status = 'active' AS active, w.destination_id, w.rate_limit,
         (extract(epoch FROM now() - f.next_attempt_at) * 1000)::float8 AS due_for_ms,
         d.circuit, d.failures, d.cooldown_ms, d.last_failure, d.version,
         (extract(epoch FROM d.retry_at - now()) * 1000)::float8 AS retry_in_ms,
         (extract(epoch FROM d.paused_until - now()) * 1000)::float8 AS paused_for_ms,
         (extract(epoch FROM t.next_slot_at - now()) * 1000)::float8 AS rate_wait_ms
    FROM found f
    JOIN webhooks w ON w.id = f.webhook_id
    LEFT JOIN destinations d ON d.id = w.destination_id
    LEFT JOIN webhook_throttles t ON t.webhook_id = f.webhook_id`;

/**
 * $1 relay id, $2 lease ms, $3 lanes as JSON [{webhook_id, quota, probe_of}], $4 probes as JSON
 * [{id, version, webhook_id}], $5 probe lease ms. Claims up to `quota` of each lane's oldest due jobs and counts
 * their attempt. A lane whose destination is paused, or whose circuit is not closed (unless it carries
 * the probe), gives nothing, whatever the plan was made from: what other relays wrote since counts.
 *
 * A probe lane (probe_of = its destination) is claimed only if this statement moves that destination's
 * circuit to half_open, by compare-and-set on its version, and only while the lane has a job to send:
 * one relay sends the one probe. Its claim runs
 * out after the probe lease, so a relay that dies with the probe does not keep the circuit half-open.
 * A lane whose webhook is not active now is skipped (its jobs escaped the pause; see PAUSE_LANES_SQL).
 * A job with an earlier pending job of its ordering key is not taken (FIRST_OF_ITS_KEY).
 * The picked rows are updated by their physical address (a TID scan): they are locked, so nobody moves
 * them; a row a concurrent update moved before the lock is not updated and stays pending, unlocked, for
 * a later claim.
 */
export const CLAIM_SQL = `
  WITH probes AS (
    UPDATE destinations d
       SET circuit = 'half_open',
           retry_at = now() + make_interval(secs => $5::double precision / 1000),
           version = d.version + 1,
           updated_at = now()
      FROM jsonb_to_recordset($4::jsonb) AS p(id uuid, version int, webhook_id uuid)
     WHERE d.id = p.id AND d.version = p.version AND d.circuit <> 'closed'
       AND (d.retry_at IS NULL OR d.retry_at <= now())
       AND EXISTS (SELECT 1 FROM deliveries c
                    WHERE c.webhook_id = p.webhook_id AND c.status = 'pending' AND NOT c.paused
                      AND NOT c.held AND c.next_attempt_at <= now()
                      AND (c.locked_until IS NULL OR c.locked_until < now())
                      AND ${FIRST_OF_ITS_KEY})
    RETURNING d.id
  ), lanes AS (
    SELECT l.webhook_id, l.quota, l.probe_of IS NOT NULL AS probe,
           -- a cache version compared as a string: no Date parsing on the hot path
           w.updated_at::text AS webhook_version
      FROM jsonb_to_recordset($3::jsonb) AS l(webhook_id uuid, quota int, probe_of uuid)
      JOIN webhooks w ON w.id = l.webhook_id AND w.status = 'active'
      LEFT JOIN destinations ds ON ds.id = w.destination_id
     WHERE (ds.paused_until IS NULL OR ds.paused_until <= now())
       AND (CASE WHEN l.probe_of IS NULL THEN coalesce(ds.circuit, 'closed') = 'closed'
                 ELSE l.probe_of IN (SELECT id FROM probes) END)
  ), picked AS (
    SELECT j.id, j.ctid
      FROM lanes l
     CROSS JOIN LATERAL (
       SELECT c.id, c.ctid
         FROM deliveries c
        WHERE c.webhook_id = l.webhook_id AND c.status = 'pending' AND NOT c.paused AND NOT c.held
          AND c.next_attempt_at <= now()
          AND (c.locked_until IS NULL OR c.locked_until < now())
          AND ${FIRST_OF_ITS_KEY}
        ORDER BY c.next_attempt_at
        LIMIT l.quota
          FOR UPDATE SKIP LOCKED) j
  ), claimed AS (
    UPDATE deliveries d
       SET locked_by = $1,
           locked_until = now() + make_interval(secs => $2::double precision / 1000),
           attempts = d.attempts + 1,
           updated_at = now()
      FROM element_snapshots s
     WHERE d.ctid = ANY (ARRAY(SELECT ctid FROM picked)) AND s.id = d.snapshot_id
    -- the snapshot as text: jobs of one snapshot (a fan-out) share one parsed copy
    RETURNING d.id, d.account_id, d.webhook_id, d.attempts, d.snapshot_id, s.data::text AS snapshot,
              s.trigger, d.ordering_key
  )
  -- by the lanes (a few rows), not the picked jobs: a join of two CTEs the planner thinks hold one row
  -- each is a nested loop, picked × claimed comparisons
  SELECT c.*, l.probe, l.webhook_version FROM claimed c JOIN lanes l ON l.webhook_id = c.webhook_id`;

/** $1 webhook ids, $2 their accounts. The rate-limit slot rows of webhooks that have none yet. */
export const CREATE_RATE_SLOTS_SQL = `
  INSERT INTO webhook_throttles (webhook_id, account_id)
  SELECT * FROM unnest($1::uuid[], $2::uuid[])
  ON CONFLICT (webhook_id) DO NOTHING`;

/**
 * $1 webhook ids. Locks the rate-limit slot rows of the lanes a claim will take from, in id order so two
 * relays cannot deadlock, and returns each one's next free slot (epoch ms). Runs in the claim's
 * transaction, after CREATE_RATE_SLOTS_SQL as a statement of its own: its snapshot then sees a row another
 * relay created meanwhile, and the lock waits for that relay's slots.
 */
export const LOCK_RATE_SLOTS_SQL = `
  SELECT webhook_id, (extract(epoch FROM next_slot_at) * 1000)::float8 AS next_slot_ms
    FROM webhook_throttles
   WHERE webhook_id = ANY ($1::uuid[])
   ORDER BY webhook_id
     FOR UPDATE`;

/**
 * The database's clock now (epoch ms), read once the slot rows are locked: the claim's slots are counted
 * from it, not from the transaction's start, which may lie before a wait for another relay's lock.
 */
export const CLOCK_SQL = `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms`;

/** $1 webhook ids, $2 each one's next free slot after this claim (epoch ms). After LOCK_RATE_SLOTS_SQL. */
export const TAKE_RATE_SLOTS_SQL = `
  UPDATE webhook_throttles t
     SET next_slot_at = to_timestamp(i.next_slot_ms / 1000)
    FROM unnest($1::uuid[], $2::float8[]) AS i(webhook_id, next_slot_ms)
   WHERE t.webhook_id = i.webhook_id`;

/**
 * $1 webhook ids. A lane whose webhook is not active holds jobs that escaped the pause (committed by a
 * transaction that saw the webhook active while another disabled it): pauses them, so lanes stop finding
 * them. The webhook row is read FOR SHARE, so an enable running now is waited for and seen: a job is
 * never left paused behind a webhook that was just enabled (the enable's trigger resumes only jobs already
 * paused).
 */
export const PAUSE_LANES_SQL = `
  UPDATE deliveries d
     SET paused = true
   WHERE d.webhook_id = ANY ($1::uuid[]) AND d.status = 'pending' AND NOT d.paused AND NOT d.held
     AND (SELECT w.status FROM webhooks w WHERE w.id = d.webhook_id FOR SHARE) <> 'active'`;
