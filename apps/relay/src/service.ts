import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createSecretBox } from '@hookrelay/core';
import {
  BUILTIN_TARGET_PLUGINS,
  createTargetRegistry,
  loadTargetPlugins,
  parseTargetPluginNames,
  type TargetRegistry,
  unloadedKinds,
} from '@hookrelay/targets';
import { type Logger } from 'pino';
import { type RelayConfig } from './config';
import { MAX_LOGGED_RESPONSE_BYTES } from './delivery/attempt-log';
import { toDeliverableWebhook } from './delivery/deliverable-webhook';
import { WebhookCache } from './delivery/webhook-cache';
import { createSender } from './http/create-sender';
import { type HttpSender } from './http/http-sender';
import { DestinationReporter } from './flow/destination-reporter';
import { FlowControl } from './flow/flow-control';
import { WaitingJobsSweeper } from './flow/waiting-jobs-sweeper';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { runMigrationsInChild } from './migrate-child';
import { CompletionBuffer } from './outbox/completion-buffer';
import { HeldJobsSweeper } from './outbox/held-jobs-sweeper';
import { createRelayPools } from './outbox/connections';
import { DestinationStore } from './outbox/destination-store';
import { NotifyListener } from './outbox/notify-listener';
import { OutboxStore } from './outbox/outbox-store';
import { RetentionPruner } from './outbox/retention';
import { Relay } from './relay';
import { startServer } from './server';

/** A claim takes a rate-limited webhook's send slots up to this far ahead (see core rateSlots). */
const RATE_HORIZON_MS = 1000;
const PROBE_LEASE_MARGIN_MS = 5000;
/** Lanes one read returns at most; past it, reads take turns through the rest (LANES_SQL's cursor). */
const MAX_LANES_PER_CLAIM = 4000;
const SWEEP_INTERVAL_MS = 10_000;
/** Held jobs nobody released are rare (a crash between a job's end and its release): a slow net. */
const HELD_SWEEP_INTERVAL_MS = 30_000;

export interface RelayService {
  relayId: string;
  relay: Relay;
  pruner: RetentionPruner;
  heldSweeper: HeldJobsSweeper;
  /** The port /health and /metrics listen on. */
  port: number;
  /** Graceful and idempotent: stop claiming, finish or release in-flight jobs, close everything. */
  stop(input?: { timeoutMs?: number }): Promise<void>;
}

export interface RelayServiceOptions {
  logger?: Logger;
  /** Run the migrations first (in a child process); default true. */
  migrate?: boolean;
  targetPlugins?: string;
  /** The HTTP client; by default the one `config.httpClient` names. Destroyed by `stop`. */
  sender?: HttpSender;
}

