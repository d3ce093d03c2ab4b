import { Inject, Injectable } from '@nestjs/common';
import { sampleSnapshot } from '@hookrelay/core';
import type { JsonObject } from '@hookrelay/core';
import { WebhookEntity } from '@hookrelay/db';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemException, notFound, problemTitle, problemType } from '../common/problem';
import { API_CONFIG, ApiConfig } from '../config';
import { waitForFirstAttempt } from '../deliveries/first-attempt';
import { loadElementData } from '../elements/element-sources';
import { OutboxRepository } from '../outbox/outbox.repository';
import { findWebhook } from './webhook-queries';
import { TestWebhookDto } from './webhook-test.dto';
import { TestDeliveryQueuedResponse, TestDeliveryResponse } from './webhook-test.response';

export type TestDeliveryAnswer =
  { status: 200; body: TestDeliveryResponse } | { status: 202; body: TestDeliveryQueuedResponse };

/**
 * `POST /v1/webhooks/:id/test`: one delivery to the webhook now, and its first attempt's result. The API
 * never sends it itself: the relay is the only sender (SSRF guard at delivery, signing, flow control), so
 * the API queues the job, commits, and waits for the relay's attempt.
 */
@Injectable()
export class WebhookTestService {
  private readonly waitMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.waitMs = config.testDeliveryWaitMs;
  }

  async test(accountId: string, id: string, dto: TestWebhookDto): Promise<TestDeliveryAnswer> {
    const deliveryId = await this.dataSource.transaction((manager) =>
      this.enqueue(manager, { accountId, id, elementId: dto.element_id }),
    );
    const seen = await waitForFirstAttempt(this.dataSource, { accountId, deliveryId, waitMs: this.waitMs });
    switch (seen.kind) {
      case 'attempted': {
        const { response_headers, ...attempt } = seen.attempt;
        return {
          status: 200,
          body: {
            delivery_id: deliveryId,
            status: seen.status,
            attempt: response_headers ? { ...attempt, response_headers } : attempt,
          },
        };
      }
      case 'ended':
        return { status: 200, body: { delivery_id: deliveryId, status: seen.status, attempt: null } };
      case 'waiting':
        return { status: 202, body: { delivery_id: deliveryId, status: 'pending', attempt: null } };
      case 'gone':
        throw notFound('webhook');
    }
  }

  /** Queues the job with the element's current data, or the catalog's sample; returns its id. */
  private async enqueue(
    manager: EntityManager,
    { accountId, id, elementId }: { accountId: string; id: string; elementId: string | undefined },
  ): Promise<string> {
    const webhook = await findWebhook(manager, accountId, id);
    if (webhook.status !== 'active') {
      throw new ProblemException({
        type: problemType('webhook-disabled'),
        title: problemTitle(409),
        status: 409,
        detail: 'The webhook is disabled: enable it to send a test delivery',
      });
    }
    const element = webhook.element;
    const { id: changedId, data } =
      elementId === undefined
        ? sampleChange(webhook)
        : await elementChange(manager, webhook, { id: elementId, accountId });
    return this.outbox.enqueueForWebhook(manager, {
      webhookId: webhook.id,
      accountId,
      element,
      elementId: changedId,
      trigger: webhook.trigger,
      data,
    });
  }
}

/**
 * The element as it is now; `{id}` for a delete (not looked up: the element is usually gone, as in
 * preview). Another account's element is as unknown as a missing one: 404 naming the element type.
 */
async function elementChange(
  manager: EntityManager,
  webhook: WebhookEntity,
  where: { id: string; accountId: string },
): Promise<{ id: string; data: JsonObject }> {
  if (webhook.trigger === 'delete') return { id: where.id, data: { id: where.id } };
  const element = webhook.element;
  const data = await loadElementData(manager, element, where, webhook.trigger);
  if (!data) throw notFound(element);
  return { id: where.id, data };
}

/**
 * The catalog's sample change (with related data, and for an update `previous`), with its fixed example
 * id: a receiver that upserts on the id keeps one test record however often the button is pressed.
 */
function sampleChange(webhook: WebhookEntity): { id: string; data: JsonObject } {
  const sample = sampleSnapshot(webhook.element, webhook.trigger);
  const id = sample.id;
  if (typeof id !== 'string') throw new Error(`the ${webhook.element} catalog has no example id`);
  return { id, data: sample };
}
