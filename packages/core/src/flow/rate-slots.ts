/**
 * `rate_limit` as a queue of send slots spaced `1000 / rate` ms apart (GCRA with no burst): a claim takes
 * the slots that begin within the next `horizonMs`, so any one-second window holds at most `rate` sends,
 * whichever relays send them. `waitMs` is how long until the next free slot (≤ 0: free now).
 */
export function rateSlots(input: { waitMs: number; intervalMs: number; horizonMs: number }): number {
  const start = Math.max(0, input.waitMs);
  if (start >= input.horizonMs) return 0;
  return Math.ceil((input.horizonMs - start) / input.intervalMs);
}

/** The spacing of a webhook's sends at `perSecond` requests per second. */
export function rateIntervalMs(perSecond: number): number {
  return 1000 / perSecond;
}
