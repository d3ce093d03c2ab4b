import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, startStack, waitUntil, type ApiClient, type Receiver, type Stack } from '../../src';

/**
 * The README quickstart, end to end: API and relay as real processes, a webhook and an RSVP created
 * through the API, and a receiver that gets the signed request.
 */
describe('end to end: an RSVP created through the API reaches the receiver', () => {
  let stack: Stack;
  let receiver: Receiver;
  let client: ApiClient;

  beforeAll(async () => {
    // 204 No Content, as `npm run receiver` answers in the README's quickstart
    receiver = await startReceiver({ reply: () => ({ status: 204 }) });
    stack = await startStack({ extra: { HOOKRELAY_RETRY_SCHEDULE: '0,200ms,500ms' } });
    client = stack.client;
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('delivers element_data and the rendered body fields, signed, and logs the attempt', async () => {
    const webhook = await client.create<{ id: string; signing_secret: string }>('/v1/webhooks', {
      name: 'RSVPs to the receiver',
      trigger: 'create',
      element: 'rsvp',
      method: 'POST',
      url: receiver.url('/hooks/rsvp'),
      headers: [
        { key: 'x-user-email', value: '{{email}}' },
        { key: 'authorization', value: 'Bearer s3cr3t-token', secret: true },
      ],
      body: [
        { key: 'guest', value: '{{ name | upcase }}' },
        { key: 'seats', value: '{{seats}}' },
        { key: 'properties.event_id', value: '{{event_id}}' },
      ],
    });
    expect(webhook.signing_secret).toMatch(/^whsec_/);

    const group = await client.create<{ id: string }>('/v1/groups', { name: 'Meetups' });
    const event = await client.create<{ id: string }>('/v1/events', {
      group_id: group.id,
      title: 'Launch party',
      status: 'published',
      rsvp_enabled: true,
      dates: [{ start: '2027-01-15T18:00:00Z', time_zone: 'Europe/Berlin' }],
    });
    const rsvp = await client.create<{ id: string }>(`/v1/events/${event.id}/rsvps`, {
      email: 'ada@example.com',
      name: 'Ada "the first" Lovelace',
      status: 'yes',
      seats: 2,
      fields: { diet: 'vegan' },
    });

    const [request] = await receiver.waitFor(1, 30_000);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/hooks/rsvp');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.headers['x-user-email']).toBe('ada@example.com');
    expect(request?.headers['authorization']).toBe('Bearer s3cr3t-token');

    const payload = JSON.parse(request!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      element_data: {
        id: rsvp.id,
        event_id: event.id,
        email: 'ada@example.com',
        name: 'Ada "the first" Lovelace',
        status: 'yes',
        seats: 2,
        fields: { diet: 'vegan' },
      },
      guest: 'ADA "THE FIRST" LOVELACE',
      seats: 2,
      properties: { event_id: event.id },
    });

    // a peer implementation of Standard Webhooks accepts the signature
    const verified = new Webhook(webhook.signing_secret).verify(request!.body, request!.headers);
    expect(verified).toEqual(payload);

    // the delivery and its attempt are visible to the admin, with the secret header redacted
    const deliveryId = request!.headers['webhook-id']!;
    const delivery = await waitForDelivered(client, deliveryId);
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts).toBe(1);
    const attempts = delivery.attempts_log as Array<Record<string, unknown>>;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ response_status: 204 });
    expect(JSON.stringify(attempts[0])).not.toContain('s3cr3t-token');

    const list = await client.get<{ items: Array<{ id: string }> }>(`/v1/webhooks/${webhook.id}/deliveries`);
    expect(list.body.items.map((d) => d.id)).toContain(deliveryId);
  });

  it('a delete trigger sends only the id, and a GET webhook puts the data in the query string', async () => {
    const onDelete = await client.create<{ id: string }>('/v1/webhooks', {
      name: 'group deleted',
      trigger: 'delete',
      element: 'group',
      method: 'DELETE',
      url: receiver.url('/groups/{{id}}'),
      headers: [],
      body: [],
    });
    const onCreate = await client.create<{ id: string }>('/v1/webhooks', {
      name: 'group created (GET)',
      trigger: 'create',
      element: 'group',
      method: 'GET',
      url: receiver.url('/ping'),
      headers: [],
      body: [{ key: 'group_name', value: '{{name}}' }],
    });
    expect(onDelete.id).not.toBe(onCreate.id);

    const before = receiver.requests.length;
    const group = await client.create<{ id: string }>('/v1/groups', { name: 'Book club & friends' });
    const deleted = await client.delete(`/v1/groups/${group.id}`);
    expect(deleted.status).toBe(204);

    const all = await receiver.waitFor(before + 2, 30_000);
    const fresh = all.slice(before);
    const get = fresh.find((r) => r.method === 'GET');
    const del = fresh.find((r) => r.method === 'DELETE');

    const query = new URL(get!.url, receiver.origin).searchParams;
    expect(get!.url.startsWith('/ping?')).toBe(true);
    expect(get!.body).toBe('');
    expect(query.get('group_name')).toBe('Book club & friends');
    expect(JSON.parse(query.get('element_data')!)).toMatchObject({
      id: group.id,
      name: 'Book club & friends',
    });

    expect(del!.url).toBe(`/groups/${group.id}`);
    expect(JSON.parse(del!.body)).toEqual({ element_data: { id: group.id } });
  });
});

async function waitForDelivered(client: ApiClient, deliveryId: string): Promise<Record<string, unknown>> {
  let last: unknown;
  return waitUntil(
    async () => {
      const res = await client.get(`/v1/deliveries/${deliveryId}`);
      last = res.body;
      return res.status === 200 && res.body.status === 'delivered'
        ? (res.body as Record<string, unknown>)
        : undefined;
    },
    { timeoutMs: 15_000, describe: () => `delivery ${deliveryId}: ${JSON.stringify(last)}` },
  );
}
