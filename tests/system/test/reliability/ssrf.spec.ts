import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type Receiver,
  type RunningProcess,
  startApi,
  startReceiver,
  waitUntil,
  type Stack,
  startStack,
} from '../../src';
import { createWebhook } from './support/fixtures';

/**
 * SSRF, with the guard on (HOOKRELAY_ALLOW_PRIVATE_TARGETS unset). At save time every literal form of a
 * private, loopback, link-local, metadata or unspecified address is refused, and so is a name that
 * resolves to loopback. At delivery, webhooks that reach loopback in any spelling get no traffic. Nothing
 * here sends traffic anywhere but 127.0.0.1: save-time checks never connect, and redirects are pointed at
 * a local trap first.
 */
const FORBIDDEN_AT_SAVE = [
  'http://127.0.0.1/',
  'http://127.0.0.1:8080/x',
  'http://127.1/',
  'http://2130706433/',
  'http://017700000001/',
  'http://0177.0.0.1/',
  'http://0x7f000001/',
  'http://0x7f.0.0.1/',
  'http://0.0.0.0/',
  'http://0/',
  'http://localhost/',
  'http://LocalHost/',
  'http://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[64:ff9b::7f00:1]/',
  'http://169.254.169.254/latest/meta-data/',
  'http://2852039166/', // 169.254.169.254 in decimal
  'http://0xa9fea9fe/',
  'http://0251.0376.0251.0376/',
  'http://[fd00:ec2::254]/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://user:pass@127.0.0.1/',
];

