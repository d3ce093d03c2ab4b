import { limitSignalOf, parseRetryAfter, type LimitSignal } from '@hookrelay/core';
import { type SendResult } from '../http/http-sender';

export interface FlowSignals {
  /** What the answer says about the destination's capacity; null for a request refused before sending. */
  limit: LimitSignal | null;
  /** Whether the destination could be reached; null when the request never tried to. */
  reachable: boolean | null;
  /** A 429 (its Retry-After, or a second), or a 5xx with Retry-After: the destination waits this long (ms). */
  pauseMs: number | null;
}

/** A 429 without (a readable) Retry-After still holds the destination back this long. */
const BARE_429_PAUSE_MS = 1000;

/**
 * What one exchange tells flow control (docs/adr/0007-flow-control.md). A pause is clamped to `maxPauseMs`:
 * a receiver may ask its own job to wait a day, but not every webhook of the account to its host.
 */
export function flowSignalsOf(
  result: SendResult,
  input: { fastMs: number; now: Date; maxPauseMs: number },
): FlowSignals {
  if (result.kind === 'error') {
    const unreachable = result.error === 'timeout' || result.error === 'network';
    return {
      limit: unreachable ? limitSignalOf({ kind: 'unreachable' }, input) : null,
      reachable: unreachable ? false : null,
      pauseMs: null,
    };
  }
  const throttled = result.status === 429 || result.status >= 500;
  const header = result.headers['retry-after'];
  const retryAfter = throttled
    ? parseRetryAfter(Array.isArray(header) ? header[0] : header, input.now)
    : undefined;
  const asked = retryAfter !== undefined && retryAfter > 0 ? retryAfter : undefined;
  return {
    limit: limitSignalOf({ kind: 'response', status: result.status, durationMs: result.durationMs }, input),
    reachable: true,
    pauseMs:
      asked !== undefined
        ? Math.min(asked, input.maxPauseMs)
        : result.status === 429
          ? BARE_429_PAUSE_MS
          : null,
  };
}
