import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { type AttemptOutcome, type CircuitState } from '@hookrelay/core';
import { type BlockedDestinations } from './outbox/destination-store';

export interface RelayMetrics {
  registry: Registry;
  recordAttempt(outcome: AttemptOutcome, durationMs: number | null): void;
  recordLeaseLost(count: number): void;
  recordCircuitChange(to: CircuitState): void;
}

/**
 * Prometheus metrics. Queue depth, the oldest due job's age and the blocked destinations are read from
 * the database at scrape time (they describe state every relay shares, not this process).
 */
export function createMetrics(input: {
  readQueue: () => Promise<{ depth: number; oldestDueAgeSeconds: number }>;
  readBlocked: () => Promise<BlockedDestinations>;
  inFlight: () => number;
}): RelayMetrics {
  const { readQueue, readBlocked } = input;
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
  const circuitChanges = new Counter({
    name: 'hookrelay_relay_circuit_changes_total',
    help: 'Circuits this relay moved, by the state they moved to',
    labelNames: ['to'],
    registers: [registry],
  });
  new Gauge({
    name: 'hookrelay_relay_requests_in_flight',
    help: 'Requests this relay has under way (claimed jobs whose request has not ended)',
    registers: [registry],
    collect() {
      this.set(input.inFlight());
    },
  });
  const readBlockedOnce = oncePerScrape(readBlocked);
  new Gauge({
    name: 'hookrelay_relay_destinations_blocked',
    help: 'Destinations whose deliveries wait (all relays): circuit open or half_open, or paused by a 429 / Retry-After',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const { counts } = await readBlockedOnce();
      for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
    },
  });
  new Gauge({
    name: 'hookrelay_relay_destination_circuit_open',
    help: 'One series per destination whose circuit is open or half_open (1) (all relays)',
    labelNames: ['destination', 'origin', 'state'],
    registers: [registry],
    async collect() {
      const { open } = await readBlockedOnce();
      this.reset();
      for (const row of open) this.set({ destination: row.id, origin: row.origin, state: row.circuit }, 1);
    },
  });
  const queue = oncePerScrape(readQueue);
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
    recordCircuitChange(to) {
      circuitChanges.inc({ to });
    },
  };
}

/** One read shared by the gauges of one scrape (they collect at the same time), fresh at the next. */
function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= read().finally(() => setTimeout(() => (cached = undefined), 0)));
}
