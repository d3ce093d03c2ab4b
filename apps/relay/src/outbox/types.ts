import type { AttemptOutcome, Circuit, JsonObject, Trigger } from '@hookrelay/core';

/** One outbox job as claimed: everything needed to render it, except the webhook (cached). */
export interface ClaimedJob {
  id: string;
  accountId: string;
  webhookId: string;
  /** The attempt number this claim makes (1 for the first). Part of the lease guard. */
  attempt: number;
  snapshot: JsonObject;
  trigger: Trigger;
  /** The webhook's updated_at (as text) when claimed: the webhook cache's validity check. */
  webhookVersion: string;
  /** When this relay claimed it (local clock, ms): the lease runs from here. */
  claimedAt: number;
  /** Its webhook's destination when the claim was planned; null for a webhook that has none yet. */
  destinationId: string | null;
  /** Set under per-element ordering: its end lets the next job of the key go. */
  orderingKey: string | null;
  /** The one request that decides whether its destination's open circuit closes. */
  probe: boolean;
  /** For the probe: the circuit's version after this relay's probe claim (to free it if unsent). */
  probeVersion?: number;
  /** A rate-limited webhook's job waits for its send slot until then (local clock, ms); else 0. */
  sendAt: number;
  /**
   * The latest start that keeps its webhook's rate (local clock, ms); Infinity when it has none. A job
   * not started by then goes back for a fresh slot rather than bunch with the slots after its own.
   */
  sendBy: number;
}

/** A destination's shared state as the relays read it; times relative to the database's clock. */
export interface DestinationState {
  id: string;
  circuit: Circuit;
  /** Compare-and-set guard of the circuit. */
  version: number;
  /** open: until the next probe may go; half_open: until the probe's claim runs out; null when closed. */
  retryInMs: number | null;
  /** > 0: paused by a 429 or Retry-After for this long. */
  pausedForMs: number | null;
}

/** One webhook with pending jobs, as LANES_SQL finds it. */
export interface Lane {
  webhookId: string;
  accountId: string;
  /** False: its pending jobs escaped the pause of a disabled webhook. */
  active: boolean;
  destination: DestinationState | null;
  rateLimit: number | null;
  /** Since when its oldest pending job is due (ms); negative: due in that long. */
  dueForMs: number;
  /** Until its next free send slot (ms); null before its first rate-limited claim. */
  rateWaitMs: number | null;
}

/** What a claim asks of each lane (the relay's plan). */
export interface LaneClaim {
  webhookId: string;
  accountId: string;
  quota: number;
  destinationId: string | null;
  /** Set for the lane that carries its destination's probe. */
  probe?: { destinationId: string; version: number };
  /** Set for a rate-limited webhook: its slot spacing. */
  rateIntervalMs?: number;
}

export const JOB_STATUSES_AFTER_ATTEMPT = ['delivered', 'pending', 'dead'] as const;
export type JobStatusAfterAttempt = (typeof JOB_STATUSES_AFTER_ATTEMPT)[number];

/** What one attempt produced, as stored in delivery_attempts. */
export interface AttemptLog {
  /** {method, url, headers (secret values redacted), body}. */
  request: JsonObject;
  responseStatus: number | null;
  responseHeaders: Record<string, string | string[]> | null;
  /** Truncated to 4 KiB. */
  responseBody: string | null;
  durationMs: number | null;
  error: string | null;
  outcome: AttemptOutcome;
}

/** The transition to apply to a job after one attempt, plus its log. */
export interface FinishedAttempt {
  job: ClaimedJob;
  status: JobStatusAfterAttempt;
  /** For status 'pending' (a retry): how long from the recording until the next attempt is due. */
  retryDelayMs: number | null;
  lastError: string | null;
  log: AttemptLog;
  /** Set when the webhook must be disabled (410 Gone). */
  disableWebhookReason?: string;
}

/** A claimed job given back unfinished (shutdown). */
export interface ReleasedJob {
  job: ClaimedJob;
  /** Whether the request went out; an unsent job gets its attempt back. */
  sent: boolean;
}
