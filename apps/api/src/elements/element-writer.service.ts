import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { ElementType, JsonObject, Trigger } from '@hookrelay/core';
import { DataSource, EntityManager } from 'typeorm';
import { MetricsService } from '../metrics/metrics.service';
import { OutboxRepository } from '../outbox/outbox.repository';

export interface ElementWrite<R> {
  accountId: string;
  element: ElementType;
  trigger: Trigger;
  /**
   * Writes the element with `manager` and returns the change: its id, its snapshot, the result, and the
   * changes it made to other elements (cascades), which produce their webhooks too.
   */
  write(manager: EntityManager): Promise<WrittenChange<R>>;
}

export interface WrittenChange<R> {
  elementId: string;
  /**
   * The snapshot (core's `changeSnapshot`): the element after the change with its related data, plus
   * `previous` and `changed_fields` for an update. The API's answer is `result`, without related data.
   */
  data: JsonObject;
  result: R;
  cascades?: CascadedChanges[];
  /** Nothing changed (an empty or same-values PATCH): no snapshot, no jobs. */
  unchanged?: boolean;
}

/** Other elements changed by a write (the RSVPs of a deleted event): their own snapshots and jobs. */
export interface CascadedChanges {
  element: ElementType;
  trigger: Trigger;
  /** Each element's snapshot, as `WrittenChange.data`; for a delete only the id is kept. */
  changes: { elementId: string; data: JsonObject }[];
}

/** Element data is JSON by construction (presenters build it from columns); this only tells TypeScript. */
export function asJson(data: object): JsonObject {
  return data as unknown as JsonObject;
}

/**
 * Whether an update leaves the element as it was, compared as the JSON the API answers (so key order and
 * DTO classes don't count): such a PATCH is not a change and announces nothing.
 */
export function isUnchanged(before: object, after: object): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after)));
}

/**
 * The outbox's one rule in one place: an element write, its snapshot and its jobs commit together or
 * not at all. Every element service writes through here.
 */
@Injectable()
export class ElementWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly metrics: MetricsService,
  ) {}

  async run<R>(change: ElementWrite<R>): Promise<R> {
    const { result, counts } = await this.dataSource.transaction(async (manager) => {
      const written = await change.write(manager);
      if (written.unchanged) return { result: written.result, counts: [] };
      const counts: { element: ElementType; trigger: Trigger; writes: number; jobs: number }[] = [];
      // Children first: the RSVPs' deletes are announced before their event's.
      for (const cascade of written.cascades ?? []) {
        const recorded = await this.outbox.recordChanges(manager, {
          accountId: change.accountId,
          element: cascade.element,
          trigger: cascade.trigger,
          changes: cascade.changes.map((c) => ({
            elementId: c.elementId,
            data: cascade.trigger === 'delete' ? { id: c.elementId } : c.data,
          })),
        });
        counts.push({
          element: cascade.element,
          trigger: cascade.trigger,
          writes: cascade.changes.length,
          jobs: recorded.jobs,
        });
      }
      const recorded = await this.outbox.recordChange(manager, {
        accountId: change.accountId,
        element: change.element,
        elementId: written.elementId,
        trigger: change.trigger,
        data: change.trigger === 'delete' ? { id: written.elementId } : written.data,
      });
      counts.push({ element: change.element, trigger: change.trigger, writes: 1, jobs: recorded.jobs });
      return { result: written.result, counts };
    });
    for (const { element, trigger, writes, jobs } of counts) {
      if (writes > 0) this.metrics.elementWrites.inc({ element, trigger }, writes);
      if (jobs > 0) this.metrics.outboxJobsInserted.inc({ element, trigger }, jobs);
    }
    return result;
  }
}
