import { MAX_RETRY_AFTER_MS } from './retry-after';

/** ±20 % around each step, so retries of many jobs failed together spread out. */
export const RETRY_JITTER = 0.2;

/**
 * The wait before the next attempt, or null when the schedule is used up (the job is dead).
 * `attemptsMade` counts attempts already made (≥ 1 after a failure); `random` returns [0, 1).
 * A Retry-After from the receiver is honoured: we never come back sooner than it asked (clamped).
 */
export function nextRetryDelay(input: {
  attemptsMade: number;
  schedule: readonly number[];
  random: () => number;
  retryAfterMs?: number;
}): number | null {
  const step = input.schedule[input.attemptsMade];
  if (step === undefined) return null;
  const jittered = Math.round(step * (1 - RETRY_JITTER + 2 * RETRY_JITTER * input.random()));
  if (input.retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(Math.max(input.retryAfterMs, 0), MAX_RETRY_AFTER_MS));
}
