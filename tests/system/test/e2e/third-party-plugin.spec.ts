import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newStackEnv,
  startApi,
  startReceiver,
  startRelay,
  startStack,
  type ApiClient,
  type Receiver,
  type Stack,
} from '../../src';

/**
 * A third-party target plugin, installed as its own npm package and named in HOOKRELAY_TARGET_PLUGINS,
 * is loaded by API and relay at start, listed by the API and used for deliveries.
 */
describe('end to end: a third-party target plugin named in HOOKRELAY_TARGET_PLUGINS', () => {
  let stack: Stack;
  let receiver: Receiver;
  let client: ApiClient;

  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startStack({ extra: { HOOKRELAY_TARGET_PLUGINS: 'hookrelay-target-example' } });
    client = stack.client;
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('is listed beside the built-ins and delivers what it prefilled', async () => {
    const targets = await client.get<Array<{ kind: string }> | { items: Array<{ kind: string }> }>(
      '/v1/targets',
    );
    expect(targets.status).toBe(200);
    const kinds = (Array.isArray(targets.body) ? targets.body : targets.body.items).map((t) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ntfy', 'slack', 'segment']));

    await client.create('/v1/webhooks', {
      name: 'new groups to ntfy',
      trigger: 'create',
      element: 'group',
      target: { kind: 'ntfy', settings: { server_url: receiver.origin, topic: 'events_team' } },
    });
    await client.create('/v1/groups', { name: 'Hiking club' });

    const [request] = await receiver.waitFor(1, 30_000);
    expect(request!.url).toBe('/');
    expect(JSON.parse(request!.body)).toMatchObject({
      topic: 'events_team',
      title: 'New group',
      tags: ['group'],
    });
  });

  it('a plugin package that cannot be loaded stops the start with a message naming it', async () => {
    const env = newStackEnv(stack.db.url, { HOOKRELAY_TARGET_PLUGINS: 'hookrelay-target-does-not-exist' });
    await expect(startApi(env)).rejects.toThrow(/hookrelay-target-does-not-exist/);
    await expect(startRelay(env)).rejects.toThrow(/hookrelay-target-does-not-exist/);
  });
});
