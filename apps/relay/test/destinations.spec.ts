import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { type RelayService } from '../src/service';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

const SLOW_JOBS = 100;
const FAST_JOBS = 10;

let fixture: OutboxFixture;
let slow: Receiver;
let fast: Receiver;
let relay: RelayService | undefined;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  slow = await startReceiver();
  slow.reply = () => ({ status: 200, body: 'ok', delayMs: 2000 });
  fast = await startReceiver();
});
afterAll(async () => {
  await relay?.stop({ timeoutMs: 100 });
  await slow?.close();
  await fast?.close();
  await fixture?.close();
});

describe('destinations', () => {
  it("delivers a fast origin's jobs while a slow origin's older backlog is still waiting", async () => {
    const slowHook = await fixture.insertWebhook({ url: slow.url('/slow') });
    const fastHook = await fixture.insertWebhook({ url: fast.url('/fast') });
    // the slow backlog is older: claims ordered by due time reach it first
    const slowIds = await fixture.enqueue({ webhookId: slowHook.id, count: SLOW_JOBS });
    const fastIds = await fixture.enqueue({ webhookId: fastHook.id, count: FAST_JOBS });

    // four requests at once in all, two per destination: the slow one holds two, the fast one gets the rest
    relay = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_CONCURRENCY: '4',
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '2',
      HOOKRELAY_RELAY_BATCH_SIZE: '10',
      HOOKRELAY_RELAY_TIMEOUT: '5s',
      HOOKRELAY_RELAY_LEASE: '20s',
    });

    await waitUntil(() => fast.requests.length >= FAST_JOBS, {
      timeoutMs: 20_000,
      describe: 'every fast job to arrive',
    });
    const fastReceived = new Set(fast.requests.map((r) => String(r.headers['webhook-id'])));
    expect(fastReceived).toEqual(new Set(fastIds));
    // the slow origin answers 2 requests every 2 s: most of its backlog has not gone out yet
    expect(slow.requests.length).toBeLessThan(SLOW_JOBS / 2);

    await relay.stop({ timeoutMs: 100 });
    // jobs no claim took (and those released at shutdown) were never sent: no attempt counted
    const slowReceived = new Set(slow.requests.map((r) => String(r.headers['webhook-id'])));
    const { rows } = await fixture.pool.query<{ id: string; status: string; attempts: number }>(
      `SELECT id, status, attempts FROM deliveries WHERE id = ANY($1::uuid[])`,
      [slowIds.filter((id) => !slowReceived.has(id))],
    );
    expect(rows.length).toBeGreaterThan(SLOW_JOBS / 2);
    expect(rows.filter((r) => r.status !== 'pending' || r.attempts !== 0)).toEqual([]);
  });

  it("grows a destination's limit while it answers quickly, up to the host concurrency", async () => {
    await relay?.stop({ timeoutMs: 100 });
    const quick = await startReceiver({ host: '127.0.9.1' });
    quick.reply = () => ({ status: 200, body: 'ok', delayMs: 20 });
    const hook = await fixture.insertWebhook({ url: quick.url('/grow') });
    await fixture.enqueue({ webhookId: hook.id, count: 600 });
    relay = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_HOST_CONCURRENCY_START: '2',
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '16',
    });
    await waitUntil(() => quick.requests.length >= 600, {
      timeoutMs: 30_000,
      describe: 'every job to arrive',
    });
    // it started at 2 in flight and reached the ceiling, never past it
    expect(quick.maxInFlight).toBe(16);
    await relay.stop({ timeoutMs: 100 });
    await quick.close();
  });

  it("halves a destination's limit when it answers 503, once per round of requests", async () => {
    const failing = await startReceiver({ host: '127.0.9.2' });
    // requests under way as each one arrives (itself included)
    const arrivals: { at: number; inFlight: number }[] = [];
    failing.reply = (request) => {
      arrivals.push({ at: request.receivedAt, inFlight: failing.inFlight });
      return { status: 503, body: 'busy', delayMs: 100 };
    };
    const hook = await fixture.insertWebhook({ url: failing.url('/shrink'), retrySchedule: '0,100ms,100ms' });
    await fixture.enqueue({ webhookId: hook.id, count: 40 });
    relay = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_HOST_CONCURRENCY_START: '16',
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '16',
      HOOKRELAY_RELAY_CIRCUIT_THRESHOLD: '1000',
    });
    await waitUntil(() => failing.requests.length >= 40, {
      timeoutMs: 20_000,
      describe: 'two rounds of requests',
    });
    await relay.stop({ timeoutMs: 500 });
    await failing.close();
    const firstAnswerAt = Math.min(...arrivals.map((r) => r.at)) + 100;
    const first = arrivals.filter((r) => r.at < firstAnswerAt);
    const after = arrivals.filter((r) => r.at > firstAnswerAt + 20);
    expect(Math.max(...first.map((r) => r.inFlight))).toBe(16);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.max(...after.map((r) => r.inFlight))).toBeLessThanOrEqual(8);
  });

  it('gives a webhook saved before destinations existed its destination at its first delivery', async () => {
    const hook = await fixture.insertWebhook({ url: fast.url('/legacy'), withDestination: false });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    relay = await startTestRelay(fixture);
    await waitUntil(async () => (await fixture.delivery(id as string)).status === 'delivered');
    const destination = await waitUntil(() => fixture.destinationOf(hook.id));
    expect(destination.origin).toBe(fast.origin);
    expect(destination.account_id).toBe(fixture.accountId);
  });
});
