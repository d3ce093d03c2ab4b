/**
 * The statements that follow a claim (claim-sql.ts). Transitions after the claim are guarded by the job
 * id, the claimant and the attempt number, so a relay whose lease expired (and whose job was claimed
 * again, even by itself) cannot complete it.
 */

/**
 * The fields of one finished attempt in COMPLETE_SQL's input, in the order of each attempt's JSON array.
 * Positions, not an object per attempt: `jsonb_to_recordset` matched keys per row and turned every nested
 * jsonb value into text and back, where `e->n` takes it as it is (record statement: 37-39.5 instead of
 * 50.5-53.5 µs of PostgreSQL CPU per attempt, pg-cost HELD=1000 COMPLETE_BATCH=1000, 3 runs each).
 */
export const COMPLETE_INPUT_FIELDS = [
  ['id', 'uuid'],
  ['attempt', 'int'],
  ['status', 'text'],
  ['retry_delay_ms', 'float8'],
  ['last_error', 'text'],
  ['last_status_code', 'int'],
  ['account_id', 'uuid'],
  ['request', 'jsonb'],
  ['response_headers', 'jsonb'],
  ['response_body', 'text'],
  ['duration_ms', 'int'],
  ['error', 'text'],
  ['outcome', 'text'],
  ['webhook_id', 'uuid'],
  ['disable_reason', 'text'],
] as const;

// a JSON null must become SQL NULL, as for the other types (e->n alone would give the jsonb 'null')
const completeInputColumns = COMPLETE_INPUT_FIELDS.map(([name, type], i) =>
  type === 'jsonb'
    ? `nullif(e->${i}, 'null'::jsonb) AS ${name}`
    : type === 'text'
      ? `e->>${i} AS ${name}`
      : `(e->>${i})::${type} AS ${name}`,
).join(', ');

/**
 * Records a batch of finished attempts in one round trip: the guarded status transition and the attempt
 * rows (inserted for every attempt that was made, even when the lease was lost: it did happen). A retry
 * comes as a delay and becomes now() + delay here, on the same clock as the claim's "due" check.
 * $1 relay id; $2 a JSON array with one array per attempt (COMPLETE_INPUT_FIELDS): one JSON document
 * parses far faster than thirteen parallel arrays escaped element by element.
 */
export const COMPLETE_SQL = `
  WITH input AS (
    SELECT ${completeInputColumns} FROM jsonb_array_elements($2::jsonb) e
  ), updated AS (
    UPDATE deliveries d
       SET status = i.status,
           -- a delay from the relay, a time from the database: "due" compares with the database's now()
           next_attempt_at = coalesce(now() + i.retry_delay_ms * interval '1 millisecond',
                                      d.next_attempt_at),
           last_error = i.last_error,
           last_status_code = i.last_status_code,
           locked_by = NULL,
           locked_until = NULL,
           updated_at = now(),
           completed_at = CASE WHEN i.status = 'pending' THEN NULL ELSE now() END
      FROM input i
     -- = ANY(ARRAY(...)) keeps this an index probe per id whatever the statistics say
     WHERE d.id = ANY (ARRAY(SELECT id FROM input)) AND d.id = i.id AND d.locked_by = $1 AND d.attempts = i.attempt AND d.status = 'pending'
    RETURNING d.id
  ), logged AS (
    INSERT INTO delivery_attempts
      (account_id, delivery_id, attempt, request, response_status, response_headers, response_body,
       duration_ms, error, outcome)
    SELECT i.account_id, i.id, i.attempt, i.request, i.last_status_code, i.response_headers, i.response_body,
           i.duration_ms, i.error, i.outcome
      FROM input i
     -- a job deleted meanwhile (its webhook was deleted) has nothing to log against. One whose transition
     -- applied exists; only the others (lease lost) need a look, a scalar subquery (not EXISTS) so it
     -- stays one index probe per row instead of a join over the whole table
     WHERE i.id IN (SELECT id FROM updated) OR (SELECT true FROM deliveries x WHERE x.id = i.id)
  ), disabled AS (
    -- 410 Gone: the webhook is switched off in the same statement that kills the job
    UPDATE webhooks w
       SET status = 'disabled', disabled_reason = i.disable_reason, updated_at = now()
      FROM input i
     WHERE i.disable_reason IS NOT NULL AND w.id = i.webhook_id AND w.status = 'active'
       AND i.id IN (SELECT id FROM updated)
  )
  SELECT id FROM updated`;

