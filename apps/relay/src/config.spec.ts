import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const KEY = Buffer.alloc(32, 1).toString('base64');

describe('loadConfig', () => {
  it('needs only DATABASE_URL and HOOKRELAY_ENCRYPTION_KEY', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', HOOKRELAY_ENCRYPTION_KEY: KEY });
    expect(config.port).toBe(3001);
    expect(config.leaseMs).toBe(60_000);
    expect(config.timeoutMs).toBe(15_000);
    expect(config.allowPrivateTargets).toBe(false);
    expect(config.httpClient).toBe('undici');
    expect(config.retrySchedule[0]).toBe(0);
  });

  it('reads durations and the retry schedule', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://x@127.0.0.1/db',
      HOOKRELAY_ENCRYPTION_KEY: KEY,
      HOOKRELAY_RETRY_SCHEDULE: '0,1s,2s',
      HOOKRELAY_RELAY_TIMEOUT: '2s',
      HOOKRELAY_RELAY_LEASE: '1m',
      HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'true',
      HOOKRELAY_RELAY_RETENTION_DELIVERED: '2d',
    });
    expect(config.retrySchedule).toEqual([0, 1000, 2000]);
    expect([config.timeoutMs, config.leaseMs]).toEqual([2000, 60_000]);
    expect(config.retention).toEqual({ deliveredMs: 2 * 86_400_000, undeliveredMs: 30 * 86_400_000 });
    expect(config.allowPrivateTargets).toBe(true);
  });

  it('keeps delivered jobs 7 days and dead or cancelled ones 30 by default', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', HOOKRELAY_ENCRYPTION_KEY: KEY });
    expect(config.retention).toEqual({ deliveredMs: 7 * 86_400_000, undeliveredMs: 30 * 86_400_000 });
  });

  it('names the two settings that replace the single retention', () => {
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://x@127.0.0.1/db',
        HOOKRELAY_ENCRYPTION_KEY: KEY,
        HOOKRELAY_RELAY_RETENTION: '30d',
      }),
    ).toThrow(/HOOKRELAY_RELAY_RETENTION: is replaced by HOOKRELAY_RELAY_RETENTION_DELIVERED/);
  });

  it('keeps the adaptive limit of a destination within the host and global concurrency', () => {
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1/db', HOOKRELAY_ENCRYPTION_KEY: KEY };
    const defaults = loadConfig(base);
    expect([defaults.hostConcurrencyStart, defaults.hostConcurrency, defaults.concurrency]).toEqual([
      4, 256, 512,
    ]);
    const small = loadConfig({
      ...base,
      HOOKRELAY_RELAY_CONCURRENCY: '8',
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '16',
      HOOKRELAY_RELAY_HOST_CONCURRENCY_START: '10',
    });
    expect([small.hostConcurrencyStart, small.hostConcurrency]).toEqual([8, 8]);
  });

  it('reads the circuit settings; the maximum cool-down is never below the first', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://x@127.0.0.1/db',
      HOOKRELAY_ENCRYPTION_KEY: KEY,
      HOOKRELAY_RELAY_CIRCUIT_THRESHOLD: '3',
      HOOKRELAY_RELAY_CIRCUIT_COOLDOWN: '30s',
      HOOKRELAY_RELAY_CIRCUIT_MAX_COOLDOWN: '10s',
    });
    expect([config.circuitThreshold, config.circuitCooldownMs, config.circuitMaxCooldownMs]).toEqual([
      3, 30_000, 30_000,
    ]);
  });

  it('lists every bad variable in one clear error', () => {
    let error: unknown;
    try {
      loadConfig({
        HOOKRELAY_ENCRYPTION_KEY: 'short',
        HOOKRELAY_RELAY_TIMEOUT: 'soon',
        HOOKRELAY_HTTP_CLIENT: 'curl',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      'DATABASE_URL',
      'HOOKRELAY_ENCRYPTION_KEY',
      'HOOKRELAY_RELAY_TIMEOUT',
      'HOOKRELAY_HTTP_CLIENT',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('refuses a lease shorter than twice the request timeout', () => {
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://x@127.0.0.1/db',
        HOOKRELAY_ENCRYPTION_KEY: KEY,
        HOOKRELAY_RELAY_TIMEOUT: '30s',
        HOOKRELAY_RELAY_LEASE: '45s',
      }),
    ).toThrow(/LEASE/);
  });
});
