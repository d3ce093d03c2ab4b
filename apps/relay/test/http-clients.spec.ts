import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_CLIENTS } from '../src/config';
import { OutboxFixture, waitFor } from './fixtures';
import { Receiver } from './receiver';
import { startTestRelay } from './relay-harness';

let fixture: OutboxFixture;
let receiver: Receiver;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  receiver = await Receiver.start();
  receiver.reply = (r) =>
    r.url.endsWith('/moved')
      ? { status: 301, headers: { location: '/elsewhere' } }
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
        waitFor(async () => {
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
      const row = await waitFor(async () => {
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
});
