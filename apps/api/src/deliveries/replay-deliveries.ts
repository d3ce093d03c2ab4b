import { orderingKey } from '@hookrelay/core';
import type { ElementType, Ordering } from '@hookrelay/core';
import type { EntityManager } from 'typeorm';
import { holdFlags } from '../outbox/ordering';

interface Original {
  snapshot_id: string;
  webhook_id: string;
  element: ElementType;
  element_id: string;
  ordering: Ordering;
  destination_id: string | null;
  paused: boolean;
}

/**
 * New deliveries of the same snapshots as `ids` (one webhook's), in their original order: under
 * per-element ordering they queue behind the element's pending jobs in that order, with the webhook's
 * ordering as it is now. A replay for a disabled webhook waits, paused, until it is enabled again.
 */
export async function replayDeliveries(
  manager: EntityManager,
  accountId: string,
  ids: readonly string[],
): Promise<{ id: string }[]> {
  if (ids.length === 0) return [];
  const originals: Original[] = await manager.query(
    `SELECT d.snapshot_id, d.webhook_id, s.element, s.element_id, w.ordering, w.destination_id,
            w.status <> 'active' AS paused
       FROM deliveries d
       JOIN webhooks w ON w.id = d.webhook_id
       JOIN element_snapshots s ON s.id = d.snapshot_id
      WHERE d.account_id = $1 AND d.id = ANY($2::uuid[])
      ORDER BY d.created_at, d.id`,
    [accountId, ids],
  );
  const keys = originals.map((o) =>
    orderingKey({
      ordering: o.ordering,
      destinationId: o.destination_id,
      webhookId: o.webhook_id,
      element: o.element,
      elementId: o.element_id,
    }),
  );
  const held = await holdFlags(manager, keys);
  return manager.query(
    // in input order: each key's jobs take their seq in the order holdFlags saw them
    `INSERT INTO deliveries (account_id, webhook_id, snapshot_id, paused, ordering_key, held)
     SELECT $1, r.webhook_id, r.snapshot_id, r.paused, r.ordering_key, r.held
       FROM unnest($2::uuid[], $3::uuid[], $4::boolean[], $5::text[], $6::boolean[])
            WITH ORDINALITY AS r(webhook_id, snapshot_id, paused, ordering_key, held, n)
      ORDER BY r.n
     RETURNING id`,
    [
      accountId,
      originals.map((o) => o.webhook_id),
      originals.map((o) => o.snapshot_id),
      originals.map((o) => o.paused),
      keys,
      held,
    ],
  );
}
