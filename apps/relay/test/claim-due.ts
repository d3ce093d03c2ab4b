import { FIRST_LANE, type OutboxStore } from '../src/outbox/outbox-store';
import { type ClaimedJob } from '../src/outbox/types';

/** Claims up to `limit` due jobs of every lane with no flow control: the claim statement alone. */
export async function claimDue(
  store: OutboxStore,
  input: { limit: number; leaseMs: number },
): Promise<ClaimedJob[]> {
  const lanes = await store.lanes({ after: FIRST_LANE, max: 1000 });
  return store.claim({
    lanes: lanes
      .filter((lane) => lane.active && lane.dueForMs >= 0)
      .map((lane) => ({
        webhookId: lane.webhookId,
        accountId: lane.accountId,
        quota: input.limit,
        destinationId: lane.destination?.id ?? null,
      })),
    leaseMs: input.leaseMs,
    probeLeaseMs: 20_000,
    rateHorizonMs: 1000,
  });
}
