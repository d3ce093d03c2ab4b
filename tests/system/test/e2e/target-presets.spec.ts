import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, startStack, type ApiClient, type Receiver, type Stack } from '../../src';

/**
 * Webhooks created from the Slack and Segment presets, with the URL pointed at a local receiver,
 * deliver the body each destination expects.
 */
describe('end to end: target presets', () => {
  let stack: Stack;
  let receiver: Receiver;
  let client: ApiClient;
  let eventId: string;

  beforeAll(async () => {
    receiver = await startReceiver({
      reply: (request) =>
        // Slack answers 200 "ok" to a message it accepts; Segment 200 with {"success": true}
        request.url.startsWith('/services/')
          ? { status: 200, body: 'ok' }
          : {
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: '{"success":true}',
            },
    });
    stack = await startStack({ extra: { HOOKRELAY_RETRY_SCHEDULE: '0,200ms,500ms' } });
    client = stack.client;
    const event = await client.create<{ id: string }>('/v1/events', {
      title: 'Launch <party> & drinks',
      status: 'published',
      rsvp_enabled: true,
      dates: [{ start: '2027-01-15T18:00:00Z', time_zone: 'Europe/Berlin' }],
    });
    eventId = event.id;
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('Slack: an RSVP becomes a one-line message, and the webhook URL stays masked', async () => {
    const slackUrl = receiver.url('/services/T000/B000/topsecretpath9');
    const created = await client.create<{ id: string; method: string; url: string; target: unknown }>(
      '/v1/webhooks',
      {
        name: 'RSVPs to #events',
        trigger: 'create',
        element: 'rsvp',
        target: { kind: 'slack', settings: { webhook_url: slackUrl } },
      },
    );
    expect(created.method).toBe('POST');
    expect(JSON.stringify(created)).not.toContain('topsecretpath');

    const before = receiver.requests.length;
    await client.create(`/v1/events/${eventId}/rsvps`, {
      email: 'grace@example.com',
      name: 'Grace <Hopper>',
      status: 'yes',
      seats: 1,
    });
    const [request] = (await receiver.waitFor(before + 1, 30_000)).slice(before);
    expect(request!.url).toBe('/services/T000/B000/topsecretpath9');
    const payload = JSON.parse(request!.body) as { text: string };
    expect(Object.keys(payload)).toEqual(['text']);
    expect(payload.text).toContain('Grace &lt;Hopper&gt;');
    expect(payload.text).not.toContain('<Hopper>');
  });

  it('Segment: a track call with messageId = the delivery id, the write key as Basic auth', async () => {
    const created = await client.create<{ id: string; headers: Array<{ key: string; value: string }> }>(
      '/v1/webhooks',
      {
        name: 'RSVPs to Segment',
        trigger: 'create',
        element: 'rsvp',
        target: { kind: 'segment', settings: { write_key: 'wk_live_secret_123' } },
        // the admin overrides the prefilled URL (api.segment.io) to point at the local receiver
        url: receiver.url('/v1/track'),
      },
    );
    expect(JSON.stringify(created)).not.toContain('wk_live_secret_123');

    const before = receiver.requests.length;
    const rsvp = await client.create<{ id: string }>(`/v1/events/${eventId}/rsvps`, {
      email: 'alan@example.com',
      name: 'Alan',
      status: 'maybe',
      seats: 3,
    });
    const fresh = (await receiver.waitFor(before + 2, 30_000)).slice(before);
    const request = fresh.find((r) => r.url === '/v1/track');
    expect(request).toBeDefined();
    const expectedAuth = `Basic ${Buffer.from('wk_live_secret_123:').toString('base64')}`;
    expect(request!.headers.authorization).toBe(expectedAuth);

    const payload = JSON.parse(request!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      userId: 'alan@example.com',
      event: expect.stringMatching(/rsvp/i),
      messageId: request!.headers['webhook-id'],
      properties: expect.objectContaining({ id: rsvp.id, seats: 3 }),
    });
    expect(payload.element_data).toBeUndefined();

    // the attempt log redacts the secret header
    const delivery = await client.get(`/v1/deliveries/${request!.headers['webhook-id']}`);
    expect(JSON.stringify(delivery.body)).not.toContain(expectedAuth);
  });
});
