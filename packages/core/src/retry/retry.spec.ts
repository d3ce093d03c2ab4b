import { describe, expect, it } from 'vitest';
import { RetryScheduleError } from '../errors';
import { classifyOutcome, type DeliveryError, type Outcome } from './classify-outcome';
import { nextRetryDelay } from './next-retry-delay';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after';
import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule } from './retry-schedule';
import { retryWindowsMs } from './retry-window';

const H = 3_600_000;

describe('retry schedule', () => {
  it('is DESIGN §4 as data', () => {
    expect(DEFAULT_RETRY_SCHEDULE).toEqual([0, 5_000, 300_000, 1_800_000, 2 * H, 5 * H, 10 * H, 10 * H]);
  });

  it.each([
    ['0,5s,5m,30m,2h', [0, 5_000, 300_000, 1_800_000, 2 * H]],
    [' 250ms , 1.5s, 1d ', [250, 1_500, 24 * H]],
    ['100', [100]],
  ])('parses %j', (text, expected) => {
    expect(parseRetrySchedule(text)).toEqual(expected);
  });

  it.each([[''], ['5x'], ['5s,,5m'], ['-1s'], ['8d'], [Array(51).fill('1s').join(',')]])(
    'refuses %j',
    (text) => {
      expect(() => parseRetrySchedule(text)).toThrow(RetryScheduleError);
    },
  );

  it('names the bad step', () => {
    expect(() => parseRetrySchedule('0,5s,soon')).toThrow(/step 3 is "soon"/);
  });
});

describe('nextRetryDelay', () => {
  const schedule = [0, 5_000, 300_000];
  it.each([
    { attemptsMade: 1, random: 0.5, expected: 5_000 },
    { attemptsMade: 1, random: 0, expected: 4_000 },
    { attemptsMade: 1, random: 0.999999, expected: 6_000 },
    { attemptsMade: 2, random: 0.5, expected: 300_000 },
    { attemptsMade: 3, random: 0.5, expected: null },
    { attemptsMade: 0, random: 0.9, expected: 0 },
  ])('after $attemptsMade attempts with random $random → $expected', ({ attemptsMade, random, expected }) => {
    expect(nextRetryDelay({ attemptsMade, schedule, random: () => random })).toBe(expected);
  });

  it('honours a longer Retry-After, clamped, and never retries sooner than the schedule', () => {
    const base = { attemptsMade: 1, schedule, random: () => 0.5 };
    expect(nextRetryDelay({ ...base, retryAfterMs: 60_000 })).toBe(60_000);
    expect(nextRetryDelay({ ...base, retryAfterMs: 1_000 })).toBe(5_000);
    expect(nextRetryDelay({ ...base, retryAfterMs: 10 * 24 * H })).toBe(MAX_RETRY_AFTER_MS);
    expect(nextRetryDelay({ attemptsMade: 3, schedule, random: () => 0.5, retryAfterMs: 1_000 })).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2025-03-02T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['Sun, 02 Mar 2025 12:01:30 GMT', 90_000],
    ['Sun, 02 Mar 2025 11:00:00 GMT', 0],
    ['999999999', MAX_RETRY_AFTER_MS],
    ['Fri, 01 Jan 2100 00:00:00 GMT', MAX_RETRY_AFTER_MS],
    [undefined, undefined],
    ['', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('classifyOutcome', () => {
  const table: [{ status?: number; error?: DeliveryError }, Outcome['kind'], boolean?][] = [
    [{ status: 200 }, 'delivered'],
    [{ status: 204 }, 'delivered'],
    [{ status: 299 }, 'delivered'],
    [{ status: 301 }, 'dead', false],
    [{ status: 302 }, 'retry'],
    [{ status: 303 }, 'retry'],
    [{ status: 307 }, 'retry'],
    [{ status: 308 }, 'dead', false],
    [{ status: 400 }, 'dead', false],
    [{ status: 401 }, 'dead', false],
    [{ status: 404 }, 'dead', false],
    [{ status: 408 }, 'retry'],
    [{ status: 410 }, 'dead', true],
    [{ status: 422 }, 'dead', false],
    [{ status: 425 }, 'retry'],
    [{ status: 429 }, 'retry'],
    [{ status: 500 }, 'retry'],
    [{ status: 503 }, 'retry'],
    [{ error: 'timeout' }, 'retry'],
    [{ error: 'network' }, 'retry'],
    [{ error: 'ssrf' }, 'dead', false],
    [{ error: 'too_large' }, 'dead', false],
    [{ error: 'invalid_request' }, 'dead', false],
    [{ status: 200, error: 'timeout' }, 'retry'],
  ];
  it.each(table)('%j → %s (disable: %s)', (input, kind, disable) => {
    const outcome = classifyOutcome(input);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'dead') expect(outcome.disableWebhook).toBe(disable);
    if (outcome.kind !== 'delivered') expect(outcome.reason.length).toBeGreaterThan(0);
  });

  it.each([301, 302, 303, 307, 308])('HTTP %i names where it pointed', (status) => {
    const outcome = classifyOutcome({ status, location: 'https://new.example.com/hook' });
    expect(outcome.kind === 'delivered' ? '' : outcome.reason).toContain('https://new.example.com/hook');
  });
});

describe('retry window (how long a deferred job may wait)', () => {
  it('is the rest of the schedule after the attempt that is due', () => {
    const schedule = [0, 5_000, 300_000, 1_800_000];
    expect(retryWindowsMs(schedule)).toEqual([2_105_000, 2_100_000, 1_800_000, 0]);
    expect(retryWindowsMs([])).toEqual([]);
  });
});
