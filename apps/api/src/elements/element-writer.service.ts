import { Injectable } from '@nestjs/common';
import type { ElementType, JsonObject, Trigger } from '@hookrelay/core';
import { DataSource, EntityManager } from 'typeorm';
import { MetricsService } from '../metrics/metrics.service';
import { OutboxRepository } from '../outbox/outbox.repository';

export interface ElementWrite<R> {
  accountId: string;
  element: ElementType;
  trigger: Trigger;
  /** Writes the element with `manager` and returns the change: its id, its data after the change, the result. */
  write(manager: EntityManager): Promise<{ elementId: string; data: JsonObject; result: R }>;
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
    const { result, jobs } = await this.dataSource.transaction(async (manager) => {
      const written = await change.write(manager);
      const recorded = await this.outbox.recordChange(manager, {
        accountId: change.accountId,
        element: change.element,
        elementId: written.elementId,
        trigger: change.trigger,
        data: change.trigger === 'delete' ? { id: written.elementId } : written.data,
      });
      return { result: written.result, jobs: recorded.jobs };
    });
    const labels = { element: change.element, trigger: change.trigger };
    this.metrics.elementWrites.inc(labels);
    if (jobs > 0) this.metrics.outboxJobsInserted.inc(labels, jobs);
    return result;
  }
}
