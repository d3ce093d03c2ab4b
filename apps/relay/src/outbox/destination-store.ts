import { type CircuitState, type CircuitTransition } from '@hookrelay/core';
import { type Pool } from 'pg';
import {
  ATTACH_DESTINATION_SQL,
  BLOCKED_COUNTS_SQL,
  BLOCKED_WEBHOOKS_SQL,
  EXPIRE_WAITING_JOBS_SQL,
  OPEN_CIRCUITS_SQL,
  PAUSE_DESTINATION_SQL,
  PRUNE_DESTINATIONS_SQL,
  READ_DESTINATIONS_SQL,
  RELEASE_PROBE_SQL,
  SET_CIRCUIT_SQL,
} from './destination-sql';
import { releaseOrderingHeads } from './ordering';
import { toDestinationState, type DestinationRow } from './outbox-store';
import { type DestinationState } from './types';

export interface BlockedWebhook {
  id: string;
  retrySchedule: string | null;
  origin: string;
  circuit: CircuitState;
  lastFailure: string | null;
}

export interface BlockedDestinations {
  counts: { open: number; half_open: number; paused: number };
  open: { id: string; origin: string; circuit: CircuitState }[];
}

export interface WaitingJobsExpiry {
  webhookId: string;
  /** core retryWindowsMs of its schedule. */
  windows: readonly number[];
  /** For a job retried by hand after its schedule ran out. */
  lastWindow: number;
  reason: string;
}

/** The relay's access to the destination state relays share (destination-sql.ts). */
export class DestinationStore {
  constructor(private readonly pool: Pool) {}

  async read(ids: readonly string[]): Promise<DestinationState[]> {
    const { rows } = await this.pool.query<DestinationRow>(READ_DESTINATIONS_SQL, [ids]);
    return rows.map(toDestinationState);
  }

  /** Writes a circuit transition if the row is still at `version`; returns the new version, or undefined. */
  async setCircuit(input: {
    id: string;
    version: number;
    transition: CircuitTransition;
  }): Promise<number | undefined> {
    const { circuit, openForMs, opened } = input.transition;
    const { rows } = await this.pool.query<{ version: number }>(SET_CIRCUIT_SQL, [
      input.id,
      input.version,
      circuit.state,
      circuit.failures,
      circuit.cooldownMs,
      circuit.lastFailure,
      openForMs,
      opened,
    ]);
    return rows[0]?.version;
  }

  async pause(input: { id: string; ms: number }): Promise<void> {
    await this.pool.query(PAUSE_DESTINATION_SQL, [input.id, input.ms]);
  }

  async attach(input: { webhookId: string; accountId: string; origin: string }): Promise<void> {
    await this.pool.query(ATTACH_DESTINATION_SQL, [input.webhookId, input.accountId, input.origin]);
  }

  async blockedWebhooks(): Promise<BlockedWebhook[]> {
    const { rows } = await this.pool.query<{
      id: string;
      retry_schedule: string | null;
      origin: string;
      circuit: CircuitState;
      last_failure: string | null;
    }>(BLOCKED_WEBHOOKS_SQL);
    return rows.map((r) => ({
      id: r.id,
      retrySchedule: r.retry_schedule,
      origin: r.origin,
      circuit: r.circuit,
      lastFailure: r.last_failure,
    }));
  }

  /** Kills waiting jobs past their schedule's time; returns how many. */
  async expireWaitingJobs(expiries: readonly WaitingJobsExpiry[]): Promise<number> {
    if (expiries.length === 0) return 0;
    const input = expiries.map((e) => ({
      webhook_id: e.webhookId,
      windows: e.windows,
      last_window: e.lastWindow,
      reason: e.reason,
    }));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const expired = await client.query<{ id: string; ordering_key: string | null }>(
        EXPIRE_WAITING_JOBS_SQL,
        [JSON.stringify(input)],
      );
      const keys = expired.rows.flatMap((r) => (r.ordering_key ? [r.ordering_key] : []));
      await releaseOrderingHeads(client, keys);
      await client.query('COMMIT');
      return expired.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async prune(limit: number): Promise<number> {
    const result = await this.pool.query(PRUNE_DESTINATIONS_SQL, [limit]);
    return result.rowCount ?? 0;
  }

  /** Frees a half-open circuit whose probe this relay claimed (at `version`) but did not send. */
  async releaseProbe(input: { id: string; version: number }): Promise<void> {
    await this.pool.query(RELEASE_PROBE_SQL, [input.id, input.version]);
  }

  /** For /metrics: counts of blocked destinations, and the open circuits (500 at most). */
  async blocked(): Promise<BlockedDestinations> {
    const [counts, open] = await Promise.all([
      this.pool.query<BlockedDestinations['counts']>(BLOCKED_COUNTS_SQL),
      this.pool.query<{ id: string; origin: string; circuit: CircuitState }>(OPEN_CIRCUITS_SQL),
    ]);
    return { counts: counts.rows[0] ?? { open: 0, half_open: 0, paused: 0 }, open: open.rows };
  }
}
