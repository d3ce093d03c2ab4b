import { type Pool } from 'pg';
import { type ClaimedJob, type FinishedAttempt, type ReleasedJob } from './types';
import {
  CLAIM_SQL,
  COMPLETE_SQL,
  DISABLE_WEBHOOK_SQL,
  LOAD_WEBHOOKS_SQL,
  PRUNE_ATTEMPTS_SQL,
  PRUNE_DELIVERED_SQL,
  QUEUE_STATS_SQL,
  RELEASE_SQL,
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
  updated_at: Date;
}

interface ClaimRow {
  id: string;
  account_id: string;
  webhook_id: string;
  attempts: number;
  created_at: Date;
  snapshot: JsonObject;
  trigger: Trigger;
  webhook_updated_at: Date;
}

/** The relay's only access to the database: set-based statements, one round trip each. */
export class OutboxStore {
  constructor(
    private readonly pool: Pool,
    private readonly relayId: string,
  ) {}

  async claim(input: { limit: number; leaseMs: number }): Promise<ClaimedJob[]> {
    const { rows } = await this.pool.query<ClaimRow>({
      name: 'hookrelay_claim',
      text: CLAIM_SQL,
      values: [this.relayId, input.leaseMs, input.limit],
    });
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      webhookId: r.webhook_id,
      attempt: r.attempts,
      createdAt: r.created_at,
      snapshot: r.snapshot,
      trigger: r.trigger,
      webhookUpdatedAt: r.webhook_updated_at,
    }));
  }

  /** Applies the transitions this relay still holds the lease for; returns the ids that were applied. */
  async complete(finished: readonly FinishedAttempt[]): Promise<Set<string>> {
    if (finished.length === 0) return new Set();
    const n = finished.length;
    const ids = new Array<string>(n);
    const attempts = new Array<number>(n);
    const statuses = new Array<string>(n);
    const nextAt = new Array<Date | null>(n);
    const errors = new Array<string | null>(n);
    const codes = new Array<number | null>(n);
    const accounts = new Array<string>(n);
    const requests = new Array<string>(n);
    const responseHeaders = new Array<string | null>(n);
    const responseBodies = new Array<string | null>(n);
    const durations = new Array<number | null>(n);
    const outcomes = new Array<string>(n);
    const attemptErrors = new Array<string | null>(n);
    finished.forEach((f, i) => {
      ids[i] = f.job.id;
      attempts[i] = f.job.attempt;
      statuses[i] = f.status;
      nextAt[i] = f.nextAttemptAt;
      errors[i] = f.lastError;
      codes[i] = f.log.responseStatus;
      accounts[i] = f.job.accountId;
      requests[i] = JSON.stringify(f.log.request);
      responseHeaders[i] = f.log.responseHeaders ? JSON.stringify(f.log.responseHeaders) : null;
      responseBodies[i] = f.log.responseBody;
      durations[i] = f.log.durationMs;
      outcomes[i] = f.log.outcome;
      attemptErrors[i] = f.log.error;
    });
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'hookrelay_complete',
      text: COMPLETE_SQL,
      values: [
        this.relayId,
        ids,
        attempts,
        statuses,
        nextAt,
        errors,
        codes,
        accounts,
        requests,
        responseHeaders,
        responseBodies,
        durations,
        outcomes,
        attemptErrors,
      ],
    });
    const applied = new Set(rows.map((r) => r.id));
    for (const f of finished) {
      if (f.disableWebhookReason && applied.has(f.job.id)) {
        await this.pool.query(DISABLE_WEBHOOK_SQL, [f.job.webhookId, f.disableWebhookReason]);
      }
    }
    return applied;
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

  async loadWebhooks(ids: readonly string[]): Promise<WebhookRow[]> {
    const { rows } = await this.pool.query<WebhookRow>(LOAD_WEBHOOKS_SQL, [ids]);
    return rows;
  }

  async queueStats(): Promise<{ depth: number; oldestDueAgeSeconds: number }> {
    const { rows } = await this.pool.query<{ depth: number; oldest_due_age_seconds: number }>(QUEUE_STATS_SQL);
    const row = rows[0];
    return { depth: row?.depth ?? 0, oldestDueAgeSeconds: row?.oldest_due_age_seconds ?? 0 };
  }

  /** Deletes at most `limit` delivered jobs past retention; returns how many. */
  async pruneDelivered(input: { retentionMs: number; limit: number }): Promise<number> {
    const result = await this.pool.query(PRUNE_DELIVERED_SQL, [input.retentionMs, input.limit]);
    return result.rowCount ?? 0;
  }

  async pruneAttempts(input: { retentionMs: number; limit: number }): Promise<number> {
    const result = await this.pool.query(PRUNE_ATTEMPTS_SQL, [input.retentionMs, input.limit]);
    return result.rowCount ?? 0;
  }
}
