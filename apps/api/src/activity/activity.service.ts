import { Injectable } from '@nestjs/common';
import { TRIGGERS, explainMatch } from '@hookrelay/core';
import type { ElementType, JsonObject, MatchVerdict, Trigger } from '@hookrelay/core';
import { WebhookEntity } from '@hookrelay/db';
import { DataSource } from 'typeorm';
import { notFound } from '../common/problem';
import { DeliveriesService } from '../deliveries/deliveries.service';
import { loadElementData } from '../elements/element-sources';
import { ActivityResponse, FiringVerdictResponse } from './activity.response';

/** The newest deliveries shown; the rest page through the account-wide list. */
const DELIVERIES_SHOWN = 50;

/**
 * "Why did (or didn't) it fire?" for one element: its deliveries across webhooks, and for every webhook
 * of its type whether a change of each trigger would give it a job now, decided by the rules the outbox
 * applies (core explainMatch) on the element as it is now.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesService,
  ) {}

  async activity(accountId: string, element: ElementType, elementId: string): Promise<ActivityResponse> {
    const manager = this.dataSource.manager;
    const [deliveries, webhooks, ...snapshots] = await Promise.all([
      this.deliveries.listForAccount(accountId, { element, element_id: elementId, limit: DELIVERIES_SHOWN }),
      manager.getRepository(WebhookEntity).find({
        where: { accountId, element },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      ...TRIGGERS.map((trigger) => loadElementData(manager, element, { id: elementId, accountId }, trigger)),
    ]);
    const exists = snapshots.some((s) => s !== null);
    // an element that never existed here, or another account's, is unknown; a deleted one keeps its story
    if (!exists && deliveries.items.length === 0) throw notFound(element);
    const snapshotOf = (trigger: Trigger): JsonObject => {
      const data = snapshots[TRIGGERS.indexOf(trigger)];
      return trigger === 'delete' || !data ? { id: elementId } : data;
    };
    return {
      element,
      element_id: elementId,
      exists,
      deliveries,
      webhooks: webhooks.map((webhook) => ({
        id: webhook.id,
        name: webhook.name,
        status: webhook.status,
        trigger: webhook.trigger,
        fires: Object.fromEntries(
          TRIGGERS.map((trigger) => [
            trigger,
            toVerdict(
              explainMatch({
                webhook,
                trigger,
                snapshot: snapshotOf(trigger),
              }),
            ),
          ]),
        ) as Record<Trigger, FiringVerdictResponse>,
      })),
    };
  }
}

function toVerdict(verdict: MatchVerdict): FiringVerdictResponse {
  if (verdict.fires) return { would_fire: true, reason: null, message: null };
  return {
    would_fire: false,
    reason: verdict.reason,
    message: verdict.message,
    ...(verdict.condition ? { condition: verdict.condition, actual: verdict.actual ?? null } : {}),
  };
}
