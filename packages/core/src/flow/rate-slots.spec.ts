import { describe, expect, it } from 'vitest';
import { rateIntervalMs, rateSlots } from './rate-slots';

describe('rate slots', () => {
  it('hands out one second of slots at most, never more than the rate', () => {
    const intervalMs = rateIntervalMs(20);
    expect(rateSlots({ waitMs: -3000, intervalMs, horizonMs: 1000 })).toBe(20);
    expect(rateSlots({ waitMs: 0, intervalMs, horizonMs: 1000 })).toBe(20);
    expect(rateSlots({ waitMs: 500, intervalMs, horizonMs: 1000 })).toBe(10);
    expect(rateSlots({ waitMs: 999, intervalMs, horizonMs: 1000 })).toBe(1);
    expect(rateSlots({ waitMs: 1000, intervalMs, horizonMs: 1000 })).toBe(0);
  });

  it('gives a slow rate a slot only when it begins within the horizon', () => {
    const intervalMs = rateIntervalMs(0.5);
    expect(rateSlots({ waitMs: 0, intervalMs, horizonMs: 1000 })).toBe(1);
    expect(rateSlots({ waitMs: 1500, intervalMs, horizonMs: 1000 })).toBe(0);
  });
});
