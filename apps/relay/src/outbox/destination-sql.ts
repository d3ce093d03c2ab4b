/**
 * What relays share about destinations (docs/adr/0007-flow-control.md). The circuit changes by
 * compare-and-set on `version`: a relay reads the row, lets core decide the next circuit from what it saw
 * (circuitAfter), and writes it only if nobody changed the row meanwhile.
 */

/** $1 destination ids. Each one's circuit as LANES_SQL returns it. */
export const READ_DESTINATIONS_SQL = `
  SELECT d.id, d.circuit, d.failures, d.cooldown_ms, d.last_failure, d.version,
         (extract(epoch FROM d.retry_at - now()) * 1000)::float8 AS retry_in_ms,
         (extract(epoch FROM d.paused_until - now()) * 1000)::float8 AS paused_for_ms
    FROM destinations d
   WHERE d.id = ANY ($1::uuid[])`;

/**
 * $1 id, $2 the version read, $3 circuit, $4 failures, $5 cooldown ms, $6 last failure, $7 ms until the
 * next probe when it (re)opened (else null), $8 whether it went from closed to open. Returns the new
 * version, or no row when another relay changed it first.
 */
export const SET_CIRCUIT_SQL = `
  UPDATE destinations
     SET circuit = $3,
         failures = $4,
         cooldown_ms = $5,
         last_failure = $6,
         retry_at = CASE WHEN $7::float8 IS NOT NULL THEN now() + $7::float8 * interval '1 millisecond'
                         WHEN $3 = 'closed' THEN NULL
                         ELSE retry_at END,
         opened_at = CASE WHEN $8::boolean THEN now() WHEN $3 = 'closed' THEN NULL ELSE opened_at END,
         version = version + 1,
         updated_at = now()
   WHERE id = $1 AND version = $2
  RETURNING version`;

/**
 * $1 id, $2 ms. A 429 or Retry-After: nothing goes to the destination for that long, from any relay.
 * Only ever moves the pause later, so it needs no compare-and-set.
 */
export const PAUSE_DESTINATION_SQL = `
  UPDATE destinations
     SET paused_until = greatest(coalesce(paused_until, now()), now() + $2::float8 * interval '1 millisecond'),
         updated_at = now()
   WHERE id = $1`;

/**
 * $1 webhook id, $2 account id, $3 origin. Gives a webhook saved before destinations existed its
 * destination, found or created by (account, origin), unless the API set one meanwhile.
 */
export const ATTACH_DESTINATION_SQL = `
  WITH destination AS (
    INSERT INTO destinations (account_id, origin) VALUES ($2, $3)
    ON CONFLICT (account_id, origin) DO UPDATE SET origin = EXCLUDED.origin
    RETURNING id
  )
  UPDATE webhooks
     SET destination_id = (SELECT id FROM destination)
   WHERE id = $1 AND account_id = $2 AND destination_id IS NULL`;

/**
 * The webhooks whose jobs wait on an open (or half-open) circuit, for the sweeper. A pause is not here: it
 * is bounded (the relay clamps it), so its jobs get their attempt when it ends.
 */
export const BLOCKED_WEBHOOKS_SQL = `
  SELECT w.id, w.retry_schedule, d.origin, d.circuit, d.last_failure
    FROM destinations d
    JOIN webhooks w ON w.destination_id = d.id
   WHERE d.circuit <> 'closed'`;

/**
 * $1 JSON [{webhook_id, windows, last_window, reason}]. Jobs waiting on a blocked destination die once
 * their retry schedule's time has passed, as they would have if every attempt had been made and failed:
 * `windows[k + 1]` is how long after attempt k + 1 is due its schedule ends (core retryWindowsMs).
 */
export const EXPIRE_WAITING_JOBS_SQL = `
  UPDATE deliveries x
     SET status = 'dead', last_error = u.reason, completed_at = now(), updated_at = now(),
         locked_by = NULL, locked_until = NULL
    FROM jsonb_to_recordset($1::jsonb) AS u(webhook_id uuid, windows float8[], last_window float8, reason text)
   WHERE x.webhook_id = u.webhook_id AND x.status = 'pending' AND NOT x.paused AND NOT x.held
     -- implied by the window check below (a window is never negative); bounds the lane index's range
     AND x.next_attempt_at < now()
     AND (x.locked_until IS NULL OR x.locked_until < now())
     AND x.next_attempt_at + coalesce(u.windows[x.attempts + 1], u.last_window) * interval '1 millisecond'
         < now()
  RETURNING x.id, x.ordering_key`;

/**
 * $1 batch size. Destinations no webhook points at any more (deleted, or moved to another host). SKIP
 * LOCKED: the API's upsert locks a destination it is about to point a webhook at.
 */
export const PRUNE_DESTINATIONS_SQL = `
  DELETE FROM destinations
   WHERE id IN (SELECT d.id FROM destinations d
                 WHERE NOT EXISTS (SELECT 1 FROM webhooks w WHERE w.destination_id = d.id)
                 LIMIT $1
                   FOR UPDATE SKIP LOCKED)`;

/** For /metrics: how many destinations are open, half-open and paused (all relays). */
export const BLOCKED_COUNTS_SQL = `
  SELECT (SELECT count(*) FROM destinations WHERE circuit = 'open')::int AS open,
         (SELECT count(*) FROM destinations WHERE circuit = 'half_open')::int AS half_open,
         (SELECT count(*) FROM destinations WHERE paused_until > now())::int AS paused`;

/** For /metrics: the destinations whose circuit is not closed, the longest open first (one series each). */
export const OPEN_CIRCUITS_SQL = `
  SELECT d.id, d.origin, d.circuit
    FROM destinations d
   WHERE d.circuit <> 'closed'
   ORDER BY d.opened_at NULLS LAST
   LIMIT 500`;

/**
 * $1 id, $2 the version this relay's probe claim gave it. A probe that went back unsent frees the
 * half-open circuit for the next probe at once, unless another relay changed it meanwhile.
 */
export const RELEASE_PROBE_SQL = `
  UPDATE destinations
     SET circuit = 'open', retry_at = now(), version = version + 1, updated_at = now()
   WHERE id = $1 AND version = $2 AND circuit = 'half_open'`;