/** $1 relay id, $2 ids, $3 attempts, $4 whether each was sent (a release of an unsent job gives the attempt back). */
export const RELEASE_SQL = `
  UPDATE deliveries d
     SET locked_by = NULL,
         locked_until = NULL,
         attempts = CASE WHEN i.sent THEN d.attempts ELSE d.attempts - 1 END,
         updated_at = now()
    FROM unnest($2::uuid[], $3::int[], $4::boolean[]) AS i(id, attempt, sent)
   WHERE d.id = i.id AND d.locked_by = $1 AND d.attempts = i.attempt AND d.status = 'pending'`;

/**
 * $1 relay id, $2 ids, $3 attempts, $4 delay ms. Claimed jobs that were not sent because their
 * destination was paused meanwhile (a 429 or Retry-After) go back unsent (the attempt is not counted) and
 * become due when the pause ends (on the database's clock).
 */
export const GIVE_BACK_SQL = `
  UPDATE deliveries d
     SET locked_by = NULL,
         locked_until = NULL,
         attempts = d.attempts - 1,
         next_attempt_at = now() + make_interval(secs => $4::double precision / 1000),
         updated_at = now()
    FROM unnest($2::uuid[], $3::int[]) AS i(id, attempt)
   WHERE d.id = i.id AND d.locked_by = $1 AND d.attempts = i.attempt AND d.status = 'pending'`;

export const TARGET_KINDS_IN_USE_SQL = `
  SELECT DISTINCT target_kind AS kind FROM webhooks WHERE target_kind IS NOT NULL`;

export const LOAD_WEBHOOKS_SQL = `
  SELECT id, account_id AS "accountId", name, status, trigger, element, method, url, headers, body,
         include_element_data AS "includeElementData", target_kind AS "targetKind",
         target_settings AS "targetSettings", signing_secret AS "signingSecret",
         retired_signing_secrets AS "retiredSigningSecrets", retry_schedule AS "retrySchedule",
         updated_at::text AS version
    FROM webhooks
   WHERE id = ANY($1::uuid[])`;

/**
 * Pending jobs, and the age of the oldest one that is due and could go out now (its webhook active, its
 * destination neither open nor paused), for /metrics.
 */
export const QUEUE_STATS_SQL = `
  SELECT count(*)::int AS depth,
         coalesce(extract(epoch FROM now() - min(d.next_attempt_at)
                  FILTER (WHERE d.next_attempt_at <= now() AND NOT d.paused AND NOT d.held
                            AND coalesce(ds.circuit, 'closed') = 'closed'
                            AND (ds.paused_until IS NULL OR ds.paused_until <= now()))), 0)::float8
           AS oldest_due_age_seconds
    FROM deliveries d
    JOIN webhooks w ON w.id = d.webhook_id
    LEFT JOIN destinations ds ON ds.id = w.destination_id
   WHERE d.status = 'pending'`;

/**
 * Summarises the page ranges of the pruning index (BRIN) that are not summarised yet, i.e. those written
 * since the last pass. A query reads every unsummarised range, so without this a pruning pass would read
 * the whole outbox wherever autovacuum (which honours `autosummarize`) is off or behind.
 */
export const SUMMARIZE_PRUNING_INDEXES_SQL = `
  SELECT brin_summarize_new_values('deliveries_completed_brin'::regclass)`;

/**
 * $1 delivered retention ms, $2 undelivered (dead, cancelled) retention ms, $3 batch size. Finished jobs
 * past their retention; their attempts go with them (trigger), and their snapshots once unreferenced
 * (PRUNE_SNAPSHOTS_SQL). The first condition is the BRIN's range: the shorter of the two cut-offs. Small
 * batches keep locks and WAL bursts short.
 */
export const PRUNE_FINISHED_SQL = `
  DELETE FROM deliveries
   WHERE id IN (SELECT id FROM deliveries
                 WHERE completed_at < now() - make_interval(secs => least($1::double precision, $2::double precision) / 1000)
                   AND CASE status
                         WHEN 'delivered' THEN completed_at < now() - make_interval(secs => $1::double precision / 1000)
                         WHEN 'pending' THEN false
                         ELSE completed_at < now() - make_interval(secs => $2::double precision / 1000)
                       END
                 LIMIT $3)`;

/**
 * $1 retention ms, $2 batch size. Snapshots past the retention that no job references any more (their
 * jobs were pruned, or never existed). SKIP LOCKED: a job being inserted for a snapshot holds a key-share
 * lock on it, so such a snapshot is skipped instead of deleted (with its new job, by the cascade).
 */
export const PRUNE_SNAPSHOTS_SQL = `
  DELETE FROM element_snapshots
   WHERE id IN (SELECT s.id FROM element_snapshots s
                 WHERE s.created_at < now() - make_interval(secs => $1::double precision / 1000)
                   AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.snapshot_id = s.id)
                 ORDER BY s.created_at
                 LIMIT $2
                   FOR UPDATE OF s SKIP LOCKED)`;
