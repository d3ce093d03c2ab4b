import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type Receiver,
  startReceiver,
  waitUntil,
  createAccount,
  type Stack,
  startStack,
} from '../../src';
import { createWebhook, listAll } from './support/fixtures';

/**
 * Two accounts on one database: B's key on every one of A's resources is a 404 (not a 403 that would
 * confirm the id exists), B's lists never show A's rows, and A's changes never reach B's webhooks.
 */
describe('tenancy: account B against account A', () => {
  let stack: Stack;
  let a: ApiClient;
  let b: ApiClient;
  let receiverA: Receiver;
  let receiverB: Receiver;
  const ids = { group: '', event: '', rsvp: '', webhook: '', delivery: '' };

  beforeAll(async () => {
    stack = await startStack({ relays: 1 });
    a = stack.client;
    b = new ApiClient(stack.api.baseUrl, await createAccount(stack.db, 'B'), { timeoutMs: 30_000 });
    receiverA = await startReceiver();
    receiverB = await startReceiver();

    // B listens to everything; A listens to everything too, so A's receiver tells when A's jobs are done
    for (const element of ['group', 'event', 'rsvp'] as const) {
      for (const trigger of ['create', 'update', 'delete'] as const) {
        await createWebhook(b, {
          name: `B ${element} ${trigger}`,
          element,
          trigger,
          url: receiverB.url('/b'),
        });
        const w = await createWebhook(a, {
          name: `A ${element} ${trigger}`,
          element,
          trigger,
          url: receiverA.url('/a'),
        });
        if (element === 'group' && trigger === 'create') ids.webhook = w.id;
      }
    }
    ids.group = (await a.create<{ id: string }>('/v1/groups', { name: 'A group' })).id;
    ids.event = (
      await a.create<{ id: string }>('/v1/events', {
        title: 'A event',
        status: 'published',
        group_id: ids.group,
      })
    ).id;
    ids.rsvp = (
      await a.create<{ id: string }>(`/v1/events/${ids.event}/rsvps`, { email: 'a@example.com', name: 'A' })
    ).id;
    await receiverA.waitFor(3, 30_000);
    const deliveries = await listAll<{ id: string }>(a, `/v1/webhooks/${ids.webhook}/deliveries`);
    ids.delivery = deliveries[0]?.id ?? '';
  });

  afterAll(async () => {
    await receiverA?.close();
    await receiverB?.close();
    await stack?.stop();
  });

  const matrix = (): Array<[string, string, unknown?]> => [
    ['GET', `/v1/groups/${ids.group}`],
    ['PATCH', `/v1/groups/${ids.group}`, { name: 'B was here' }],
    ['DELETE', `/v1/groups/${ids.group}`],
    ['GET', `/v1/events/${ids.event}`],
    ['PATCH', `/v1/events/${ids.event}`, { title: 'B was here' }],
    ['DELETE', `/v1/events/${ids.event}`],
    ['GET', `/v1/events/${ids.event}/rsvps`],
    ['POST', `/v1/events/${ids.event}/rsvps`, { email: 'b@example.com', name: 'B' }],
    ['GET', `/v1/rsvps/${ids.rsvp}`],
    ['PATCH', `/v1/rsvps/${ids.rsvp}`, { name: 'B was here' }],
    ['DELETE', `/v1/rsvps/${ids.rsvp}`],
    ['GET', `/v1/webhooks/${ids.webhook}`],
    ['PATCH', `/v1/webhooks/${ids.webhook}`, { url: `http://127.0.0.1:9/stolen` }],
    ['DELETE', `/v1/webhooks/${ids.webhook}`],
    ['POST', `/v1/webhooks/${ids.webhook}/rotate-secret`, {}],
    ['POST', `/v1/webhooks/${ids.webhook}/preview`, { sample: true }],
    ['POST', `/v1/webhooks/${ids.webhook}/test`, {}],
    ['GET', `/v1/webhooks/${ids.webhook}/deliveries`],
    ['POST', `/v1/webhooks/${ids.webhook}/replay`, { since: '2000-01-01T00:00:00Z' }],
    ['GET', `/v1/deliveries/${ids.delivery}`],
    ['POST', `/v1/deliveries/${ids.delivery}/retry`, {}],
    ['POST', `/v1/deliveries/${ids.delivery}/cancel`, {}],
    ['GET', `/v1/deliveries?webhook_id=${ids.webhook}`],
    ['POST', '/v1/deliveries/cancel', { webhook_id: ids.webhook, status: 'pending' }],
    ['GET', `/v1/elements/group/${ids.group}/activity`],
    ['GET', `/v1/elements/event/${ids.event}/activity`],
    ['GET', `/v1/elements/rsvp/${ids.rsvp}/activity`],
  ];

  it('has a delivery of A to aim at', () => {
    expect(ids.delivery).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 problem+json to every method on every one of A’s resources', async () => {
    const wrong: string[] = [];
    for (const [method, path, body] of matrix()) {
      const res = await b.request(method, path, body);
      if (res.status !== 404 || !res.headers.get('content-type')?.includes('application/problem+json')) {
        wrong.push(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    console.log(`[reliability] tenancy: ${matrix().length} cross-account requests, all 404`);
  });

  it('answers 404 to B’s console session too (opened by B’s one-time link), CSRF token and all', async () => {
    const link = await b.post<{ url: string }>('/v1/console/links');
    expect(link.status).toBe(201);
    const signIn = await fetch(link.body.url, { redirect: 'manual' });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const session = await fetch(`${stack.api.baseUrl}/v1/console/session`, { headers: { cookie } });
    const { account_id, csrf_token } = (await session.json()) as { account_id: string; csrf_token: string };
    const [accountB] = await stack.db.query<{ id: string }>(`SELECT id FROM accounts WHERE name = 'B'`);
    expect(account_id).toBe(accountB?.id);
    const wrong: string[] = [];
    for (const [method, path, body] of matrix()) {
      const res = await fetch(`${stack.api.baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrf_token,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status !== 404 || !res.headers.get('content-type')?.includes('application/problem+json')) {
        wrong.push(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses references to A’s elements from B’s writes', async () => {
    const event = await b.post('/v1/events', { title: 'B event', group_id: ids.group });
    expect([400, 404]).toContain(event.status);
    const own = await createWebhook(b, { name: 'B preview', url: receiverB.url('/p') });
    const preview = await b.post(`/v1/webhooks/${own.id}/preview`, { element_id: ids.group });
    expect([400, 404]).toContain(preview.status);
    expect(JSON.stringify(preview.body)).not.toContain('A group');
    const test = await b.post(`/v1/webhooks/${own.id}/test`, { element_id: ids.group });
    expect(test.status).toBe(404);
    expect(JSON.stringify(test.body)).not.toContain('A group');
    await b.delete(`/v1/webhooks/${own.id}`);
  });

  it('never lists A’s rows to B, and A’s resources are untouched', async () => {
    for (const path of ['/v1/groups', '/v1/events', '/v1/webhooks', '/v1/deliveries']) {
      const items = await listAll<{ id: string }>(b, path);
      const leaked = items.filter((i) => Object.values(ids).includes(i.id));
      expect(leaked, path).toEqual([]);
    }
    expect((await a.get<{ name: string }>(`/v1/groups/${ids.group}`)).body.name).toBe('A group');
    expect((await a.get<{ title: string }>(`/v1/events/${ids.event}`)).body.title).toBe('A event');
    expect((await a.get<{ name: string }>(`/v1/rsvps/${ids.rsvp}`)).body.name).toBe('A');
    expect((await a.get<{ url: string }>(`/v1/webhooks/${ids.webhook}`)).body.url).toBe(receiverA.url('/a'));
  });

  it('delivers none of A’s changes to B’s webhooks', async () => {
    await a.patch(`/v1/groups/${ids.group}`, { name: 'A group 2' });
    await a.patch(`/v1/rsvps/${ids.rsvp}`, { name: 'A 2' });
    await a.delete(`/v1/rsvps/${ids.rsvp}`);
    await a.delete(`/v1/events/${ids.event}`);
    const [{ n: jobsOfA } = { n: 0 }] = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN accounts acc ON acc.id = w.account_id
        WHERE acc.name = 'bootstrap'`,
    );
    await waitUntil(() => new Set(receiverA.requests.map((r) => r.headers['webhook-id'])).size >= jobsOfA, {
      timeoutMs: 30_000,
      describe: () => `A received ${receiverA.requests.length} of ${jobsOfA}`,
    });
    expect(receiverB.requests).toEqual([]);
    const crossed = await stack.db.query(
      `SELECT d.id FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN element_snapshots s ON s.id = d.snapshot_id
        WHERE w.account_id <> d.account_id OR s.account_id <> d.account_id`,
    );
    expect(crossed).toEqual([]);
  });
});
