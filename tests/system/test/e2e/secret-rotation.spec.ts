import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, startStack, type Receiver, type Stack } from '../../src';

/**
 * A receiver that rotates secrets several times a day: every secret retired in the last 24 h keeps
 * signing, so a consumer still verifying with any of them accepts the request.
 */
describe('end to end: signing secrets rotated three times in a day', () => {
  let stack: Stack;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startStack({});
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('a request verifies with the current secret and with each retired one', async () => {
    const webhook = await stack.client.create<{ id: string; signing_secret: string }>('/v1/webhooks', {
      name: 'groups, rotated',
      trigger: 'create',
      element: 'group',
      method: 'POST',
      url: receiver.url('/rotated'),
      headers: [],
      body: [],
    });
    const secrets = [webhook.signing_secret];
    for (let i = 0; i < 3; i++) {
      const rotated = await stack.client.post<{ signing_secret: string; retired_secrets: unknown[] }>(
        `/v1/webhooks/${webhook.id}/rotate-secret`,
      );
      expect(rotated.status).toBe(200);
      expect(rotated.body.retired_secrets).toHaveLength(i + 1);
      secrets.push(rotated.body.signing_secret);
    }

    await stack.client.create('/v1/groups', { name: 'Rotated' });
    const [request] = await receiver.waitFor(1, 30_000);
    expect(request?.headers['webhook-signature']?.split(' ')).toHaveLength(4);
    for (const secret of secrets) {
      expect(() => new Webhook(secret).verify(request!.body, request!.headers)).not.toThrow();
    }
  });
});
