import { type Pool } from 'pg';
import { type ClaimedJob, type ClaimResult, type FinishedAttempt, type ReleasedJob } from './types';
import {
  CLAIM_SQL,
  COMPLETE_INPUT_FIELDS,
  COMPLETE_SQL,
  GIVE_BACK_SQL,
  LOAD_WEBHOOKS_SQL,
  PAUSE_STRAYS_SQL,
  PRUNE_ATTEMPTS_SQL,
  PRUNE_FINISHED_SQL,
  PRUNE_SNAPSHOTS_SQL,
  QUEUE_STATS_SQL,
  RELEASE_SQL,
  SUMMARIZE_PRUNING_INDEXES_SQL,
} from './sql';
import { type JsonObject, type Trigger } from '@hookrelay/core';

export interface WebhookRow {
  id: string;
  account_id: string;
  name: string;
  status: string;
  trigger: string;
  element: string;
  method: string;
  url: string;
  headers: { key: string; value: string; secret?: boolean }[];
  body: { key: string; value: string }[];
  include_element_data: boolean;
  target_kind: string | null;
  target_settings: JsonObject | null;
  signing_secret: string;
  previous_signing_secret: string | null;
  previous_secret_expires_at: Date | null;
  retry_schedule: string | null;
  /** updated_at as text: the cache version. */
  version: string;
}

type ClaimRow =
  | ({ stray: false } & JobRow)
  /** Picked but its webhook is not active: only the id (see CLAIM_SQL). */
  | { stray: true; id: string };

interface JobRow {
  id: string;
  account_id: string;
  webhook_id: string;
  attempts: number;
  snapshot_id: string;
  /** JSON text, parsed once per snapshot. */
  snapshot: string;
  trigger: Trigger;
  webhook_version: string;
}

type CompleteInputField = (typeof COMPLETE_INPUT_FIELDS)[number][0];

/** Each field of COMPLETE_SQL's input, from a finished attempt. */
const COMPLETE_INPUT_VALUE: Record<CompleteInputField, (f: FinishedAttempt) => unknown> = {
  id: (f) => f.job.id,
  attempt: (f) => f.job.attempt,
  status: (f) => f.status,
  retry_delay_ms: (f) => f.retryDelayMs,
  last_error: (f) => f.lastError,
  last_status_code: (f) => f.log.responseStatus,
  account_id: (f) => f.job.accountId,
  request: (f) => f.log.request,
  response_headers: (f) => f.log.responseHeaders,
  response_body: (f) => f.log.responseBody,
  duration_ms: (f) => f.log.durationMs,
  error: (f) => f.log.error,
  outcome: (f) => f.log.outcome,
  webhook_id: (f) => f.job.webhookId,
  disable_reason: (f) => f.disableWebhookReason ?? null,
};
/** In the statement's order. */
const COMPLETE_INPUT = COMPLETE_INPUT_FIELDS.map(([name]) => COMPLETE_INPUT_VALUE[name]);

/** COMPLETE_SQL's $2: one JSON array of the finished attempts, each an array of COMPLETE_INPUT_FIELDS. */
export function encodeCompleteInput(finished: readonly FinishedAttempt[]): string {
  return JSON.stringify(finished.map((f) => COMPLETE_INPUT.map((field) => field(f))));
}

/** The relay's only access to the database: set-based statements, one round trip each. */
export class OutboxStore {
  private readonly claimPool: Pool;

  constructor(
    private readonly pool: Pool,
    private readonly relayId: string,
    /** Where claims run (see CLAIM_SERVER_OPTIONS); `pool` when not given. */
    options: { claimPool?: Pool } = {},
  ) {
    this.claimPool = options.claimPool ?? pool;
  }

