import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { type AttemptOutcome } from './outbox/types';

export interface RelayMetrics {
  registry: Registry;
  recordAttempt(outcome: AttemptOutcome, durationMs: number | null): void;
  recordLeaseLost(count: number): void;
  recordGivenBack(count: number): void;
}

/**
 * Prometheus metrics. Queue depth and the oldest due job's age are read from the database at scrape
 * time (they describe the outbox, shared by every relay, not this process).
 */
export function createMetrics(
  readQueue: () => Promise<{ depth: number; oldestDueAgeSeconds: number }>,
): RelayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hookrelay_relay_' });
  const attempts = new Counter({
    name: 'hookrelay_relay_deliveries_total',
    help: 'Delivery attempts by outcome (delivered, retry, dead)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'hookrelay_relay_request_duration_seconds',
    help: 'Duration of delivery HTTP requests',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [registry],
  });
  const leaseLost = new Counter({
    name: 'hookrelay_relay_lease_lost_total',
    help: 'Attempts whose outcome was not applied because another relay had reclaimed the job',
    registers: [registry],
  });
  const givenBack = new Counter({
    name: 'hookrelay_relay_given_back_total',
    help: 'Claimed jobs handed back unsent because their origin already had a full queue in this relay',
    registers: [registry],
  });
  let cached: Promise<{ depth: number; oldestDueAgeSeconds: number }> | undefined;
  const queue = () => (cached ??= readQueue().finally(() => setTimeout(() => (cached = undefined), 0)));
  new Gauge({
    name: 'hookrelay_relay_queue_depth',
    help: 'Pending jobs in the outbox (all relays)',
    registers: [registry],
    async collect() {
      this.set((await queue()).depth);
    },
  });
  new Gauge({
    name: 'hookrelay_relay_oldest_pending_age_seconds',
    help: 'Age of the oldest job that is due and whose webhook is active',
    registers: [registry],
    async collect() {
      this.set((await queue()).oldestDueAgeSeconds);
    },
  });
  for (const outcome of ['delivered', 'retry', 'dead'] as const) attempts.inc({ outcome }, 0);
  return {
    registry,
    recordAttempt(outcome, durationMs) {
      attempts.inc({ outcome });
      if (durationMs !== null) latency.observe(durationMs / 1000);
    },
    recordLeaseLost(count) {
      leaseLost.inc(count);
    },
    recordGivenBack(count) {
      givenBack.inc(count);
    },
  };
}
