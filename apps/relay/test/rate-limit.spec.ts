import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedRequest, type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { type RelayService } from '../src/service';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';
import { spawnRelay, type RelayProcess } from './relay-process';

let fixture: OutboxFixture;
const receivers: Receiver[] = [];
const processes: RelayProcess[] = [];
const services: RelayService[] = [];

beforeAll(async () => {
  fixture = await OutboxFixture.create();
});
// each test's relays stop with it: a relay left running would take the next test's jobs
afterEach(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.splice(0).map((p) => p.exited));
  await Promise.all(services.splice(0).map((s) => s.stop({ timeoutMs: 100 })));
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await fixture?.close();
});

async function receiver(host: string): Promise<Receiver> {
  const started = await startReceiver({ host: host });
  receivers.push(started);
  return started;
}

/** The most requests that arrived within any window of `windowMs`. */
function mostWithin(requests: readonly ReceivedRequest[], windowMs: number): number {
  const times = requests.map((r) => r.receivedAt).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('rate_limit', () => {
  it('holds a webhook to its requests per second across two relays; its neighbour is not held', async () => {
    const target = await receiver('127.0.7.1');
    const limited = await fixture.insertWebhook({ url: target.url('/limited'), rateLimit: 20 });
    const free = await fixture.insertWebhook({ url: target.url('/free') });
    await fixture.enqueue({ webhookId: limited.id, count: 80 });
    await fixture.enqueue({ webhookId: free.id, count: 80 });
    for (let i = 0; i < 2; i++) processes.push(spawnRelay(fixture));
    await Promise.all(processes.map((p) => p.started));

    // the relays hold no more of its jobs than the next second's slots: the rest wait in the outbox
    let mostHeld = 0;
    const sampler = setInterval(() => {
      void fixture.pool
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE webhook_id = $1 AND status = 'pending' AND locked_by IS NOT NULL`,
          [limited.id],
        )
        .then(({ rows }) => (mostHeld = Math.max(mostHeld, rows[0]?.n ?? 0)));
    }, 50);
    await waitUntil(() => target.requests.length >= 160, {
      timeoutMs: 20_000,
      describe: 'every job to arrive',
    });
    clearInterval(sampler);
    expect(mostHeld).toBeGreaterThan(0);
    expect(mostHeld).toBeLessThanOrEqual(25);
    const limitedRequests = target.requests.filter((r) => r.url === '/limited');
    const freeRequests = target.requests.filter((r) => r.url === '/free');
    expect(new Set(limitedRequests.map((r) => r.headers['webhook-id'])).size).toBe(80);
    // never more than 20 in any second (one more where two slots fall on the second's edges)
    expect(mostWithin(limitedRequests, 1000)).toBeLessThanOrEqual(21);
    // 80 at 20 per second: about four seconds, not one burst
    const span =
      Math.max(...limitedRequests.map((r) => r.receivedAt)) -
      Math.min(...limitedRequests.map((r) => r.receivedAt));
    expect(span).toBeGreaterThanOrEqual(3500);
    // the webhook without a limit, to the same host, was done long before
    expect(Math.max(...freeRequests.map((r) => r.receivedAt))).toBeLessThan(
      Math.max(...limitedRequests.map((r) => r.receivedAt)) - 2000,
    );
  });
});

describe('a missed rate slot', () => {
  it('is not used late: the job goes back for a fresh slot, costing no attempt, and nothing bunches', async () => {
    const target = await receiver('127.0.7.2');
    const limited = await fixture.insertWebhook({ url: target.url('/limited'), rateLimit: 10 });
    await fixture.enqueue({ webhookId: limited.id, count: 30 });
    // the only relay, in this process: the stall below stops it and the receiver
    services.push(await startTestRelay(fixture));

    await waitUntil(() => target.requests.length >= 1, { timeoutMs: 10_000, describe: 'the first request' });
    // its event loop stops while slots pass, as under a long GC pause
    const busyUntil = Date.now() + 450;
    while (Date.now() < busyUntil);
    await waitUntil(() => target.requests.length >= 30, {
      timeoutMs: 20_000,
      describe: 'every job to arrive',
    });

    expect(new Set(target.requests.map((r) => r.headers['webhook-id'])).size).toBe(30);
    // the four or so slots that passed meanwhile would have gone out in one burst
    expect(mostWithin(target.requests, 1000)).toBeLessThanOrEqual(11);
    const { rows } = await fixture.pool.query<{ attempts: number }>(
      `SELECT attempts FROM deliveries WHERE webhook_id = $1 AND status = 'delivered'`,
      [limited.id],
    );
    expect(rows.map((r) => r.attempts)).toEqual(Array.from({ length: 30 }, () => 1));
  });
});

describe('429 with Retry-After', () => {
  it('sends nothing to that origin for the time asked, from any webhook or relay', async () => {
    const target = await receiver('127.0.8.1');
    let throttledAt: number | undefined;
    target.reply = (request, index) => {
      if (index === 5) {
        throttledAt = request.receivedAt;
        return { status: 429, headers: { 'retry-after': '2' }, body: 'slow down' };
      }
      return { status: 200, body: 'ok', delayMs: 20 };
    };
    const a = await fixture.insertWebhook({ url: target.url('/a') });
    const b = await fixture.insertWebhook({ url: target.url('/b') });
    await fixture.enqueue({ webhookId: a.id, count: 30 });
    await fixture.enqueue({ webhookId: b.id, count: 30 });
    for (let i = 0; i < 2; i++) services.push(await startTestRelay(fixture));

    // 60 jobs and the throttled one's second attempt
    await waitUntil(() => target.requests.length >= 61, {
      timeoutMs: 20_000,
      describe: 'every job to arrive',
    });
    const at = throttledAt as number;
    // requests already under way when the 429 came may still land just after it; then nothing for 2 s
    const during = target.requests.filter((r) => r.receivedAt > at + 150 && r.receivedAt < at + 2000);
    expect(during.map((r) => `${r.url} +${r.receivedAt - at} ms`)).toEqual([]);
    expect(target.requests.filter((r) => r.receivedAt >= at + 2000).length).toBeGreaterThan(0);
    const destination = await fixture.destinationOf(a.id);
    expect(destination?.paused_until?.getTime()).toBeGreaterThanOrEqual(at + 1900);
  });
});
