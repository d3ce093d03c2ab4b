import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { HTTP_CLIENTS } from '../src/config';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

let fixture: OutboxFixture;
let receiver: Receiver;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  receiver = await startReceiver();
  receiver.reply = (r) =>
    r.url.endsWith('/moved')
      ? { status: 301, headers: { location: '/elsewhere' } }
      : r.url.endsWith('/firehose')
        ? { stream: { bytes: 32 * 1024 * 1024 } }
        : { status: 201, body: 'created' };
});
afterAll(async () => {
  await receiver?.close();
  await fixture?.close();
});

// the same behaviour whichever HTTP client is configured (HOOKRELAY_HTTP_CLIENT)
describe.each(HTTP_CLIENTS)('HTTP client %s', (kind) => {
  it('delivers a signed request, does not follow redirects, and keeps the SSRF guard', async () => {
    const relay = await startTestRelay(fixture, {
      HOOKRELAY_HTTP_CLIENT: kind,
      HOOKRELAY_RETRY_SCHEDULE: '0',
    });
    try {
      const ok = await fixture.insertWebhook({
        url: receiver.url(`/${kind}/ok`),
        headers: [{ key: 'x-kind', value: kind }],
      });
      const moved = await fixture.insertWebhook({ url: receiver.url(`/${kind}/moved`) });
      const [okId] = await fixture.enqueue({ webhookId: ok.id });
      const [movedId] = await fixture.enqueue({ webhookId: moved.id });
      const done = async (id: string) =>
        waitUntil(async () => {
          const row = await fixture.delivery(id);
          return row.status !== 'pending' ? row : undefined;
        });
      expect((await done(okId as string)).status).toBe('delivered');
      const moveRow = await done(movedId as string);
      expect([moveRow.status, moveRow.last_status_code]).toEqual(['dead', 301]);
      expect(receiver.requests.some((r) => r.url === '/elsewhere')).toBe(false);

      const received = receiver.requests.find((r) => r.url === `/${kind}/ok`);
      expect(received?.headers['x-kind']).toBe(kind);
      expect(() =>
        new Webhook(ok.secret).verify(received?.body ?? '', {
          'webhook-id': String(received?.headers['webhook-id']),
          'webhook-timestamp': String(received?.headers['webhook-timestamp']),
          'webhook-signature': String(received?.headers['webhook-signature']),
        }),
      ).not.toThrow();
      const [attempt] = await fixture.attempts(okId as string);
      expect([attempt?.response_status, attempt?.response_body]).toEqual([201, 'created']);
    } finally {
      await relay.stop({ timeoutMs: 1000 });
    }

    const guarded = await startTestRelay(fixture, {
      HOOKRELAY_HTTP_CLIENT: kind,
      HOOKRELAY_RETRY_SCHEDULE: '0',
      HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'false',
    });
    try {
      const hook = await fixture.insertWebhook({ url: `http://localhost:${receiver.port}/${kind}/ssrf` });
      const [id] = await fixture.enqueue({ webhookId: hook.id });
      const row = await waitUntil(async () => {
        const r = await fixture.delivery(id as string);
        return r.status !== 'pending' ? r : undefined;
      });
      expect(row.status).toBe('dead');
      expect(row.last_error).toMatch(/refused/);
      expect(receiver.requests.some((r) => r.url === `/${kind}/ssrf`)).toBe(false);
    } finally {
      await guarded.stop({ timeoutMs: 1000 });
    }
  });

  it('ignores HTTP(S)_PROXY and reads only the start of a huge answer, keeping its status', async () => {
    // a "proxy" in the environment would get the requests (and connect to any address, past the guard)
    const proxy = await startReceiver();
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy };
    process.env.HTTP_PROXY = process.env.http_proxy = proxy.url('');
    const relay = await startTestRelay(fixture, {
      HOOKRELAY_HTTP_CLIENT: kind,
      HOOKRELAY_RETRY_SCHEDULE: '0',
    });
    try {
      const direct = await fixture.insertWebhook({ url: receiver.url(`/${kind}/direct`) });
      const huge = await fixture.insertWebhook({ url: receiver.url(`/${kind}/firehose`) });
      const ids = [
        ...(await fixture.enqueue({ webhookId: direct.id })),
        ...(await fixture.enqueue({ webhookId: huge.id })),
      ];
      const rows = await waitUntil(async () => {
        const all = await Promise.all(ids.map((id) => fixture.delivery(id)));
        return all.every((r) => r.status !== 'pending') ? all : undefined;
      });
      expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
      expect(proxy.requests).toEqual([]);
      expect(receiver.requests.some((r) => r.url === `/${kind}/direct`)).toBe(true);

      const [attempt] = await fixture.attempts(ids[1] as string);
      expect([attempt?.response_status, attempt?.response_body?.length]).toEqual([200, 4096]);
      // 32 MiB were never read to the end: the connection was dropped
      expect(receiver.streamed.get(`/${kind}/firehose`)).toBeLessThan(32 * 1024 * 1024);
    } finally {
      process.env.HTTP_PROXY = saved.HTTP_PROXY;
      process.env.http_proxy = saved.http_proxy;
      if (saved.HTTP_PROXY === undefined) delete process.env.HTTP_PROXY;
      if (saved.http_proxy === undefined) delete process.env.http_proxy;
      await relay.stop({ timeoutMs: 1000 });
      await proxy.close();
    }
  });
});
