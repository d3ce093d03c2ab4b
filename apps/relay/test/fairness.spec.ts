import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RelayService } from '../src/service';
import { OutboxFixture, waitFor } from './fixtures';
import { Receiver } from './receiver';
import { startTestRelay } from './relay-harness';

const SLOW_JOBS = 100;
const FAST_JOBS = 10;
const BACKLOG_JOBS = 2000;

let fixture: OutboxFixture;
let slow: Receiver;
let fast: Receiver;
let relay: RelayService | undefined;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  slow = await Receiver.start();
  slow.reply = () => ({ status: 200, body: 'ok', delayMs: 2000 });
  fast = await Receiver.start();
});
afterAll(async () => {
  await relay?.stop({ timeoutMs: 100 });
  await slow?.close();
  await fast?.close();
  await fixture?.close();
});

describe('fairness between origins', () => {
  it("delivers a fast origin's jobs while a slow origin's older backlog is still waiting", async () => {
    const slowHook = await fixture.insertWebhook({ url: slow.url('/slow') });
    const fastHook = await fixture.insertWebhook({ url: fast.url('/fast') });
    // the slow backlog is older: claims ordered by due time reach it first
    const slowIds = await fixture.enqueue({ webhookId: slowHook.id, count: SLOW_JOBS });
    const fastIds = await fixture.enqueue({ webhookId: fastHook.id, count: FAST_JOBS });

    // held at most 4 + 4 × 10 = 44 jobs: without a per-origin cap all of them are slow ones, 2 at a time
    relay = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_CONCURRENCY: '4',
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '2',
      HOOKRELAY_RELAY_BATCH_SIZE: '10',
      HOOKRELAY_RELAY_TIMEOUT: '5s',
      HOOKRELAY_RELAY_LEASE: '20s',
    });

    await waitFor(() => fast.requests.length >= FAST_JOBS, {
      timeoutMs: 20_000,
      what: 'every fast job to arrive',
    });
    const fastReceived = new Set(fast.requests.map((r) => String(r.headers['webhook-id'])));
    expect(fastReceived).toEqual(new Set(fastIds));
    // the slow origin answers 2 requests every 2 s: most of its backlog has not gone out yet
    expect(slow.requests.length).toBeLessThan(SLOW_JOBS / 2);

    await relay.stop({ timeoutMs: 100 });
    // jobs given back over the cap (and released at shutdown) were never sent: no attempt counted
    const slowReceived = new Set(slow.requests.map((r) => String(r.headers['webhook-id'])));
    const { rows } = await fixture.pool.query<{ id: string; status: string; attempts: number }>(
      `SELECT id, status, attempts FROM deliveries WHERE id = ANY($1::uuid[])`,
      [slowIds.filter((id) => !slowReceived.has(id))],
    );
    expect(rows.length).toBeGreaterThan(SLOW_JOBS / 2);
    expect(rows.filter((r) => r.status !== 'pending' || r.attempts !== 0)).toEqual([]);
  });

  it('does not hold back a single origin that keeps up: its backlog is not given back', async () => {
    await relay?.stop({ timeoutMs: 100 });
    const hook = await fixture.insertWebhook({ url: fast.url('/backlog') });
    const ids = await fixture.enqueue({ webhookId: hook.id, count: BACKLOG_JOBS });

    // a floor of 2 × 4 waiting jobs: a fixed cap would give back most of every 100-job claim
    relay = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_CONCURRENCY: '8',
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '4',
      HOOKRELAY_RELAY_BATCH_SIZE: '100',
    });
    await waitFor(() => fast.requests.filter((r) => r.url.startsWith('/backlog')).length >= BACKLOG_JOBS, {
      timeoutMs: 30_000,
      what: 'the whole backlog to arrive',
    });
    const received = new Set(fast.requests.map((r) => String(r.headers['webhook-id'])));
    expect(ids.every((id) => received.has(id))).toBe(true);

    // until the origin has answered a few requests its rate is unknown, so the first claim gives most of
    // its jobs back; after that the origin may have as many jobs waiting as it finishes in a second
    const metrics = await (await fetch(`http://127.0.0.1:${relay.port}/metrics`)).text();
    const givenBack = Number(/hookrelay_relay_given_back_total (\d+)/.exec(metrics)?.[1]);
    expect(givenBack).toBeLessThan(BACKLOG_JOBS / 5);
  });
});
