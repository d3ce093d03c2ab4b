import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule } from '@hookrelay/core';
import { z } from 'zod';
import { parseDuration } from './duration';

/** undici: undici's pool directly; axios: axios as the interface, over an adapter on the same pool. */
export const HTTP_CLIENTS = ['undici', 'axios'] as const;
export type HttpClientKind = (typeof HTTP_CLIENTS)[number];

export interface RelayConfig {
  databaseUrl: string;
  port: number;
  /** base64 of 32 bytes: decrypts signing secrets and secret header values. */
  encryptionKey: string;
  allowPrivateTargets: boolean;
  /** ms; entry i = delay before attempt i+1. */
  retrySchedule: readonly number[];
  /** Simultaneous HTTP requests, all hosts together. */
  concurrency: number;
  /** The most simultaneous HTTP requests to one destination (its adaptive limit's ceiling). */
  hostConcurrency: number;
  /** Where a destination's adaptive limit starts. */
  hostConcurrencyStart: number;
  /** Answers slower than this do not grow a destination's limit. */
  slowResponseMs: number;
  /** Timeouts or connection failures in a row that open a destination's circuit. */
  circuitThreshold: number;
  /** The first cool-down of an open circuit; it doubles with each failed probe, up to the maximum. */
  circuitCooldownMs: number;
  circuitMaxCooldownMs: number;
  /** Jobs claimed per statement. */
  batchSize: number;
  leaseMs: number;
  timeoutMs: number;
  /** Safety-net polling interval; NOTIFY normally wakes the relay first. */
  pollMs: number;
  /** How long finished jobs are kept, with their attempts and snapshots; pending jobs always are. */
  retention: RetentionPolicy;
  /** How long a graceful stop waits for in-flight requests. */
  shutdownTimeoutMs: number;
  httpClient: HttpClientKind;
  logLevel: string;
  /** Names this relay in leases (locked_by) and logs. */
  relayId?: string;
}

export interface RetentionPolicy {
  /** Delivered jobs, counted from delivery. */
  deliveredMs: number;
  /** Dead and cancelled jobs, counted from their end: kept longer, for the admin to fix and replay. */
  undeliveredMs: number;
}

const duration = z.string().transform((text, ctx) => {
  try {
    return parseDuration(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const schedule = z.string().transform((text, ctx) => {
  try {
    return parseRetrySchedule(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (postgres://user@host:port/db)'),
  RELAY_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  HOOKRELAY_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes, base64-encoded'),
  HOOKRELAY_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false', '1', '0', '']).default('false'),
  HOOKRELAY_RETRY_SCHEDULE: schedule.optional(),
  HOOKRELAY_RELAY_CONCURRENCY: positiveInt.default(512),
  HOOKRELAY_RELAY_HOST_CONCURRENCY: positiveInt.default(256),
  HOOKRELAY_RELAY_HOST_CONCURRENCY_START: positiveInt.default(4),
  HOOKRELAY_RELAY_SLOW_RESPONSE: duration.default(1000),
  HOOKRELAY_RELAY_CIRCUIT_THRESHOLD: positiveInt.default(5),
  HOOKRELAY_RELAY_CIRCUIT_COOLDOWN: duration.default(10_000),
  HOOKRELAY_RELAY_CIRCUIT_MAX_COOLDOWN: duration.default(600_000),
  HOOKRELAY_RELAY_BATCH_SIZE: positiveInt.max(5000).default(250),
  HOOKRELAY_RELAY_LEASE: duration.default(60_000),
  HOOKRELAY_RELAY_TIMEOUT: duration.default(15_000),
  HOOKRELAY_RELAY_POLL_INTERVAL: duration.default(1000),
  HOOKRELAY_RELAY_RETENTION: z
    .undefined({
      message:
        'is replaced by HOOKRELAY_RELAY_RETENTION_DELIVERED (default 7d) and ' +
        'HOOKRELAY_RELAY_RETENTION_UNDELIVERED (dead and cancelled jobs, default 30d)',
    })
    .optional(),
  HOOKRELAY_RELAY_RETENTION_DELIVERED: duration.default(7 * 86_400_000),
  HOOKRELAY_RELAY_RETENTION_UNDELIVERED: duration.default(30 * 86_400_000),
  HOOKRELAY_RELAY_SHUTDOWN_TIMEOUT: duration.default(10_000),
  HOOKRELAY_HTTP_CLIENT: z.enum(HTTP_CLIENTS).default('undici'),
  HOOKRELAY_RELAY_ID: z.string().min(1).max(200).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid relay configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const hostConcurrency = Math.min(e.HOOKRELAY_RELAY_HOST_CONCURRENCY, e.HOOKRELAY_RELAY_CONCURRENCY);
  const config: RelayConfig = {
    databaseUrl: e.DATABASE_URL,
    port: e.RELAY_PORT,
    encryptionKey: e.HOOKRELAY_ENCRYPTION_KEY,
    allowPrivateTargets:
      e.HOOKRELAY_ALLOW_PRIVATE_TARGETS === 'true' || e.HOOKRELAY_ALLOW_PRIVATE_TARGETS === '1',
    retrySchedule: e.HOOKRELAY_RETRY_SCHEDULE ?? DEFAULT_RETRY_SCHEDULE,
    concurrency: e.HOOKRELAY_RELAY_CONCURRENCY,
    hostConcurrency,
    hostConcurrencyStart: Math.min(e.HOOKRELAY_RELAY_HOST_CONCURRENCY_START, hostConcurrency),
    slowResponseMs: e.HOOKRELAY_RELAY_SLOW_RESPONSE,
    circuitThreshold: e.HOOKRELAY_RELAY_CIRCUIT_THRESHOLD,
    circuitCooldownMs: e.HOOKRELAY_RELAY_CIRCUIT_COOLDOWN,
    circuitMaxCooldownMs: Math.max(
      e.HOOKRELAY_RELAY_CIRCUIT_MAX_COOLDOWN,
      e.HOOKRELAY_RELAY_CIRCUIT_COOLDOWN,
    ),
    batchSize: e.HOOKRELAY_RELAY_BATCH_SIZE,
    leaseMs: e.HOOKRELAY_RELAY_LEASE,
    timeoutMs: e.HOOKRELAY_RELAY_TIMEOUT,
    pollMs: e.HOOKRELAY_RELAY_POLL_INTERVAL,
    retention: {
      deliveredMs: e.HOOKRELAY_RELAY_RETENTION_DELIVERED,
      undeliveredMs: e.HOOKRELAY_RELAY_RETENTION_UNDELIVERED,
    },
    shutdownTimeoutMs: e.HOOKRELAY_RELAY_SHUTDOWN_TIMEOUT,
    httpClient: e.HOOKRELAY_HTTP_CLIENT,
    logLevel: e.LOG_LEVEL,
  };
  if (e.HOOKRELAY_RELAY_ID) config.relayId = e.HOOKRELAY_RELAY_ID;
  if (config.leaseMs < config.timeoutMs * 2) {
    throw new ConfigError(
      `Invalid relay configuration:\n  HOOKRELAY_RELAY_LEASE (${config.leaseMs} ms) must be at least twice HOOKRELAY_RELAY_TIMEOUT (${config.timeoutMs} ms)`,
    );
  }
  return config;
}
