import {
  rateSlots,
  type CircuitState,
  type JsonObject,
  type StoredWebhookDefinition,
  type Trigger,
} from '@hookrelay/core';
import type { StoredRetiredSecret } from '@hookrelay/db';
import { DatabaseClock } from './database-clock';
import { releaseOrderingHeads } from './ordering';
import { type RetentionPolicy } from '../config';
import { type Pool, type PoolClient } from 'pg';
import {
  CLAIM_SQL,
  CLOCK_SQL,
  CREATE_RATE_SLOTS_SQL,
  LANES_SQL,
  LOCK_RATE_SLOTS_SQL,
  PAUSE_LANES_SQL,
  TAKE_RATE_SLOTS_SQL,
} from './claim-sql';
import {
  type ClaimedJob,
  type DestinationState,
  type FinishedAttempt,
  type Lane,
  type LaneClaim,
  type ReleasedJob,
} from './types';
import {
  COMPLETE_INPUT_FIELDS,
  COMPLETE_SQL,
  GIVE_BACK_SQL,
  LOAD_WEBHOOKS_SQL,
  PRUNE_FINISHED_SQL,
  PRUNE_SNAPSHOTS_SQL,
  QUEUE_STATS_SQL,
  RELEASE_SQL,
  SUMMARIZE_PRUNING_INDEXES_SQL,
  TARGET_KINDS_IN_USE_SQL,
} from './sql';

/** A webhook as the relay loads it: its stored definition, sealed secrets and schedule. */
export interface WebhookRow extends StoredWebhookDefinition {
  signingSecret: string;
  /** Sealed secrets replaced in the last 24 h (some may have expired since). */
  retiredSigningSecrets: StoredRetiredSecret[];
  retrySchedule: string | null;
  /** updated_at as text: the cache version. */
  version: string;
}

interface LaneRow {
  webhook_id: string;
  account_id: string;
  active: boolean;
  destination_id: string | null;
  rate_limit: number | null;
  due_for_ms: number;
  circuit: CircuitState | null;
  failures: number | null;
  cooldown_ms: number | null;
  last_failure: string | null;
  version: number | null;
  retry_in_ms: number | null;
  paused_for_ms: number | null;
  rate_wait_ms: number | null;
}

export interface DestinationRow {
  id: string;
  circuit: CircuitState;
  failures: number;
  cooldown_ms: number | null;
  last_failure: string | null;
  version: number;
  retry_in_ms: number | null;
  paused_for_ms: number | null;
}

interface ClaimRow {
  id: string;
  ordering_key: string | null;
  account_id: string;
  webhook_id: string;
  attempts: number;
  snapshot_id: string;
  /** JSON text, parsed once per snapshot. */
  snapshot: string;
  trigger: Trigger;
  probe: boolean;
  webhook_version: string;
}

/** A claim's first rate-limit slot is at least this far ahead, so its answer arrives before the slot. */
const RATE_SLOT_LEAD_MS = 100;

/**
 * A request may start this long after its slot, or one slot interval when that is longer: any second
 * then holds at most one request more than the rate, and a short pause of the event loop sends nothing back.
 */
const RATE_SLOT_TOLERANCE_MS = 25;

/** The start of the lane index: LANES_SQL's cursor for a scan from the beginning. */
export const FIRST_LANE = '00000000-0000-0000-0000-000000000000';

export function toDestinationState(row: DestinationRow): DestinationState {
  return {
    id: row.id,
    circuit: {
      state: row.circuit,
      failures: row.failures,
      cooldownMs: row.cooldown_ms,
      lastFailure: row.last_failure,
    },
    version: row.version,
    retryInMs: row.retry_in_ms,
    pausedForMs: row.paused_for_ms,
  };
}

