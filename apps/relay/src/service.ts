import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createSecretBox } from '@hookrelay/core';
import {
  BUILTIN_TARGET_PLUGINS,
  createTargetRegistry,
  loadTargetPlugins,
  parseTargetPluginNames,
} from '@hookrelay/targets';
import { type Logger } from 'pino';
import { type RelayConfig } from './config';
import { MAX_LOGGED_RESPONSE_BYTES } from './delivery/attempt-log';
import { toDeliverableWebhook } from './delivery/deliverable-webhook';
import { WebhookCache } from './delivery/webhook-cache';
import { createSender } from './http/create-sender';
import { ConcurrencyLimiter } from './limits/concurrency-limiter';
import { OriginThroughput } from './limits/origin-throughput';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { runMigrationsInChild } from './migrate-child';
import { CompletionBuffer } from './outbox/completion-buffer';
import { createRelayPools } from './outbox/connections';
import { NotifyListener } from './outbox/notify-listener';
import { OutboxStore } from './outbox/outbox-store';
import { RetentionPruner } from './outbox/retention';
import { Relay } from './relay';
import { startServer } from './server';

export interface RelayService {
  relayId: string;
  relay: Relay;
  pruner: RetentionPruner;
  /** The port /health and /metrics listen on. */
  port: number;
  /** Graceful and idempotent: stop claiming, finish or release in-flight jobs, close everything. */
  stop(input?: { timeoutMs?: number }): Promise<void>;
}

/** Wires the relay together and starts it: migrations, pool, LISTEN, loop, pruner, HTTP server. */
export async function startRelayService(
  config: RelayConfig,
  options: { logger?: Logger; migrate?: boolean; targetPlugins?: string } = {},
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
  const sender = createSender({
    kind: config.httpClient,
    connectionsPerOrigin: config.hostConcurrency,
    guardPrivateTargets: !config.allowPrivateTargets,
    maxResponseBytes: MAX_LOGGED_RESPONSE_BYTES,
    connectTimeoutMs: config.timeoutMs,
  });
  const metrics = createMetrics(() => store.queueStats());
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
    webhooks,
    completions,
    metrics,
    logger,
    delivery: {
      sender,
      limiter: new ConcurrencyLimiter({ total: config.concurrency, perKey: config.hostConcurrency }),
      timeoutMs: config.timeoutMs,
      leaseMs: config.leaseMs,
      guardPrivateTargets: !config.allowPrivateTargets,
      now: () => new Date(),
      random: Math.random,
      defaultSchedule: config.retrySchedule,
      maxWaitingPerOrigin: config.maxWaitingPerHost,
      throughput: new OriginThroughput(),
    },
    batchSize: config.batchSize,
    leaseMs: config.leaseMs,
    pollMs: config.pollMs,
    // room for two batches besides the requests in flight (a claim now takes a few ms, a record waits up
    // to 50 ms): 4 batches delivered as fast and held ~30 MB more (bench: RSS 211-222 against 180-184 MB,
    // both then with TypeORM loaded; the longer-held jobs promoted to the old generation); 1 batch starved
    // the pipeline (-25 %/s)
    maxHeld: config.concurrency + 2 * config.batchSize,
  });
  const listener = new NotifyListener({
    databaseUrl: config.databaseUrl,
    applicationName: `hookrelay-listen ${relayId}`,
    onNotify: () => relay.wake(),
    logger,
  });
  const pruner = new RetentionPruner({
    store,
    retentionMs: config.retentionMs,
    intervalMs: Math.min(60_000, Math.max(1000, Math.floor(config.retentionMs / 10))),
    logger,
  });
  const server = await startServer({
    port: config.port,
    registry: metrics.registry,
    isHealthy: () => relay.status === 'running',
  });
  relay.start();
  await listener.start();
  pruner.start();
  logger.info(
    {
      relayId,
      port: server.port,
      httpClient: config.httpClient,
      concurrency: config.concurrency,
      hostConcurrency: config.hostConcurrency,
      batchSize: config.batchSize,
      guardPrivateTargets: !config.allowPrivateTargets,
    },
    'relay started',
  );

  let stopped: Promise<void> | undefined;
  const stop = async (timeoutMs: number) => {
    await listener.stop();
    await pruner.stop();
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
    port: server.port,
    stop: (input = {}) => (stopped ??= stop(input.timeoutMs ?? config.shutdownTimeoutMs)),
  };
}
