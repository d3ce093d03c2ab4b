import { describe, expect, it } from 'vitest';
import { decideTransition } from './transition';

const now = new Date('2026-01-01T00:00:00Z');
const schedule = [0, 5000, 300_000];
const base = { schedule, retryAfterHeader: undefined, now, random: () => 0.5 };

describe('decideTransition', () => {
  it('delivered clears the error', () => {
    expect(decideTransition({ ...base, outcome: { kind: 'delivered' }, attemptsMade: 1 })).toEqual({
      status: 'delivered',
      retryDelayMs: null,
      lastError: null,
    });
  });

  it('a retry waits the next step of the schedule', () => {
    const t = decideTransition({ ...base, outcome: { kind: 'retry', reason: 'HTTP 500' }, attemptsMade: 1 });
    expect(t.status).toBe('pending');
    // ±20 % jitter around 5 s
    expect(t.retryDelayMs).toBeGreaterThanOrEqual(4000);
    expect(t.retryDelayMs).toBeLessThanOrEqual(6000);
    expect(t.lastError).toBe('HTTP 500');
  });

  it('Retry-After wins over the schedule', () => {
    const t = decideTransition({
      ...base,
      outcome: { kind: 'retry', reason: '429' },
      attemptsMade: 1,
      retryAfterHeader: '120',
    });
    expect(t.retryDelayMs).toBeGreaterThanOrEqual(100_000);
  });

  it('a retry with the schedule used up is dead', () => {
    const t = decideTransition({ ...base, outcome: { kind: 'retry', reason: 'HTTP 503' }, attemptsMade: 3 });
    expect(t.status).toBe('dead');
    expect(t.lastError).toMatch(/gave up after 3 attempts: HTTP 503/);
  });

  it('dead with disable carries the reason for the webhook', () => {
    const t = decideTransition({
      ...base,
      outcome: { kind: 'dead', reason: 'HTTP 410 Gone', disableWebhook: true },
      attemptsMade: 1,
    });
    expect(t.status).toBe('dead');
    expect(t.disableWebhookReason).toMatch(/410/);
  });
});
