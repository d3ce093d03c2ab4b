/**
 * How many requests one relay keeps in flight to one destination: additive increase while answers are
 * quick, multiplicative decrease on signs of overload (AIMD, as TCP and Netflix's concurrency-limits do).
 * See docs/adr/0007-flow-control.md.
 */
export interface AdaptiveLimitPolicy {
  /** Where a destination the relay has not talked to yet starts. */
  initial: number;
  min: number;
  max: number;
  /** The limit is multiplied by this on an overload signal. */
  decrease: number;
  /** Answers slower than this hold the limit where it is instead of growing it. */
  fastMs: number;
}

export interface AdaptiveLimit {
  /** Fractional: the whole part is the number of requests allowed in flight. */
  readonly limit: number;
  /** Answers to requests started before this (ms) do not decrease the limit again. */
  readonly decreasedAt: number;
}

/** What one finished request says about the destination's capacity. */
export const LIMIT_SIGNALS = ['fast', 'slow', 'overload'] as const;
export type LimitSignal = (typeof LIMIT_SIGNALS)[number];

export function startLimit(policy: AdaptiveLimitPolicy): AdaptiveLimit {
  return { limit: clampLimit(policy.initial, policy), decreasedAt: Number.NEGATIVE_INFINITY };
}

/** Requests the limit allows in flight now. */
export function allowedInFlight(state: AdaptiveLimit): number {
  return Math.floor(state.limit);
}

/**
 * Timeouts, network errors, 429 and 5xx are overload; any other answer is fast or slow by its duration.
 * A request refused before it was sent (SSRF, a body too large) says nothing and gives no signal.
 */
export function limitSignalOf(
  result: { kind: 'response'; status: number; durationMs: number } | { kind: 'unreachable' },
  policy: Pick<AdaptiveLimitPolicy, 'fastMs'>,
): LimitSignal {
  if (result.kind === 'unreachable') return 'overload';
  if (result.status === 429 || result.status >= 500) return 'overload';
  return result.durationMs <= policy.fastMs ? 'fast' : 'slow';
}

/**
 * The limit after one answer. It grows by one per fast answer while it is what holds requests back (at
 * least half of it in use), so an idle destination does not drift to the maximum; it shrinks once per
 * round of requests: answers to requests sent before the last decrease (already in flight when the
 * destination struggled) do not shrink it again.
 */
export function nextLimit(
  state: AdaptiveLimit,
  input: { signal: LimitSignal; startedAt: number; finishedAt: number; inFlight: number },
  policy: AdaptiveLimitPolicy,
): AdaptiveLimit {
  switch (input.signal) {
    case 'overload':
      if (input.startedAt < state.decreasedAt) return state;
      return { limit: clampLimit(state.limit * policy.decrease, policy), decreasedAt: input.finishedAt };
    case 'fast':
      if (input.inFlight * 2 < allowedInFlight(state)) return state;
      return { ...state, limit: clampLimit(state.limit + 1, policy) };
    case 'slow':
      return state;
  }
}

function clampLimit(limit: number, policy: AdaptiveLimitPolicy): number {
  return Math.min(policy.max, Math.max(policy.min, limit));
}