  /** Claims up to `limit` due jobs; see ClaimResult for the strays. */
  async claim(input: { limit: number; leaseMs: number }): Promise<ClaimResult> {
    const { rows } = await this.claimPool.query<ClaimRow>({
      name: 'hookrelay_claim',
      text: CLAIM_SQL,
      values: [this.relayId, input.leaseMs, input.limit],
    });
    const claimedAt = Date.now();
    // snapshots are immutable and nobody mutates a job's snapshot: jobs of one snapshot share the object
    const snapshots = new Map<string, JsonObject>();
    const parsed = (r: JobRow) => {
      let snapshot = snapshots.get(r.snapshot_id);
      if (!snapshot) {
        snapshot = JSON.parse(r.snapshot) as JsonObject;
        snapshots.set(r.snapshot_id, snapshot);
      }
      return snapshot;
    };
    const jobs: ClaimedJob[] = [];
    const strays: string[] = [];
    for (const r of rows) {
      if (r.stray) {
        strays.push(r.id);
        continue;
      }
      jobs.push({
        id: r.id,
        accountId: r.account_id,
        webhookId: r.webhook_id,
        attempt: r.attempts,
        snapshot: parsed(r),
        trigger: r.trigger,
        webhookVersion: r.webhook_version,
        claimedAt,
      });
    }
    return { jobs, strays };
  }

  /** Pauses jobs a claim found for a webhook that is not active, so later claims don't pick them again. */
  async pauseStrays(ids: readonly string[]): Promise<void> {
    await this.pool.query(PAUSE_STRAYS_SQL, [ids]);
  }

  /** Applies the transitions this relay still holds the lease for; returns the ids that were applied. */
  async complete(finished: readonly FinishedAttempt[]): Promise<Set<string>> {
    if (finished.length === 0) return new Set();
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'hookrelay_complete',
      text: COMPLETE_SQL,
      values: [this.relayId, encodeCompleteInput(finished)],
    });
    return new Set(rows.map((r) => r.id));
  }

  async release(jobs: readonly ReleasedJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.pool.query(RELEASE_SQL, [
      this.relayId,
      jobs.map((j) => j.job.id),
      jobs.map((j) => j.job.attempt),
      jobs.map((j) => j.sent),
    ]);
  }

  /** Gives claimed, unsent jobs back, due again `delayMs` from now: one statement for the whole batch. */
  async giveBack(input: { jobs: readonly ClaimedJob[]; delayMs: number }): Promise<void> {
    const { jobs, delayMs } = input;
    if (jobs.length === 0) return;
    await this.pool.query(GIVE_BACK_SQL, [
      this.relayId,
      jobs.map((j) => j.id),
      jobs.map((j) => j.attempt),
      delayMs,
    ]);
  }

  async loadWebhooks(ids: readonly string[]): Promise<WebhookRow[]> {
    const { rows } = await this.pool.query<WebhookRow>(LOAD_WEBHOOKS_SQL, [ids]);
    return rows;
  }

  async queueStats(): Promise<{ depth: number; oldestDueAgeSeconds: number }> {
    const { rows } = await this.pool.query<{ depth: number; oldest_due_age_seconds: number }>(
      QUEUE_STATS_SQL,
    );
    const row = rows[0];
    return { depth: row?.depth ?? 0, oldestDueAgeSeconds: row?.oldest_due_age_seconds ?? 0 };
  }

  /** Summarises the page ranges of the pruning indexes written since the last call. */
  async summarizePruningIndexes(): Promise<void> {
    await this.pool.query(SUMMARIZE_PRUNING_INDEXES_SQL);
  }

  /** Deletes at most `limit` jobs finished (delivered, dead, cancelled) longer ago than the retention. */
  async pruneFinished(input: { retentionMs: number; limit: number }): Promise<number> {
    const result = await this.pool.query(PRUNE_FINISHED_SQL, [input.retentionMs, input.limit]);
    return result.rowCount ?? 0;
  }

  async pruneAttempts(input: { retentionMs: number; limit: number }): Promise<number> {
    const result = await this.pool.query(PRUNE_ATTEMPTS_SQL, [input.retentionMs, input.limit]);
    return result.rowCount ?? 0;
  }

  /** Deletes at most `limit` snapshots past retention that no job references; returns how many. */
  async pruneSnapshots(input: { retentionMs: number; limit: number }): Promise<number> {
    const result = await this.pool.query(PRUNE_SNAPSHOTS_SQL, [input.retentionMs, input.limit]);
    return result.rowCount ?? 0;
  }
}
