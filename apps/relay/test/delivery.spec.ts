import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { type RelayService } from '../src/service';
import { OutboxFixture, SAMPLE_RSVP } from './fixtures';
import { startTestRelay } from './relay-harness';

let fixture: OutboxFixture;
let receiver: Receiver;
let relay: RelayService;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  receiver = await startReceiver();
  relay = await startTestRelay(fixture);
});
afterAll(async () => {
  await relay?.stop({ timeoutMs: 1000 });
  await receiver?.close();
  await fixture?.close();
});
afterEach(() => {
  receiver.reply = () => ({ status: 200, body: 'ok' });
});

async function settled(id: string) {
  return waitUntil(
    async () => {
      const row = await fixture.delivery(id);
      return row.status !== 'pending' ? row : undefined;
    },
    { describe: `delivery ${id} to leave pending` },
  );
}

function verify(secret: string, body: string, headers: Record<string, string | string[] | undefined>) {
  return new Webhook(secret).verify(body, {
    'webhook-id': String(headers['webhook-id']),
    'webhook-timestamp': String(headers['webhook-timestamp']),
    'webhook-signature': String(headers['webhook-signature']),
  });
}

describe('delivery of each method', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    '%s sends headers, a JSON body, the query string and a valid signature',
    async (method) => {
      const path = `/hooks/${method.toLowerCase()}`;
      const hook = await fixture.insertWebhook({
        url: `${receiver.url(path)}?source=hookrelay&rsvp={{id}}`,
        method,
        headers: [
          { key: 'x-event', value: 'rsvp.{{status}}' },
          { key: 'authorization', value: 'Bearer s3cr3t-token', secret: true },
        ],
        body: [
          { key: 'contact.email', value: '{{email}}' },
          { key: 'seats', value: '{{seats}}' },
        ],
      });
      const [id] = await fixture.enqueue({ webhookId: hook.id });
      const row = await settled(id as string);
      expect(row.status).toBe('delivered');

      const received = receiver.requests.find((r) => r.url.startsWith(path));
      expect(received?.method).toBe(method);
      expect(received?.url).toBe(`${path}?source=hookrelay&rsvp=${SAMPLE_RSVP.id}`);
      expect(received?.headers['x-event']).toBe('rsvp.yes');
      expect(received?.headers['authorization']).toBe('Bearer s3cr3t-token');
      expect(received?.headers['content-type']).toMatch(/^application\/json/);
      expect(received?.headers['webhook-id']).toBe(id);
      const payload = JSON.parse(received?.body ?? '{}');
      expect(payload).toEqual({ element_data: SAMPLE_RSVP, contact: { email: 'ada@example.com' }, seats: 2 });
      expect(verify(hook.secret, received?.body ?? '', received?.headers ?? {})).toEqual(payload);

      const [attempt] = await fixture.attempts(id as string);
      expect(attempt?.outcome).toBe('delivered');
      expect(attempt?.response_status).toBe(200);
      expect(attempt?.request.headers['authorization']).toBe('[redacted]');
      expect(attempt?.request.headers['x-event']).toBe('rsvp.yes');
      expect(attempt?.request.body).toBe(received?.body);
    },
  );

  it('GET sends no body: the pairs and element_data go into the query string, signed over an empty body', async () => {
    const hook = await fixture.insertWebhook({
      url: receiver.url('/hooks/get'),
      method: 'GET',
      body: [{ key: 'email', value: '{{email}}' }],
    });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    expect((await settled(id as string)).status).toBe('delivered');
    const received = receiver.requests.find((r) => r.url.startsWith('/hooks/get'));
    expect(received?.method).toBe('GET');
    expect(received?.body).toBe('');
    const query = new URL(received?.url ?? '', 'http://x').searchParams;
    expect(query.get('email')).toBe('ada@example.com');
    expect(JSON.parse(query.get('element_data') ?? 'null')).toEqual(SAMPLE_RSVP);
    expect(() => verify(hook.secret, '', received?.headers ?? {})).not.toThrow();
  });

  it('signs with every secret retired in the last 24 hours, and not with an expired one', async () => {
    const secret = (n: number) => 'whsec_' + Buffer.alloc(32, n).toString('base64');
    const hourFromNow = new Date(Date.now() + 3_600_000);
    const retired = [secret(1), secret(2), secret(3)];
    const expired = secret(4);
    const hook = await fixture.insertWebhook({
      url: receiver.url('/hooks/rotation'),
      retiredSecrets: [
        ...retired.map((s) => ({ secret: s, expiresAt: hourFromNow })),
        { secret: expired, expiresAt: new Date(Date.now() - 1000) },
      ],
    });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    await settled(id as string);
    const received = receiver.requests.find((r) => r.url === '/hooks/rotation');
    expect(String(received?.headers['webhook-signature']).split(' ')).toHaveLength(4);
    for (const s of [hook.secret, ...retired]) {
      expect(() => verify(s, received?.body ?? '', received?.headers ?? {})).not.toThrow();
    }
    expect(() => verify(expired, received?.body ?? '', received?.headers ?? {})).toThrow();
  });
});