describe('SSRF guard', () => {
  let stack: Stack;
  let strictApi: RunningProcess;
  let strict: ApiClient;
  let receiver: Receiver;

  beforeAll(async () => {
    // permissive API (to save loopback webhooks for the delivery matrix), relay with the guard on
    stack = await startStack({ relays: 1, relayExtra: { HOOKRELAY_ALLOW_PRIVATE_TARGETS: '' } });
    strictApi = await startApi({
      ...stack.env,
      extra: { ...stack.env.extra, HOOKRELAY_ALLOW_PRIVATE_TARGETS: '' },
    });
    strict = new ApiClient(strictApi.baseUrl, stack.env.apiKey, { timeoutMs: 30_000 });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
    await strictApi?.kill9();
    await stack?.stop();
  });

  it.each(FORBIDDEN_AT_SAVE)('refuses %s at save with a 400 on url', async (url) => {
    const res = await strict.post<{ errors?: Array<{ field: string }> }>('/v1/webhooks', {
      name: 'ssrf',
      trigger: 'create',
      element: 'group',
      method: 'POST',
      url,
      headers: [],
      body: [],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors?.some((e) => e.field === 'url')).toBe(true);
  });

  it('refuses a PATCH that points an existing webhook at the metadata address', async () => {
    const webhook = await createWebhook(stack.client, { url: 'http://127.0.0.1:9/hook' });
    const res = await strict.patch(`/v1/webhooks/${webhook.id}`, {
      url: 'http://169.254.169.254/latest/meta-data/',
    });
    expect(res.status).toBe(400);
    await stack.client.delete(`/v1/webhooks/${webhook.id}`);
  });

  it('at delivery, sends nothing to loopback whatever the spelling, and the jobs end dead', async () => {
    const port = receiver.port;
    const spellings = [
      `http://127.0.0.1:${port}/a`,
      `http://localhost:${port}/b`,
      `http://127.1:${port}/c`,
      `http://2130706433:${port}/d`,
      `http://0x7f000001:${port}/e`,
      `http://0177.0.0.1:${port}/f`,
      `http://[::ffff:127.0.0.1]:${port}/g`,
      `http://[::1]:${port}/h`,
    ];
    const ids: string[] = [];
    for (const url of spellings) ids.push((await createWebhook(stack.client, { name: url, url })).id);
    await stack.client.create('/v1/groups', { name: 'ssrf at delivery' });

    await waitUntil(
      async () => {
        const rows = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE webhook_id = ANY($1::uuid[]) AND status = 'dead'`,
          [ids],
        );
        return rows[0]?.n === ids.length;
      },
      {
        timeoutMs: 40_000,
        describe: async () =>
          JSON.stringify(
            await stack.db.query(
              `SELECT status, attempts, last_error FROM deliveries WHERE webhook_id = ANY($1::uuid[])`,
              [ids],
            ),
          ),
      },
    );
    expect(receiver.requests).toEqual([]);
    const errors = await stack.db.query<{ last_error: string }>(
      `SELECT last_error FROM deliveries WHERE webhook_id = ANY($1::uuid[])`,
      [ids],
    );
    console.log(
      `[reliability] ssrf at delivery: ${ids.length} loopback spellings, 0 requests received; errors: ${[...new Set(errors.map((e) => e.last_error))].join(' | ')}`,
    );
  });

  it('does not follow redirects (301, 302, 303, 307, 308), not even toward a local trap', async () => {
    // this part needs the relay to reach 127.0.0.1, so the guarded relay makes way for a permissive one
    for (const relay of [...stack.relays]) {
      await relay.stop();
      stack.relays = stack.relays.filter((r) => r !== relay);
    }
    await stack.addRelay({ HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'true' });
    const trap = await startReceiver();
    const metadata = { requested: false };
    const redirector = await startReceiver({
      reply: (request) => {
        const status = Number(/\/(\d{3})/.exec(request.url)?.[1] ?? 302);
        const location = request.url.includes('metadata')
          ? 'http://169.254.169.254/latest/meta-data/'
          : trap.url('/followed');
        if (request.url.includes('metadata')) metadata.requested = true;
        return { status, headers: { location } };
      },
    });
    try {
      const ids: string[] = [];
      for (const status of [301, 302, 303, 307, 308]) {
        ids.push(
          (await createWebhook(stack.client, { name: `r${status}`, url: redirector.url(`/${status}`) })).id,
        );
      }
      await stack.client.create('/v1/groups', { name: 'redirect me' });
      await waitUntil(() => redirector.requests.length >= ids.length, {
        timeoutMs: 30_000,
        describe: () => 'redirector not reached',
      });
      // let retries happen too: every attempt ends with the 3xx recorded, never a request at the trap
      await waitUntil(
        async () => {
          const rows = await stack.db.query<{ n: number }>(
            `SELECT count(DISTINCT delivery_id)::int AS n FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
              WHERE d.webhook_id = ANY($1::uuid[]) AND a.response_status BETWEEN 300 AND 399`,
            [ids],
          );
          return rows[0]?.n === ids.length;
        },
        { timeoutMs: 30_000, describe: () => 'redirect responses not recorded' },
      );
      expect(trap.requests).toEqual([]);

      // now that redirects are shown not to be followed, the same toward the metadata address
      const meta = await createWebhook(stack.client, {
        name: 'metadata',
        url: redirector.url('/302/metadata'),
      });
      await stack.client.create('/v1/groups', { name: 'redirect to metadata' });
      await waitUntil(
        async () => {
          const rows = await stack.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
              WHERE d.webhook_id = $1 AND a.response_status = 302`,
            [meta.id],
          );
          return (rows[0]?.n ?? 0) > 0;
        },
        { timeoutMs: 30_000, describe: () => 'metadata redirect not recorded' },
      );
      expect(metadata.requested).toBe(true);
      expect(trap.requests).toEqual([]);
    } finally {
      await trap.close();
      await redirector.close();
    }
  });

  it('is still refused at save after all that (a sanity check of the strict API process)', async () => {
    expect(strictApi.child.exitCode).toBeNull();
    const res = await strict.post('/v1/webhooks', {
      name: 'x',
      trigger: 'create',
      element: 'group',
      method: 'POST',
      url: 'http://169.254.169.254/',
      headers: [],
      body: [],
    });
    expect(res.status).toBe(400);
  });
});