function toLane(r: LaneRow): Lane {
  return {
    webhookId: r.webhook_id,
    accountId: r.account_id,
    active: r.active,
    destination:
      r.destination_id && r.circuit && r.version !== null
        ? toDestinationState({
            id: r.destination_id,
            circuit: r.circuit,
            failures: r.failures ?? 0,
            cooldown_ms: r.cooldown_ms,
            last_failure: r.last_failure,
            version: r.version,
            retry_in_ms: r.retry_in_ms,
            paused_for_ms: r.paused_for_ms,
          })
        : null,
    rateLimit: r.rate_limit,
    dueForMs: r.due_for_ms,
    rateWaitMs: r.rate_wait_ms,
  };
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
  private readonly databaseClock = new DatabaseClock();

  constructor(
    private readonly pool: Pool,
    private readonly relayId: string,
    /** Where claims run (see CLAIM_SERVER_OPTIONS); `pool` when not given. */
    options: { claimPool?: Pool } = {},
  ) {
    this.claimPool = options.claimPool ?? pool;
  }

  /** Up to `max` lanes (webhooks with pending jobs) after the webhook id `after`, in id order. */
  async lanes(input: { after: string; max: number }): Promise<Lane[]> {
    const { rows } = await this.claimPool.query<LaneRow>({
      name: 'hookrelay_lanes',
      text: LANES_SQL,
      values: [input.after, input.max],
    });
    return rows.map(toLane);
  }

  /**
   * Claims what the plan asks of each lane. Lanes of rate-limited webhooks take their send slots in the
   * same transaction (their rows locked, so relays never hand out one slot twice); each job they get is
   * due to be sent at its slot (`sendInMs`).
   */
  async claim(input: {
    lanes: readonly LaneClaim[];
    leaseMs: number;
    probeLeaseMs: number;
    rateHorizonMs: number;
  }): Promise<ClaimedJob[]> {
    const rated = input.lanes.filter((l) => l.rateIntervalMs !== undefined);
    if (rated.length === 0) return this.claimLanes(this.claimPool, input.lanes, input);
    const client = await this.claimPool.connect();
    try {
      await client.query('BEGIN');
      const ids = rated.map((l) => l.webhookId);
      await client.query(CREATE_RATE_SLOTS_SQL, [ids, rated.map((l) => l.accountId)]);
      const locked = await client.query<{ webhook_id: string; next_slot_ms: number }>(LOCK_RATE_SLOTS_SQL, [
        ids,
      ]);
      const clock = await client.query<{ now_ms: number }>(CLOCK_SQL);
      const dbNow = clock.rows[0]?.now_ms ?? Date.now();
      // a slot at database time t is sent at local time t + skew
      const skew = this.databaseClock.observe(dbNow);
      const nextSlot = new Map(locked.rows.map((r) => [r.webhook_id, r.next_slot_ms]));
      // no slot sooner than the lead: the claim's answer must reach the relay before its first slot does
      const firstSlot = new Map(
        rated.map((l) => [l.webhookId, Math.max(nextSlot.get(l.webhookId) ?? 0, dbNow + RATE_SLOT_LEAD_MS)]),
      );
      const lanes = input.lanes.map((lane) => {
        if (lane.rateIntervalMs === undefined) return lane;
        const slots = rateSlots({
          waitMs: (firstSlot.get(lane.webhookId) ?? dbNow) - dbNow,
          intervalMs: lane.rateIntervalMs,
          horizonMs: input.rateHorizonMs,
        });
        return { ...lane, quota: Math.min(lane.quota, slots) };
      });
      const jobs = await this.claimLanes(client, lanes, input);
      const taken = new Map<string, ClaimedJob[]>();
      for (const job of jobs) {
        const lane = taken.get(job.webhookId);
        if (lane) lane.push(job);
        else taken.set(job.webhookId, [job]);
      }
      const after: number[] = [];
      for (const lane of rated) {
        const first = firstSlot.get(lane.webhookId) ?? dbNow;
        const interval = lane.rateIntervalMs ?? 0;
        const laneJobs = taken.get(lane.webhookId) ?? [];
        const tolerance = Math.max(interval, RATE_SLOT_TOLERANCE_MS);
        laneJobs.forEach((job, i) => {
          job.sendAt = first + i * interval + skew;
          job.sendBy = job.sendAt + tolerance;
        });
        after.push(
          laneJobs.length > 0 ? first + laneJobs.length * interval : (nextSlot.get(lane.webhookId) ?? dbNow),
        );
      }
      await client.query(TAKE_RATE_SLOTS_SQL, [ids, after]);
      await client.query('COMMIT');
      return jobs;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async claimLanes(
    db: Pick<PoolClient, 'query'>,
    lanes: readonly LaneClaim[],
    input: { leaseMs: number; probeLeaseMs: number },
  ): Promise<ClaimedJob[]> {
    const asked = lanes.filter((l) => l.quota > 0);
    if (asked.length === 0) return [];
    const destinationOf = new Map(asked.map((l) => [l.webhookId, l.destinationId]));
    // the probe claim bumps the circuit's version once
    const probeVersionOf = new Map(
      asked.flatMap((l) => (l.probe ? [[l.webhookId, l.probe.version + 1]] : [])),
    );
    const probes = asked.flatMap((l) =>
      l.probe ? [{ id: l.probe.destinationId, version: l.probe.version, webhook_id: l.webhookId }] : [],
    );
    const { rows } = await db.query<ClaimRow>({
      name: 'hookrelay_claim',
      text: CLAIM_SQL,
      values: [
        this.relayId,
        input.leaseMs,
        JSON.stringify(
          asked.map((l) => ({
            webhook_id: l.webhookId,
            quota: l.quota,
            probe_of: l.probe?.destinationId ?? null,
          })),
        ),
        JSON.stringify(probes),
        input.probeLeaseMs,
      ],
    });
    const claimedAt = Date.now();
    // snapshots are immutable and nobody mutates a job's snapshot: jobs of one snapshot share the object
    const snapshots = new Map<string, JsonObject>();
    return rows.map((r) => {
      let snapshot = snapshots.get(r.snapshot_id);
      if (!snapshot) {
        snapshot = JSON.parse(r.snapshot) as JsonObject;
        snapshots.set(r.snapshot_id, snapshot);
      }
      return {
        id: r.id,
        accountId: r.account_id,
        webhookId: r.webhook_id,
        attempt: r.attempts,
        snapshot,
        trigger: r.trigger,
        webhookVersion: r.webhook_version,
        claimedAt,
        destinationId: destinationOf.get(r.webhook_id) ?? null,
        orderingKey: r.ordering_key,
        probe: r.probe,
        ...(r.probe ? { probeVersion: probeVersionOf.get(r.webhook_id) } : {}),
        sendAt: 0,
        sendBy: Number.POSITIVE_INFINITY,
      };
    });
  }

  /** Pauses the pending jobs of lanes whose webhook is not active (see PAUSE_LANES_SQL). */
  async pauseLanes(webhookIds: readonly string[]): Promise<void> {
    await this.pool.query(PAUSE_LANES_SQL, [webhookIds]);
  }

  /**
   * Applies the transitions this relay still holds the lease for; returns the ids that were applied.
   * When jobs of ordering keys end, the next job of each key is released in the same transaction.
   */
  async complete(finished: readonly FinishedAttempt[]): Promise<Set<string>> {
    if (finished.length === 0) return new Set();
    const statement = {
      name: 'hookrelay_complete',
      text: COMPLETE_SQL,
      values: [this.relayId, encodeCompleteInput(finished)],
    };
    const ending = finished.filter((f) => f.job.orderingKey !== null && f.status !== 'pending');
    if (ending.length === 0) {
      const { rows } = await this.pool.query<{ id: string }>(statement);
      return new Set(rows.map((r) => r.id));
    }
    return this.inTransaction(async (client) => {
      const { rows } = await client.query<{ id: string }>(statement);
      const applied = new Set(rows.map((r) => r.id));
      const keys = ending.filter((f) => applied.has(f.job.id)).map((f) => f.job.orderingKey as string);
      await releaseOrderingHeads(client, keys);
      return applied;
    });
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
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

  /** The target plugin kinds stored webhooks name, all accounts. */
  async targetKindsInUse(): Promise<string[]> {
    const { rows } = await this.pool.query<{ kind: string }>(TARGET_KINDS_IN_USE_SQL);
    return rows.map((r) => r.kind);
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

  /** Deletes at most `limit` finished jobs past their retention (delivered and undelivered apart). */
  async pruneFinished(input: { retention: RetentionPolicy; limit: number }): Promise<number> {
    const { deliveredMs, undeliveredMs } = input.retention;
    const result = await this.pool.query(PRUNE_FINISHED_SQL, [deliveredMs, undeliveredMs, input.limit]);
    return result.rowCount ?? 0;
  }

  /** Deletes at most `limit` snapshots past retention that no job references; returns how many. */
  async pruneSnapshots(input: { retentionMs: number; limit: number }): Promise<number> {
    const result = await this.pool.query(PRUNE_SNAPSHOTS_SQL, [input.retentionMs, input.limit]);
    return result.rowCount ?? 0;
  }
}
