import { Injectable } from '@nestjs/common';
import { evaluateFilter, orderingKey } from '@hookrelay/core';
import type { ElementType, FilterCondition, JsonObject, Ordering, Trigger } from '@hookrelay/core';
import { holdFlags } from './ordering';
import { EntityManager } from 'typeorm';

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

interface MatchedWebhook {
  id: string;
  filter: FilterCondition[];
  ordering: Ordering;
  destination_id: string | null;
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
    if (batch.changes.length === 0) return { snapshots: 0, jobs: 0 };
    const matched: MatchedWebhook[] = await manager.query(
      // KEY SHARE: a webhook deleted meanwhile waits for this transaction instead of failing its insert
      `SELECT id, filter, ordering, destination_id FROM webhooks
        WHERE account_id = $1 AND element = $2 AND trigger = $3 AND status = 'active'
          FOR KEY SHARE`,
      [batch.accountId, batch.element, batch.trigger],
    );
    if (matched.length === 0) return { snapshots: 0, jobs: 0 };
    const planned = batch.changes
      .map((c) => ({
        elementId: c.elementId,
        data: c.data,
        jobs: matched
          .filter((w) => w.filter.length === 0 || evaluateFilter(w.filter, c.data).pass)
          .map((w) => ({
            webhookId: w.id,
            key: orderingKey({
              ordering: w.ordering,
              destinationId: w.destination_id,
              webhookId: w.id,
              element: batch.element,
              elementId: c.elementId,
            }),
          })),
      }))
      .filter((c) => c.jobs.length > 0);
    if (planned.length === 0) return { snapshots: 0, jobs: 0 };
    // in the order the INSERT gives out `seq`: the first job of a key is the one not held
    const held = await holdFlags(
      manager,
      planned.flatMap((c) => c.jobs.map((j) => j.key)),
    );
    let position = 0;
    const input = planned.map((c) => ({
      element_id: c.elementId,
      data: c.data,
      jobs: c.jobs.map((j) => {
        const isHeld = held[position++] ?? false;
        return j.key === null ? [j.webhookId] : [j.webhookId, j.key, isHeld];
      }),
    }));
    const rows: { snapshots: string; jobs: string }[] = await manager.query(
      `WITH input AS (
         SELECT (item->>'element_id')::uuid AS element_id, item->'data' AS data, item->'jobs' AS jobs, n
           FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS t(item, n)
       ), snapshots AS (
         INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         SELECT $1, $2, element_id, $3, data FROM input ORDER BY n
         RETURNING id, element_id
       ), jobs AS (
         -- in input order, so each key's jobs take their seq in the order holdFlags saw them
         INSERT INTO deliveries (account_id, webhook_id, snapshot_id, ordering_key, held)
         SELECT $1, (j->>0)::uuid, s.id, j->>1, coalesce((j->>2)::boolean, false)
           FROM input i
           JOIN snapshots s ON s.element_id = i.element_id
          CROSS JOIN LATERAL jsonb_array_elements(i.jobs) WITH ORDINALITY AS w(j, m)
          ORDER BY i.n, w.m
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
