import type { JsonObject, Trigger } from '@hookrelay/core';

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
}

export interface ClaimResult {
  jobs: ClaimedJob[];
  /**
   * Ids picked but not claimed: their webhook is not active, yet they escaped the pause, or (rarely) a
   * concurrent update moved them while they were picked (see CLAIM_SQL). For `pauseStrays`, which pauses
   * only those whose webhook is not active; the others are picked again by a later claim. A claim that
   * returns fewer jobs and strays together than asked ran dry.
   */
  strays: string[];
}

export const JOB_STATUSES_AFTER_ATTEMPT = ['delivered', 'pending', 'dead'] as const;
export type JobStatusAfterAttempt = (typeof JOB_STATUSES_AFTER_ATTEMPT)[number];

export const ATTEMPT_OUTCOMES = ['delivered', 'retry', 'dead'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

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