/** Wires the relay together and starts it: migrations, pool, LISTEN, loop, pruner, HTTP server. */
export async function startRelayService(
  config: RelayConfig,
  options: RelayServiceOptions = {},
): Promise<RelayService> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (options.migrate !== false) await runMigrationsInChild(config.databaseUrl);
  const relayId = config.relayId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pools = createRelayPools({
    databaseUrl: config.databaseUrl,
    applicationName: `hookrelay-relay ${relayId}`,
  });
  for (const pool of [pools.pool, pools.claimPool])
    pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  const store = new OutboxStore(pools.pool, relayId, { claimPool: pools.claimPool });
  const box = createSecretBox(config.encryptionKey);
  const targets = createTargetRegistry([
    ...BUILTIN_TARGET_PLUGINS,
    ...loadTargetPlugins(
      parseTargetPluginNames(options.targetPlugins ?? process.env.HOOKRELAY_TARGET_PLUGINS),
    ),
  ]);
  const webhooks = new WebhookCache({
    load: (ids) => store.loadWebhooks(ids),
    prepare: (row) => toDeliverableWebhook({ row, box, targets, defaultSchedule: config.retrySchedule }),
  });
  const destinations = new DestinationStore(pools.pool);
  const sender =
    options.sender ??
    createSender({
      kind: config.httpClient,
      // destinations are per account, several may share an origin: flow control bounds the requests, the
      // pool never makes one wait
      connectionsPerOrigin: config.concurrency,
      guardPrivateTargets: !config.allowPrivateTargets,
      maxResponseBytes: MAX_LOGGED_RESPONSE_BYTES,
      connectTimeoutMs: config.timeoutMs,
    });
  const flow = new FlowControl({
    limit: {
      initial: config.hostConcurrencyStart,
      min: 1,
      max: config.hostConcurrency,
      decrease: 0.5,
      fastMs: config.slowResponseMs,
    },
    rateHorizonMs: RATE_HORIZON_MS,
  });
  const metrics = createMetrics({
    readQueue: () => store.queueStats(),
    readBlocked: () => destinations.blocked(),
    inFlight: () => flow.sending,
  });
  const reporter = new DestinationReporter({
    store: destinations,
    policy: {
      threshold: config.circuitThreshold,
      cooldownMs: config.circuitCooldownMs,
      maxCooldownMs: config.circuitMaxCooldownMs,
    },
    logger,
    flushMs: 25,
    onTransition: ({ to }) => metrics.recordCircuitChange(to),
  });
  const completions = new CompletionBuffer({
    write: (batch) => store.complete(batch),
    // PostgreSQL's cost per attempt falls with the batch (bench/pg-cost.ts: 66 µs at 100, 45 at 500);
    // 50 ms is far below the lease and the receiver has the request already
    maxBatch: 1000,
    maxDelayMs: 50,
    maxConcurrentWrites: 3,
  });
  const relay = new Relay({
    store,
    destinations,
    webhooks,
    completions,
    flow,
    reporter,
    metrics,
    logger,
    delivery: {
      sender,
      timeoutMs: config.timeoutMs,
      leaseMs: config.leaseMs,
      guardPrivateTargets: !config.allowPrivateTargets,
      now: () => new Date(),
      random: Math.random,
      defaultSchedule: config.retrySchedule,
    },
    concurrency: config.concurrency,
    // room for two batches besides the requests in flight (a claim takes a few ms, a record waits up to
    // 50 ms): more only holds memory longer, fewer starves the pipeline (docs/benchmarks.md)
    maxHeld: config.concurrency + 2 * config.batchSize,
    batchSize: config.batchSize,
    leaseMs: config.leaseMs,
    // a relay that dies with the probe frees the half-open circuit for another probe after this
    probeLeaseMs: config.timeoutMs + PROBE_LEASE_MARGIN_MS,
    rateHorizonMs: RATE_HORIZON_MS,
    pollMs: config.pollMs,
    maxLanes: MAX_LANES_PER_CLAIM,
    fastMs: config.slowResponseMs,
    maxPauseMs: config.circuitMaxCooldownMs,
  });
  const sweeper = new WaitingJobsSweeper({
    store: destinations,
    defaultSchedule: config.retrySchedule,
    intervalMs: Math.max(config.pollMs, Math.min(SWEEP_INTERVAL_MS, config.circuitCooldownMs)),
    logger,
  });
  const listener = new NotifyListener({
    databaseUrl: config.databaseUrl,
    applicationName: `hookrelay-listen ${relayId}`,
    onNotify: () => relay.wake(),
    logger,
  });
  const pruner = new RetentionPruner({
    store,
    destinations,
    retention: config.retention,
    intervalMs: Math.min(
      60_000,
      Math.max(1000, Math.floor(Math.min(config.retention.deliveredMs, config.retention.undeliveredMs) / 10)),
    ),
    logger,
  });
  const heldSweeper = new HeldJobsSweeper({ pool: pools.pool, intervalMs: HELD_SWEEP_INTERVAL_MS, logger });
  const server = await startServer({
    port: config.port,
    registry: metrics.registry,
    isHealthy: () => relay.status === 'running',
    plugins: targets.list().map((plugin) => plugin.kind),
  });
  await warnOfUnloadedPlugins({ store, targets, logger });
  relay.start();
  await listener.start();
  pruner.start();
  sweeper.start();
  heldSweeper.start();
  logger.info(
    {
      relayId,
      port: server.port,
      httpClient: options.sender ? 'given by the caller' : config.httpClient,
      concurrency: config.concurrency,
      hostConcurrency: `${config.hostConcurrencyStart}..${config.hostConcurrency}`,
      batchSize: config.batchSize,
      guardPrivateTargets: !config.allowPrivateTargets,
    },
    'relay started',
  );

  let stopped: Promise<void> | undefined;
  const stop = async (timeoutMs: number) => {
    await listener.stop();
    await pruner.stop();
    await sweeper.stop();
    await heldSweeper.stop();
    await relay.stop({ timeoutMs });
    // the relay has released what it still held: whatever is still on the wire is cut, not waited for
    await sender.destroy().catch(() => undefined);
    await relay.recordCutAttempts({ timeoutMs: 1000 });
    await server.close();
    await pools.end();
    logger.info({ relayId }, 'relay stopped');
  };
  return {
    relayId,
    relay,
    pruner,
    heldSweeper,
    port: server.port,
    stop: (input = {}) => (stopped ??= stop(input.timeoutMs ?? config.shutdownTimeoutMs)),
  };
}

/** Webhooks whose target plugin this relay lacks get their jobs killed: say so once, at start. */
async function warnOfUnloadedPlugins(input: {
  store: OutboxStore;
  targets: TargetRegistry;
  logger: Logger;
}): Promise<void> {
  const missing = unloadedKinds(input.targets, await input.store.targetKindsInUse());
  if (missing.length === 0) return;
  input.logger.warn(
    { plugins: missing },
    'webhooks use target plugins this relay has not loaded (HOOKRELAY_TARGET_PLUGINS): their deliveries ' +
      'go dead instead of being sent',
  );
}
