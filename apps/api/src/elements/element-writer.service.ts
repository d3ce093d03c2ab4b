import { Injectable } from '@nestjs/common';
import type { ElementType, JsonObject, Trigger } from '@hookrelay/core';
import { DataSource, EntityManager } from 'typeorm';
import { MetricsService } from '../metrics/metrics.service';
import { OutboxRepository } from '../outbox/outbox.repository';

export interface ElementWrite<R> {
  accountId: string;
  element: ElementType;
  trigger: Trigger;
  /**
   * Writes the element with `manager` and returns the change: its id, its data after the change, the
   * result, and the changes it made to other elements (cascades), which produce their webhooks too.
   */
  write(manager: EntityManager): Promise<{ elementId: string; data: JsonObject; result: R; cascades?: CascadedChanges[] }>;
}

/** Other elements changed by a write (the RSVPs of a deleted event): their own snapshots and jobs. */
export interface CascadedChanges {
  element: ElementType;
  trigger: Trigger;
  /** Each element after the change; for a delete only the id is kept. */
  changes: { elementId: string; data: JsonObject }[];
}

/** Element data is JSON by construction (presenters build it from columns); this only tells TypeScript. */
export function asJson(data: object): JsonObject {
  return data as unknown as JsonObject;
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
        counts.push({ element: cascade.element, trigger: cascade.trigger, writes: cascade.changes.length, jobs: recorded.jobs });
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
