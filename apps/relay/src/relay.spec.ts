import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { WebhookCache } from './delivery/webhook-cache';
import { type HttpSender } from './http/http-sender';
import { DestinationReporter } from './flow/destination-reporter';
import { FlowControl } from './flow/flow-control';
import { createMetrics } from './metrics';
import { CompletionBuffer } from './outbox/completion-buffer';
import { type DestinationStore } from './outbox/destination-store';
import { type OutboxStore } from './outbox/outbox-store';
import { type ClaimedJob, type FinishedAttempt, type Lane, type ReleasedJob } from './outbox/types';
import { Relay } from './relay';

function claimOf(attempt: number): ClaimedJob {
  return {
    id: 'job-1',
    accountId: 'account-1',
    webhookId: 'webhook-1',
    attempt,
    snapshot: {},
    trigger: 'create',
    webhookVersion: 'v1',
    claimedAt: Date.now(),
    destinationId: null,
    probe: false,
    sendInMs: 0,
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

/**
 * The outbox side is scripted here so the race is exact: the same job is claimed twice by this relay (its
 * first lease ran out while the attempt was still being recorded), and the first run ends first.
 */
describe('Relay', () => {
  it('counts a job claimed again while its older run still finishes until the newer run ends too', async () => {
    const claims = [[claimOf(1)], [claimOf(2)]];
    const released: ReleasedJob[] = [];
    const lane: Lane = {
      webhookId: 'webhook-1',
      accountId: 'account-1',
      active: true,
      destination: null,
      rateLimit: null,
      dueForMs: 0,
      rateWaitMs: null,
    };
    const store = {
      lanes: async () => (claims.length > 0 ? [lane] : []),
      claim: async () => claims.shift() ?? [],
      release: async (jobs: readonly ReleasedJob[]) => void released.push(...jobs),
    } as unknown as OutboxStore;
    // attempt records are written only when the test says so
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
    const relay = new Relay({
      store,
      destinations,
      flow: new FlowControl({
        limit: { initial: 4, min: 1, max: 4, decrease: 0.5, fastMs: 1000 },
        rateHorizonMs: 1000,
      }),
      reporter: new DestinationReporter({
        store: destinations,
        policy: { threshold: 5, cooldownMs: 1000, maxCooldownMs: 1000 },
        logger,
        flushMs: 5,
        onTransition: () => undefined,
      }),
      // no webhook found: the attempt is recorded as a retry without any request
      webhooks: new WebhookCache({ load: async () => [], prepare: () => ({}) as never }),
      completions,
      metrics: createMetrics({
        readQueue: async () => ({ depth: 0, oldestDueAgeSeconds: 0 }),
        readBlocked: async () => [],
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
});
