import { describe, expect, it } from 'vitest';
import {
  allowedInFlight,
  limitSignalOf,
  nextLimit,
  startLimit,
  type AdaptiveLimit,
  type AdaptiveLimitPolicy,
  type LimitSignal,
} from './adaptive-limit';

const POLICY: AdaptiveLimitPolicy = { initial: 4, min: 1, max: 32, decrease: 0.5, fastMs: 1000 };

function answer(
  state: AdaptiveLimit,
  signal: LimitSignal,
  at: { startedAt?: number; inFlight?: number } = {},
) {
  return nextLimit(
    state,
    {
      signal,
      startedAt: at.startedAt ?? 0,
      finishedAt: 100,
      inFlight: at.inFlight ?? allowedInFlight(state),
    },
    POLICY,
  );
}

describe('adaptive limit (AIMD)', () => {
  it('starts small and grows by one per fast answer while it is in use', () => {
    let state = startLimit(POLICY);
    expect(allowedInFlight(state)).toBe(4);
    for (let i = 0; i < 10; i++) state = answer(state, 'fast');
    expect(allowedInFlight(state)).toBe(14);
  });

  it('does not grow while less than half of it is in use', () => {
    const state = startLimit(POLICY);
    expect(allowedInFlight(answer(state, 'fast', { inFlight: 1 }))).toBe(4);
    expect(allowedInFlight(answer(state, 'fast', { inFlight: 2 }))).toBe(5);
  });

  it('never passes the maximum nor falls below the minimum', () => {
    let state = startLimit(POLICY);
    for (let i = 0; i < 100; i++) state = answer(state, 'fast');
    expect(allowedInFlight(state)).toBe(32);
    for (let i = 0; i < 20; i++) state = answer(state, 'overload', { startedAt: 1000 + i });
    expect(allowedInFlight(state)).toBe(1);
  });

  it('halves on overload, once for all the requests that were in flight together', () => {
    let state: AdaptiveLimit = { limit: 16, decreasedAt: Number.NEGATIVE_INFINITY };
    // 16 requests started at 0..15 all time out at 100
    for (let i = 0; i < 16; i++) state = answer(state, 'overload', { startedAt: i });
    expect(allowedInFlight(state)).toBe(8);
    // a request started after that decrease fails too: another halving
    state = answer(state, 'overload', { startedAt: 150 });
    expect(allowedInFlight(state)).toBe(4);
  });

  it('holds the limit on slow answers', () => {
    const state = startLimit(POLICY);
    expect(answer(state, 'slow')).toBe(state);
  });

  it.each([
    [{ kind: 'unreachable' as const }, 'overload'],
    [{ kind: 'response' as const, status: 429, durationMs: 5 }, 'overload'],
    [{ kind: 'response' as const, status: 503, durationMs: 5 }, 'overload'],
    [{ kind: 'response' as const, status: 200, durationMs: 5 }, 'fast'],
    [{ kind: 'response' as const, status: 404, durationMs: 1000 }, 'fast'],
    [{ kind: 'response' as const, status: 200, durationMs: 5000 }, 'slow'],
  ])('reads %j as %s', (result, signal) => {
    expect(limitSignalOf(result, POLICY)).toBe(signal);
  });
});