describe('outcomes', () => {
  it('retries after a 500 and then delivers, with the same webhook-id each time', async () => {
    receiver.reply = (r) =>
      r.url === '/flaky' && receiver.requests.filter((x) => x.url === '/flaky').length === 1
        ? { status: 500, body: 'boom', headers: { 'x-request-id': 'req-1' } }
        : { status: 200 };
    const hook = await fixture.insertWebhook({ url: receiver.url('/flaky') });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const row = await settled(id as string);
    expect(row.status).toBe('delivered');
    expect(row.attempts).toBe(2);
    const attempts = await fixture.attempts(id as string);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.response_status])).toEqual([
      [1, 'retry', 500],
      [2, 'delivered', 200],
    ]);
    expect(attempts[0]?.response_body).toBe('boom');
    expect(attempts[0]?.response_headers?.['x-request-id']).toBe('req-1');
    expect(attempts.map((a) => typeof a.duration_ms)).toEqual(['number', 'number']);
    const ids = receiver.requests.filter((r) => r.url === '/flaky').map((r) => r.headers['webhook-id']);
    expect(ids).toEqual([id, id]);
  });

  it("schedules a retry on the database's clock, whatever the relay's clock says", async () => {
    // the relay's clock runs an hour ahead of the database's
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 3600_000);
    try {
      receiver.reply = () => ({ status: 503 });
      const hook = await fixture.insertWebhook({ url: receiver.url('/skewed'), retrySchedule: '0,10m' });
      const [id] = await fixture.enqueue({ webhookId: hook.id });
      await waitUntil(async () => (await fixture.attempts(id as string)).length === 1);
      const waits = await waitUntil(async () => {
        const { rows } = await fixture.pool.query<{ locked_by: string | null; wait: number }>(
          `SELECT locked_by, extract(epoch FROM next_attempt_at - now())::float8 AS wait
             FROM deliveries WHERE id = $1`,
          [id],
        );
        return rows[0]?.locked_by === null ? rows[0].wait : undefined;
      });
      // 10 minutes ±20 % jitter from the database's now, not 70 minutes
      expect(waits).toBeGreaterThan(7 * 60);
      expect(waits).toBeLessThan(13 * 60);
    } finally {
      vi.useRealTimers();
    }
  });

  it('honours Retry-After over the schedule', async (ctx) => {
    // a host of its own: the 429 pauses its whole destination for two minutes
    const busy = await startReceiver({ host: '127.0.10.1' });
    ctx.onTestFinished(() => busy.close());
    busy.reply = () => ({ status: 429, headers: { 'retry-after': '120' } });
    const hook = await fixture.insertWebhook({ url: busy.url('/busy') });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const row = await waitUntil(async () => {
      const r = await fixture.delivery(id as string);
      return r.attempts === 1 && r.locked_by === null ? r : undefined;
    });
    const [attempt] = await fixture.attempts(id as string);
    expect(row.status).toBe('pending');
    expect(row.last_status_code).toBe(429);
    // the schedule says 100 ms; the receiver asked for two minutes
    const delayMs = row.next_attempt_at.getTime() - (attempt?.created_at.getTime() ?? 0);
    expect(delayMs).toBeGreaterThan(60_000);
  });

  it('410 Gone kills the job and disables the webhook; its other jobs wait until it is re-enabled', async () => {
    receiver.reply = (r) => (r.url === '/gone' ? { status: 410 } : { status: 200 });
    const hook = await fixture.insertWebhook({ url: receiver.url('/gone') });
    const [later] = await fixture.enqueue({ webhookId: hook.id, dueInMs: 3_600_000 }); // queued, due later
    const [first] = await fixture.enqueue({ webhookId: hook.id });
    expect((await settled(first as string)).status).toBe('dead');
    const webhook = await fixture.webhook(hook.id);
    expect(webhook.status).toBe('disabled');
    expect(webhook.disabled_reason).toMatch(/410/);
    // out of the claim index while the webhook is off
    expect(await fixture.delivery(later as string)).toMatchObject({ status: 'pending', paused: true });

    receiver.reply = () => ({ status: 200 });
    // committed while disabled, as by a transaction that saw the webhook active: not claimed, but paused
    // by the claim that came across it
    const [second] = await fixture.enqueue({ webhookId: hook.id });
    await waitUntil(async () => (await fixture.delivery(second as string)).paused, {
      describe: 'the stray paused',
    });
    expect(await fixture.delivery(second as string)).toMatchObject({ status: 'pending', attempts: 0 });

    await fixture.pool.query(
      `UPDATE webhooks SET status = 'active', disabled_reason = NULL, updated_at = now() WHERE id = $1`,
      [hook.id],
    );
    expect((await settled(second as string)).status).toBe('delivered');
    expect(await fixture.delivery(later as string)).toMatchObject({ status: 'pending', paused: false });
  });

  it('other 4xx are dead at once', async () => {
    receiver.reply = () => ({ status: 422, body: '{"error":"bad field"}' });
    const hook = await fixture.insertWebhook({ url: receiver.url('/strict') });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const row = await settled(id as string);
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(1);
    expect(row.last_status_code).toBe(422);
  });

  it('a request the HTTP client refuses to send (an expect header) is dead at once, not retried', async () => {
    const hook = await fixture.insertWebhook({
      url: receiver.url('/expect'),
      headers: [{ key: 'expect', value: '100-continue' }],
      retrySchedule: '0,100ms,100ms,100ms',
    });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const row = await settled(id as string);
    expect([row.status, row.attempts]).toEqual(['dead', 1]);
    expect(row.last_error).toMatch(/could not be built.*expect/i);
    expect(receiver.requests.some((r) => r.url === '/expect')).toBe(false);
  });

  it.each([301, 308])(
    'does not follow a %d: the job is dead at once, and the log says where it moved',
    async (status) => {
      const path = `/moved-${status}`;
      receiver.reply = (r) =>
        r.url === path ? { status, headers: { location: 'https://cms.example/new-hook' } } : { status: 200 };
      const hook = await fixture.insertWebhook({ url: receiver.url(path), retrySchedule: '0,100ms,100ms' });
      const [id] = await fixture.enqueue({ webhookId: hook.id });
      const row = await settled(id as string);
      expect([row.status, row.attempts, row.last_status_code]).toEqual(['dead', 1, status]);
      expect(row.last_error).toMatch(/moved permanently to https:\/\/cms\.example\/new-hook/);
      const [attempt] = await fixture.attempts(id as string);
      expect(attempt?.response_headers?.location).toBe('https://cms.example/new-hook');
      expect(receiver.requests.filter((r) => r.url === path)).toHaveLength(1);
    },
  );

  it.each([302, 303, 307])(
    'does not follow a %d either, but retries it: the move may be temporary',
    async (status) => {
      const path = `/moved-${status}`;
      let calls = 0;
      receiver.reply = (r) =>
        r.url === path && calls++ === 0 ? { status, headers: { location: '/elsewhere' } } : { status: 200 };
      const hook = await fixture.insertWebhook({ url: receiver.url(path), retrySchedule: '0,100ms,100ms' });
      const [id] = await fixture.enqueue({ webhookId: hook.id });
      const row = await settled(id as string);
      expect([row.status, row.attempts]).toEqual(['delivered', 2]);
      const [redirected] = await fixture.attempts(id as string);
      expect(redirected?.response_status).toBe(status);
      expect(redirected?.response_headers?.location).toBe('/elsewhere');
      expect(redirected?.outcome).toBe('retry');
      expect(receiver.requests.some((r) => r.url === '/elsewhere')).toBe(false);
    },
  );

  it('a timeout is a failed attempt, retried per the schedule', async () => {
    // undici's header timer has ~1 s resolution: the lease leaves room for it
    const slow = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_TIMEOUT: '300ms',
      HOOKRELAY_RELAY_LEASE: '5s',
    });
    await relay.stop({ timeoutMs: 1000 });
    try {
      receiver.reply = (r) => (r.url === '/slow' ? { hang: true } : { status: 200 });
      const hook = await fixture.insertWebhook({ url: receiver.url('/slow'), retrySchedule: '0,100ms' });
      const [id] = await fixture.enqueue({ webhookId: hook.id });
      const row = await settled(id as string);
      expect(row.status).toBe('dead');
      const attempts = await fixture.attempts(id as string);
      expect(attempts).toHaveLength(2);
      expect(attempts.map((a) => [a.response_status, a.error])).toEqual([
        [null, 'no response within 300 ms'],
        [null, 'no response within 300 ms'],
      ]);
    } finally {
      await slow.stop({ timeoutMs: 500 });
      relay = await startTestRelay(fixture);
    }
  });

  it('a refused connection is a failed attempt with the network error', async () => {
    const closed = await startReceiver();
    const url = closed.url('/nobody');
    await closed.close();
    const hook = await fixture.insertWebhook({ url, retrySchedule: '0' });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const row = await settled(id as string);
    expect(row.status).toBe('dead');
    const [attempt] = await fixture.attempts(id as string);
    expect(attempt?.error).toMatch(/ECONNREFUSED/);
    // no response: no headers (SQL NULL, not a JSON null)
    const { rows } = await fixture.pool.query(
      `SELECT response_headers IS NULL AS none, response_status FROM delivery_attempts WHERE delivery_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ none: true, response_status: null }]);
  });

  it('refuses a body over 256 KiB without sending it', async () => {
    const hook = await fixture.insertWebhook({
      url: receiver.url('/huge'),
      body: [{ key: 'blob', value: '{{fields.blob}}' }],
    });
    const [id] = await fixture.enqueue({
      webhookId: hook.id,
      data: { ...SAMPLE_RSVP, fields: { blob: 'x'.repeat(300 * 1024) } },
    });
    const row = await settled(id as string);
    expect(row.status).toBe('dead');
    expect(row.last_error).toMatch(/256|limit|large/i);
    expect(receiver.requests.some((r) => r.url === '/huge')).toBe(false);
  });

  it('stores at most 4 KiB of the response body', async () => {
    receiver.reply = () => ({ status: 200, body: 'y'.repeat(20_000) });
    const hook = await fixture.insertWebhook({ url: receiver.url('/chatty') });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    await settled(id as string);
    const [attempt] = await fixture.attempts(id as string);
    expect(attempt?.response_body).toHaveLength(4096);
  });

  it('reads only the start of a huge response and still records its status', async () => {
    receiver.reply = (r) =>
      r.url === '/firehose' ? { status: 200, body: 'z'.repeat(3 * 1024 * 1024) } : { status: 200 };
    const hook = await fixture.insertWebhook({ url: receiver.url('/firehose') });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    expect((await settled(id as string)).status).toBe('delivered');
    const [attempt] = await fixture.attempts(id as string);
    expect([attempt?.response_status, attempt?.response_body?.length]).toEqual([200, 4096]);
  });

  it('picks up jobs committed while it runs, in one batch', async () => {
    const hook = await fixture.insertWebhook({ url: receiver.url('/batch') });
    const ids = await fixture.enqueue({ webhookId: hook.id, count: 300 });
    await waitUntil(async () => {
      const { rows } = await fixture.pool.query(
        `SELECT count(*)::int AS n FROM deliveries WHERE id = ANY($1) AND status = 'delivered'`,
        [ids],
      );
      return rows[0].n === 300;
    });
    const seen = new Set(
      receiver.requests.filter((r) => r.url === '/batch').map((r) => r.headers['webhook-id']),
    );
    expect(seen.size).toBe(300);
  });
});
