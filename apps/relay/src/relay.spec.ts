import { waitUntil } from '@hookrelay/test-support';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { WebhookCache } from './delivery/webhook-cache';
import { DestinationReporter } from './flow/destination-reporter';
import { FlowControl } from './flow/flow-control';
import { type HttpSender } from './http/http-sender';
import { createMetrics } from './metrics';
import { CompletionBuffer } from './outbox/completion-buffer';
import { type DestinationStore } from './outbox/destination-store';
import { type OutboxStore } from './outbox/outbox-store';
import { type ClaimedJob, type FinishedAttempt, type Lane, type ReleasedJob } from './outbox/types';
import { Relay } from './relay';

function claimOf(attempt: number, id = 'job-1'): ClaimedJob {
  return {
    id,
    accountId: 'account-1',
    webhookId: 'webhook-1',
    attempt,
    snapshot: {},
    trigger: 'create',
    webhookVersion: 'v1',
    claimedAt: Date.now(),
    destinationId: null,
    orderingKey: null,
    probe: false,
    sendAt: 0,
    sendBy: Number.POSITIVE_INFINITY,
  };
}

const LANE: Lane = {
  webhookId: 'webhook-1',
  accountId: 'account-1',
  active: true,
  destination: null,
  rateLimit: null,
  dueForMs: 0,
  rateWaitMs: null,
};

// the scripted relay runs in this process: its state changes within milliseconds
const until = (check: () => boolean) => waitUntil(check, { timeoutMs: 1000, intervalMs: 5 });

/**
 * A relay on a scripted outbox, so races are exact. No webhook is found for any job: each attempt is
 * recorded as a retry without a request, through `writes`, which the test finishes when it says so.
 */
function scriptedRelay(store: Pick<OutboxStore, 'lanes' | 'claim'>, options: { hostLimit?: number } = {}) {
  const released: ReleasedJob[] = [];
  const writes: { batch: FinishedAttempt[]; finish: () => void }[] = [];
  const completions = new CompletionBuffer({
    write: (batch) =>
      new Promise((resolve) => writes.push({ batch, finish: () => resolve(new Set<string>()) })),
    maxBatch: 1,
    maxDelayMs: 1,
    maxConcurrentWrites: 2,
  });
  const destinations = {} as DestinationStore;
  const logger = pino({ level: 'silent' });
  const flow = new FlowControl({
    limit: { initial: options.hostLimit ?? 4, min: 1, max: 4, decrease: 0.5, fastMs: 1000 },
    rateHorizonMs: 1000,
  });
  const relay = new Relay({
    store: {
      ...store,
      release: async (jobs: readonly ReleasedJob[]) => void released.push(...jobs),
    } as unknown as OutboxStore,
    destinations,
    flow,
    reporter: new DestinationReporter({
      store: destinations,
      policy: { threshold: 5, cooldownMs: 1000, maxCooldownMs: 1000 },
      logger,
      flushMs: 5,
      onTransition: () => undefined,
    }),
    webhooks: new WebhookCache({ load: async () => [], prepare: () => ({}) as never }),
    completions,
    metrics: createMetrics({
      readQueue: async () => ({ depth: 0, oldestDueAgeSeconds: 0 }),
      readBlocked: async () => ({ counts: { open: 0, half_open: 0, paused: 0 }, open: [] }),
      inFlight: () => 0,
    }),
    logger,
    delivery: {
      sender: {} as HttpSender,
      timeoutMs: 1000,
      leaseMs: 2000,
      guardPrivateTargets: false,
      now: () => new Date(),
      random: () => 0.5,
      defaultSchedule: [0, 1000],
    },
    concurrency: 4,
    maxHeld: 10,
    batchSize: 10,
    leaseMs: 2000,
    probeLeaseMs: 2000,
    rateHorizonMs: 1000,
    pollMs: 5,
    maxLanes: 100,
    fastMs: 1000,
    maxPauseMs: 1000,
  });
  return { relay, flow, writes, released };
}

describe('Relay', () => {
  it('counts a job claimed again while its older run still finishes until the newer run ends too', async () => {
    // the same job twice: its first lease ran out while the attempt was still being recorded
    const claims = [[claimOf(1)], [claimOf(2)]];
    const { relay, writes, released } = scriptedRelay({
      lanes: async () => (claims.length > 0 ? [LANE] : []),
      claim: async () => claims.shift() ?? [],
    });
    relay.start();
    await until(() => writes.length === 2);
    expect(writes.map((w) => w.batch[0]?.job.attempt)).toEqual([1, 2]);
    expect(relay.inFlight).toBe(2);

    writes[0]?.finish(); // the first run ends; the second one is still held
    await until(() => relay.inFlight < 2);
    expect(relay.inFlight).toBe(1);

    writes[1]?.finish();
    await until(() => relay.inFlight === 0);
    await relay.stop({ timeoutMs: 20 });
    expect(released).toEqual([]);
  });

  it('still sends what a claim took when planning the next claim fails, and counts nothing left over', async () => {
    let reads = 0;
    const { relay, flow, writes } = scriptedRelay(
      {
        // the first read plans a claim; the second (the next claim's, planned while the first one's jobs
        // go out, its read gone stale during the slow claim) fails
        lanes: async () => {
          reads++;
          if (reads === 2) throw new Error('connection reset');
          return reads === 1 ? [LANE] : [];
        },
        claim: async () => {
          await new Promise((resolve) => setTimeout(resolve, 80));
          return reads === 1 ? [1, 2].map((n) => claimOf(1, `job-${n}`)) : [];
        },
      },
      { hostLimit: 2 },
    );
    relay.start();
    await until(() => writes.length === 2);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(writes.map((w) => w.batch[0]?.job.id).sort()).toEqual(['job-1', 'job-2']);
    for (const write of writes) write.finish();
    await until(() => relay.inFlight === 0);
    expect(flow.sending).toBe(0);
    await relay.stop({ timeoutMs: 20 });
  });
});
