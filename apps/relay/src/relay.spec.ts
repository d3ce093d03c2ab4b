import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { WebhookCache } from './delivery/webhook-cache';
import { type HttpSender } from './http/http-sender';
import { ConcurrencyLimiter } from './limits/concurrency-limiter';
import { OriginThroughput } from './limits/origin-throughput';
import { createMetrics } from './metrics';
import { CompletionBuffer } from './outbox/completion-buffer';
import { type OutboxStore } from './outbox/outbox-store';
import { type ClaimedJob, type FinishedAttempt, type ReleasedJob } from './outbox/types';
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
    const store = {
      claim: async () => {
        const jobs = claims.shift() ?? [];
        return { jobs, strays: [] };
      },
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
    const relay = new Relay({
      store,
      // no webhook found: the attempt is recorded as a retry without any request
      webhooks: new WebhookCache({ load: async () => [], prepare: () => ({}) as never }),
      completions,
      metrics: createMetrics(async () => ({ depth: 0, oldestDueAgeSeconds: 0 })),
      logger: pino({ level: 'silent' }),
      delivery: {
        sender: {} as HttpSender,
        limiter: new ConcurrencyLimiter({ total: 4, perKey: 4 }),
        timeoutMs: 1000,
        leaseMs: 2000,
        guardPrivateTargets: false,
        now: () => new Date(),
        random: () => 0.5,
        defaultSchedule: [0, 1000],
        maxWaitingPerOrigin: 8,
        throughput: new OriginThroughput(),
      },
      batchSize: 10,
      leaseMs: 2000,
      pollMs: 5,
      maxHeld: 10,
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
