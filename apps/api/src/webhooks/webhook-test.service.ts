import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sampleElement } from '@hookrelay/core';
import { DataSource } from 'typeorm';
import { ProblemException, problemTitle, problemType } from '../common/problem';
import { OutboxRepository } from '../outbox/outbox.repository';
import { WebhookDraft } from './webhook-draft';
import { findWebhook } from './webhook-queries';

/** `POST /v1/webhooks/:id/test`: one delivery to the webhook now. */
@Injectable()
export class WebhookTestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Queues one delivery of sample data now; the relay sends it like any other job. */
  async test(accountId: string, id: string): Promise<{ delivery_id: string }> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await findWebhook(manager, accountId, id);
      if (webhook.status !== 'active') {
        throw new ProblemException({
          type: problemType('webhook-disabled'),
          title: problemTitle(409),
          status: 409,
          detail: 'The webhook is disabled: enable it to send a test delivery',
        });
      }
      const elementId = randomUUID();
      const sample = sampleElement(webhook.element as WebhookDraft['element']);
      const data = webhook.trigger === 'delete' ? { id: elementId } : { ...sample, id: elementId };
      const deliveryId = await this.outbox.enqueueForWebhook(manager, {
        webhookId: webhook.id,
        accountId,
        element: webhook.element as WebhookDraft['element'],
        elementId,
        trigger: webhook.trigger as WebhookDraft['trigger'],
        data,
      });
      return { delivery_id: deliveryId };
    });
  }
}
