import { DataSource } from 'typeorm';
import { releaseOrderingKeys } from '../outbox/ordering';

/** Rows per statement. Each statement is its own short transaction, so no backlog holds one huge one. */
export const CANCEL_BATCH_SIZE = 5_000;

export interface BulkCancelRange {
  accountId: string;
  webhookId?: string;
  /** Created at or after; unbounded when absent. */
  since?: string;
  /** Created before. Required: jobs keep arriving, and an open end would chase them for ever. */
  until: string;
}

interface BatchResult {
  cancelled: number;
  /** Ordering keys of cancelled jobs: each key's next job may go now. */
  keys: string[] | null;
  scanned: number;
  last_created_at: string | null;
  last_id: string | null;
}

/**
 * Cancels the account's pending deliveries (paused ones too) created in the range, in batches of
 * CANCEL_BATCH_SIZE, oldest first. Each batch starts after the last row of the previous one, so the range
 * is read once in all (deliveries_webhook_idx with a webhook, deliveries_account_idx without) instead of
 * every batch walking past the rows the earlier ones cancelled. The lease is cleared as the single cancel
 * does: a relay attempting the job right now can no longer complete it (its transition requires a pending
 * job), though its attempt is still logged. A batch and the release of the next job of each ordering
 * key it cancelled from are one transaction.
 */
export async function cancelPendingInBatches(
  dataSource: DataSource,
  range: BulkCancelRange,
  batchSize = CANCEL_BATCH_SIZE,
): Promise<number> {
  const params: unknown[] = [range.accountId, range.until, batchSize];
  const conditions = [`account_id = $1`, `status = 'pending'`, `created_at < $2::timestamptz`];
  if (range.webhookId !== undefined) {
    params.push(range.webhookId);
    conditions.push(`webhook_id = $${params.length}::uuid`);
  }
  if (range.since !== undefined) {
    params.push(range.since);
    conditions.push(`created_at >= $${params.length}::timestamptz`);
  }
  const afterParam = params.length + 1;
  const sql = `
    WITH batch AS (
      SELECT id, created_at FROM deliveries
       WHERE ${conditions.join(' AND ')}
         AND (created_at, id) > ($${afterParam}::timestamptz, $${afterParam + 1}::uuid)
       ORDER BY created_at, id
       LIMIT $3
    ), cancelled AS (
      UPDATE deliveries d
         SET status = 'cancelled', completed_at = now(), updated_at = now(), locked_by = NULL, locked_until = NULL
       -- = ANY(ARRAY(...)) keeps this a primary-key probe per row; a join with the batch may be planned
       -- as a hash join over a scan of the whole table
       WHERE d.account_id = $1 AND d.id = ANY (ARRAY(SELECT id FROM batch)) AND d.status = 'pending'
      RETURNING d.ordering_key
    ), last AS (
      SELECT created_at::text AS position_at, id FROM batch ORDER BY created_at DESC, id DESC LIMIT 1
    )
    SELECT (SELECT count(*) FROM cancelled)::int AS cancelled,
           (SELECT array_agg(DISTINCT ordering_key) FROM cancelled WHERE ordering_key IS NOT NULL) AS keys,
           (SELECT count(*) FROM batch)::int AS scanned,
           (SELECT position_at FROM last) AS last_created_at,
           (SELECT id FROM last) AS last_id`;

  let total = 0;
  let after = { createdAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
  for (;;) {
    const result = await dataSource.transaction(async (manager) => {
      const [batch]: BatchResult[] = await manager.query(sql, [...params, after.createdAt, after.id]);
      await releaseOrderingKeys(manager, batch?.keys ?? []);
      return batch;
    });
    total += result?.cancelled ?? 0;
    if (!result || result.scanned < batchSize || !result.last_created_at || !result.last_id) return total;
    after = { createdAt: result.last_created_at, id: result.last_id };
  }
}
