import { sampleElement } from '@hookrelay/core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, startStack, type ApiClient, type Receiver, type Stack } from '../../src';

interface TestAnswer {
  delivery_id: string;
  status: string;
  attempt: {
    response_status: number | null;
    response_headers?: Record<string, string>;
    response_body: string | null;
    duration_ms: number | null;
    error: string | null;
    outcome: string;
  } | null;
}

/**
 * The test button end to end: the API queues the delivery and waits, the relay (the only sender) sends
 * it to a real receiver, and the API answers with the relay's first attempt.
 */
describe('end to end: POST /v1/webhooks/:id/test answers with the real attempt', () => {
  let stack: Stack;
  let receiver: Receiver;
  let client: ApiClient;

  beforeAll(async () => {
    receiver = await startReceiver({
      reply: (request) =>
        request.url.startsWith('/failing')
          ? { status: 500, body: 'receiver is down' }
          : {
              status: 201,
              headers: { 'content-type': 'application/json', 'x-receiver': 'cms' },
              body: '{"stored":true}',
            },
    });
    stack = await startStack({});
    client = stack.client;
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it("sends an element's current data through the relay and answers 200 with the receiver's answer", async () => {
    const webhook = await client.create<{ id: string; signing_secret: string }>('/v1/webhooks', {
      name: 'groups to the CMS',
      trigger: 'update',
      element: 'group',
      method: 'PUT',
      url: receiver.url('/groups/{{id}}'),
    });
    const group = await client.create<{ id: string }>('/v1/groups', { name: 'Book club' });
    // this update's own delivery goes out too; the test delivery must carry the data as it is now
    await client.patch(`/v1/groups/${group.id}`, { name: 'Book club (renamed)', description: 'Thursdays' });

    const test = await client.post<TestAnswer>(`/v1/webhooks/${webhook.id}/test`, { element_id: group.id });
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({
      status: 'delivered',
      attempt: {
        response_status: 201,
        response_body: '{"stored":true}',
        error: null,
        outcome: 'delivered',
      },
    });
    expect(test.body.attempt?.response_headers?.['x-receiver']).toBe('cms');
    expect(test.body.attempt?.duration_ms).toEqual(expect.any(Number));

    const sent = receiver.requests.find((r) => r.headers['webhook-id'] === test.body.delivery_id);
    expect(sent?.method).toBe('PUT');
    expect(sent?.url).toBe(`/groups/${group.id}`);
    const payload = new Webhook(webhook.signing_secret).verify(sent!.body, sent!.headers);
    expect(payload).toMatchObject({
      element_data: { id: group.id, name: 'Book club (renamed)', description: 'Thursdays' },
    });

    const logged = await client.get<Record<string, unknown>>(`/v1/deliveries/${test.body.delivery_id}`);
    expect(logged.body).toMatchObject({ status: 'delivered', element_id: group.id, trigger: 'update' });
  });

  it('answers 200 with response_status 500 and outcome retry when the receiver fails', async () => {
    const webhook = await client.create<{ id: string }>('/v1/webhooks', {
      name: 'failing receiver',
      trigger: 'create',
      element: 'event',
      method: 'POST',
      url: receiver.url('/failing'),
    });
    const test = await client.post<TestAnswer>(`/v1/webhooks/${webhook.id}/test`);
    expect(test.status).toBe(200);
    expect(test.body.attempt).toMatchObject({
      response_status: 500,
      response_body: 'receiver is down',
      outcome: 'retry',
    });
    // no element_id: the catalog's sample, with its fixed example id
    const sent = receiver.requests.find((r) => r.headers['webhook-id'] === test.body.delivery_id);
    const sample = sampleElement('event');
    expect(JSON.parse(sent!.body)).toMatchObject({ element_data: { id: sample.id, title: sample.title } });

    // the delivery follows the retry schedule like any other; the bulk cancel stops it
    const cancelled = await client.post<{ cancelled: number }>('/v1/deliveries/cancel', {
      webhook_id: webhook.id,
      status: 'pending',
    });
    expect(cancelled.status).toBe(200);
  });
});
