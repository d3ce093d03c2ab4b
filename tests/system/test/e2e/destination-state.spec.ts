import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startReceiver,
  startStack,
  waitUntil,
  type ApiClient,
  type Receiver,
  type Reply,
  type Stack,
} from '../../src';

interface WebhookWithDestination {
  id: string;
  destination: {
    origin: string;
    circuit: 'closed' | 'open' | 'half_open';
    failures: number;
    next_probe_at: string | null;
    last_failure: string | null;
  } | null;
}

/**
 * A CMS that resets every connection, as an admin sees it through the API: the webhook's destination
 * shows the open circuit and when the next probe goes; once the CMS is back, the circuit closes and the
 * waiting changes are delivered.
 */
describe("end to end: a dead destination's state on its webhook", () => {
  let stack: Stack;
  let receiver: Receiver;
  let client: ApiClient;
  let down = true;

  beforeAll(async () => {
    receiver = await startReceiver({ reply: (): Reply => (down ? { reset: true } : { status: 204 }) });
    stack = await startStack({
      extra: {
        HOOKRELAY_RETRY_SCHEDULE: '0,1s,1m',
        HOOKRELAY_RELAY_CIRCUIT_THRESHOLD: '3',
        HOOKRELAY_RELAY_CIRCUIT_COOLDOWN: '1s',
        HOOKRELAY_RELAY_CIRCUIT_MAX_COOLDOWN: '2s',
      },
    });
    client = stack.client;
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('shows the open circuit on GET /v1/webhooks/:id, then delivers what waited once it is back', async () => {
    const webhook = await client.create<WebhookWithDestination>('/v1/webhooks', {
      name: 'CMS mirror',
      trigger: 'create',
      element: 'group',
      method: 'POST',
      url: receiver.url('/cms/groups'),
    });
    expect(webhook.destination).toMatchObject({ origin: receiver.origin, circuit: 'closed', failures: 0 });

    for (let i = 0; i < 10; i++) await client.create('/v1/groups', { name: `group ${i}` });
    let open = null as WebhookWithDestination['destination'];
    await waitUntil(
      async () => {
        open = (await client.get<WebhookWithDestination>(`/v1/webhooks/${webhook.id}`)).body.destination;
        return open?.circuit === 'open';
      },
      { timeoutMs: 20_000, intervalMs: 100, describe: () => `the circuit to open: ${JSON.stringify(open)}` },
    );
    expect(open).toMatchObject({ circuit: 'open', last_failure: expect.any(String) });
    expect(open?.failures).toBeGreaterThanOrEqual(3);
    expect(Date.parse(String(open?.next_probe_at))).toBeGreaterThan(Date.now() - 5_000);

    down = false;
    const backAt = Date.now();
    const answered = () =>
      new Set(receiver.requests.filter((r) => r.receivedAt >= backAt).map((r) => r.headers['webhook-id']));
    await waitUntil(() => answered().size >= 10, {
      timeoutMs: 30_000,
      intervalMs: 200,
      describe: () => `${answered().size} of 10 groups delivered once the CMS is back`,
    });
    const closed = await client.get<WebhookWithDestination>(`/v1/webhooks/${webhook.id}`);
    expect(closed.body.destination).toMatchObject({ circuit: 'closed', failures: 0, next_probe_at: null });
  });
});
