import type { EntityManager } from 'typeorm';
import type { DeliveryWithChange } from './delivery-queries';

/**
 * Under per-element ordering, the earlier pending delivery each of these waits for (the one just before
 * it in its element's queue), by id; deliveries that wait for none are absent. One query for a page.
 */
export async function waitingFor(
  manager: EntityManager,
  deliveries: readonly DeliveryWithChange[],
): Promise<Map<string, string>> {
  const queued = deliveries.filter((d) => d.status === 'pending' && d.orderingKey !== null).map((d) => d.id);
  if (queued.length === 0) return new Map();
  const rows: { id: string; waiting_for: string | null }[] = await manager.query(
    `SELECT d.id,
            (SELECT e.id FROM deliveries e
              WHERE e.ordering_key = d.ordering_key AND e.status = 'pending' AND e.seq < d.seq
              ORDER BY e.seq DESC LIMIT 1) AS waiting_for
       FROM deliveries d
      WHERE d.id = ANY($1::uuid[])`,
    [queued],
  );
  return new Map(rows.flatMap((r) => (r.waiting_for ? [[r.id, r.waiting_for] as const] : [])));
}
