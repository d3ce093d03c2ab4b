import { nextRetryDelay, parseRetryAfter, type Outcome } from '@hookrelay/core';
import { type JobStatusAfterAttempt } from '../outbox/types';

export interface Transition {
  status: JobStatusAfterAttempt;
  /** For a retry: how long from now. A delay, not a time: "due" is decided by the database's clock. */
  retryDelayMs: number | null;
  lastError: string | null;
  disableWebhookReason?: string;
}

/**
 * What happens to the job after an attempt with this outcome: delivered, retried after the schedule's
 * delay (or the receiver's Retry-After, clamped by core), or dead when the schedule is used up.
 */
export function decideTransition(input: {
  outcome: Outcome;
  attemptsMade: number;
  schedule: readonly number[];
  retryAfterHeader: string | undefined;
  now: Date;
  random: () => number;
}): Transition {
  const { outcome } = input;
  switch (outcome.kind) {
    case 'delivered':
      return { status: 'delivered', retryDelayMs: null, lastError: null };
    case 'dead':
      return {
        status: 'dead',
        retryDelayMs: null,
        lastError: outcome.reason,
        ...(outcome.disableWebhook
          ? { disableWebhookReason: `disabled by the relay: ${outcome.reason}` }
          : {}),
      };
    case 'retry': {
      const retryAfterMs = parseRetryAfter(input.retryAfterHeader, input.now);
      const delay = nextRetryDelay({
        attemptsMade: input.attemptsMade,
        schedule: input.schedule,
        random: input.random,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      if (delay === null) {
        return {
          status: 'dead',
          retryDelayMs: null,
          lastError: `gave up after ${input.attemptsMade} attempts: ${outcome.reason}`,
        };
      }
      return {
        status: 'pending',
        retryDelayMs: delay,
        lastError: outcome.reason,
      };
    }
  }
}
