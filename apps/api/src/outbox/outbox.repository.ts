import { Inject, Injectable } from '@nestjs/common';
import { evaluateFilter } from '@hookrelay/core';
import type { ElementType, FilterCondition, JsonObject, Trigger } from '@hookrelay/core';
import { EntityManager } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config';

export interface ElementChangeRecord {
  accountId: string;
  element: ElementType;
  elementId: string;
  trigger: Trigger;
  /** The element after the change; `{id}` for a delete. */
  data: JsonObject;
}

export interface ElementChangeBatch {
  accountId: string;
  element: ElementType;
  trigger: Trigger;
  /** Each element after the change; `{id}` for a delete. */
  changes: { elementId: string; data: JsonObject }[];
}

export interface RecordedBatch {
  snapshots: number;
  jobs: number;
}

/**
 * The write side of the transactional outbox. Called inside the element's transaction: it reads the
 * matching active webhooks (served by webhooks_match_idx, locked against deletion until commit), decides
 * each change's webhooks by their filters (core evaluateFilter), and inserts the snapshots and jobs in ONE
 * statement. A change no webhook takes leaves no snapshot: snapshots exist only for changes with
 * deliveries. The deliveries trigger NOTIFYs relays at commit.
 */
@Injectable()
export class OutboxRepository {
  private readonly enabled: boolean;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.enabled = config.outboxEnabled;
  }

  async recordChange(manager: EntityManager, change: ElementChangeRecord): Promise<RecordedBatch> {
    return this.recordChanges(manager, {
      accountId: change.accountId,
      element: change.element,
      trigger: change.trigger,
      changes: [{ elementId: change.elementId, data: change.data }],
    });
  }

  /**
   * Changes of one element type and trigger (one write, or the RSVPs of a deleted event, the events of a
   * deleted group): the webhooks are read once for all of them, and every snapshot and job goes in with
   * one INSERT … SELECT, whatever their number.
   */
  async recordChanges(manager: EntityManager, batch: ElementChangeBatch): Promise<RecordedBatch> {
    if (!this.enabled || batch.changes.length === 0) return { snapshots: 0, jobs: 0 };
    const matched: { id: string; filter: FilterCondition[] }[] = await manager.query(
      // KEY SHARE: a webhook deleted meanwhile waits for this transaction instead of failing its insert
      `SELECT id, filter FROM webhooks
        WHERE account_id = $1 AND element = $2 AND trigger = $3 AND status = 'active'
          FOR KEY SHARE`,
      [batch.accountId, batch.element, batch.trigger],
    );
    if (matched.length === 0) return { snapshots: 0, jobs: 0 };
    const input = batch.changes
      .map((c) => ({
        element_id: c.elementId,
        data: c.data,
        webhooks: matched
          .filter((w) => w.filter.length === 0 || evaluateFilter(w.filter, c.data).pass)
          .map((w) => w.id),
      }))
      .filter((c) => c.webhooks.length > 0);
    if (input.length === 0) return { snapshots: 0, jobs: 0 };
    const rows: { snapshots: string; jobs: string }[] = await manager.query(
      `WITH input AS (
         SELECT (item->>'element_id')::uuid AS element_id, item->'data' AS data, item->'webhooks' AS webhooks, n
           FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS t(item, n)
       ), snapshots AS (
         INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         SELECT $1, $2, element_id, $3, data FROM input ORDER BY n
         RETURNING id, element_id
       ), jobs AS (
         INSERT INTO deliveries (account_id, webhook_id, snapshot_id)
         SELECT $1, w.id::uuid, s.id
           FROM input i
           JOIN snapshots s ON s.element_id = i.element_id
          CROSS JOIN LATERAL jsonb_array_elements_text(i.webhooks) AS w(id)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM snapshots) AS snapshots, (SELECT count(*) FROM jobs) AS jobs`,
      [batch.accountId, batch.element, batch.trigger, JSON.stringify(input)],
    );
    const row = rows[0];
    return { snapshots: Number(row?.snapshots ?? 0), jobs: Number(row?.jobs ?? 0) };
  }

  /** A job for one webhook only (the "test" button), with a snapshot of sample data. */
  async enqueueForWebhook(
    manager: EntityManager,
    input: { webhookId: string } & ElementChangeRecord,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `WITH snapshot AS (
         INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING id
       )
       INSERT INTO deliveries (account_id, webhook_id, snapshot_id)
       SELECT $1, $6, snapshot.id FROM snapshot
       RETURNING id`,
      [input.accountId, input.element, input.elementId, input.trigger, input.data, input.webhookId],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('test delivery was not inserted');
    return id;
  }
}

/** Relays LISTEN on this channel; the insert trigger covers new jobs, this covers jobs made due again. */
export async function wakeRelays(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify('hookrelay_deliveries', '')`);
}
