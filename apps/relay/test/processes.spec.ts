import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { OutboxFixture } from './fixtures';
import { MAIN_JS, spawnRelay, type RelayProcess } from './relay-process';

const JOBS = 5000;
let fixture: OutboxFixture;
let receiver: Receiver;
const running: RelayProcess[] = [];

beforeAll(async () => {
  if (!existsSync(MAIN_JS))
    throw new Error(
      `${MAIN_JS} is missing: build the relay first (npx turbo run build --filter=@hookrelay/relay)`,
    );
  fixture = await OutboxFixture.create();
  receiver = await startReceiver();
});
afterEach(async () => {
  for (const relay of running.splice(0)) {
    relay.child.kill('SIGKILL');
    await relay.exited;
  }
  receiver.requests.length = 0;
  receiver.reply = () => ({ status: 200 });
  await fixture.pool.query(`DELETE FROM deliveries`);
});
afterAll(async () => {
  await receiver?.close();
  await fixture?.close();
});

function start(env: Record<string, string> = {}): RelayProcess {
  const relay = spawnRelay(fixture, env);
  running.push(relay);
  return relay;
}

function countsById(path: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of receiver.requests) {
    if (r.url !== path) continue;
    const id = String(r.headers['webhook-id']);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe('relays as processes', () => {
  it(`two relays share ${JOBS} jobs: every job delivered exactly once`, async () => {
    const hook = await fixture.insertWebhook({ url: receiver.url('/two') });
    const a = start();
    const b = start();
    await Promise.all([a.started, b.started]);
    const ids = await fixture.enqueue({ webhookId: hook.id, count: JOBS });
    await waitUntil(async () => (await fixture.countByStatus()).delivered === JOBS, {
      timeoutMs: 60_000,
      describe: 'all delivered',
    });
    const counts = countsById('/two');
    expect(counts.size).toBe(JOBS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(counts.keys()));
  });

  it(`kill -9 in the middle of ${JOBS} jobs, then a restart: every job arrives, duplicates share their webhook-id`, async () => {
    const hook = await fixture.insertWebhook({ url: receiver.url('/crash') });
    const env = {
      HOOKRELAY_RELAY_LEASE: '2s',
      HOOKRELAY_RELAY_TIMEOUT: '1s',
      HOOKRELAY_RELAY_CONCURRENCY: '32',
    };
    const first = start(env);
    await first.started;
    receiver.reply = (_r, index) => {
      if (index === 1000) first.child.kill('SIGKILL');
      return { status: 200 };
    };
    const ids = await fixture.enqueue({ webhookId: hook.id, count: JOBS });
    expect(await first.exited).toBeNull(); // killed by the signal, no exit code
    const delivered = (await fixture.countByStatus()).delivered ?? 0;
    expect(delivered).toBeLessThan(JOBS);

    const second = start(env);
    await second.started;
    await waitUntil(() => countsById('/crash').size === JOBS, {
      timeoutMs: 60_000,
      describe: 'every webhook-id',
    });
    await waitUntil(async () => (await fixture.countByStatus()).delivered === JOBS, { timeoutMs: 30_000 });
    const counts = countsById('/crash');
    expect(new Set(counts.keys())).toEqual(new Set(ids));
    // a duplicate is the same job again: same webhook-id, same payload
    const bodies = new Map<string, string>();
    for (const r of receiver.requests.filter((x) => x.url === '/crash')) {
      const id = String(r.headers['webhook-id']);
      if (bodies.has(id)) expect(r.body).toBe(bodies.get(id));
      else bodies.set(id, r.body);
    }
  });

  it('SIGTERM finishes in-flight requests, gives the rest back, and exits 0', async () => {
    const hook = await fixture.insertWebhook({ url: receiver.url('/term') });
    const relay = start({ HOOKRELAY_RELAY_CONCURRENCY: '4', HOOKRELAY_RELAY_SHUTDOWN_TIMEOUT: '5s' });
    await relay.started;
    receiver.reply = () => ({ status: 200, delayMs: 300 });
    await fixture.enqueue({ webhookId: hook.id, count: 40 });
    await waitUntil(() => receiver.requests.length > 0);
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);

    const { rows } = await fixture.pool.query(`SELECT status, locked_by, attempts FROM deliveries`);
    const delivered = rows.filter((r) => r.status === 'delivered');
    const pending = rows.filter((r) => r.status === 'pending');
    expect(delivered.length).toBe(receiver.requests.length);
    expect(pending.length).toBe(40 - delivered.length);
    expect(pending.length).toBeGreaterThan(0);
    // nothing stays leased by the stopped relay, and jobs that never went out did not lose an attempt
    expect(rows.every((r) => r.locked_by === null)).toBe(true);
    expect(pending.every((r) => r.attempts === 0)).toBe(true);

    receiver.reply = () => ({ status: 200 });
    const next = start();
    await next.started;
    await waitUntil(async () => (await fixture.countByStatus()).delivered === 40);
  });

  it('a second signal exits at once', async () => {
    const hook = await fixture.insertWebhook({ url: receiver.url('/stuck') });
    const relay = start({ HOOKRELAY_RELAY_SHUTDOWN_TIMEOUT: '60s', HOOKRELAY_RELAY_TIMEOUT: '30s' });
    await relay.started;
    receiver.reply = () => ({ hang: true });
    await fixture.enqueue({ webhookId: hook.id });
    await waitUntil(() => receiver.requests.length > 0);
    relay.child.kill('SIGTERM');
    await waitUntil(() => relay.output().includes('finishing in-flight'));
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(130);
  });

  it('a webhook whose target plugin this relay did not load: named at start, its job dead with the reason, /health lists what is loaded', async () => {
    const hook = await fixture.insertWebhook({
      url: receiver.url('/acme'),
      target: { kind: 'acme-crm', settings: { region: 'eu' } },
    });
    const relay = start();
    const port = await relay.started;
    await waitUntil(() => relay.output().includes('acme-crm'), {
      describe: 'the start-up warning',
    });
    expect(relay.output()).toMatch(/target plugins this relay has not loaded/);

    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const row = await waitUntil(async () => {
      const r = await fixture.delivery(id as string);
      return r.status !== 'pending' ? r : undefined;
    });
    expect(row.status).toBe('dead');
    expect(row.last_error).toMatch(/target plugin "acme-crm" is not loaded/);
    expect(receiver.requests.some((r) => r.url === '/acme')).toBe(false);

    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { plugins: string[] };
    expect(health.plugins).toEqual(expect.arrayContaining(['wordpress', 'slack']));
    expect(health.plugins).not.toContain('acme-crm');
  });

  it('serves /health and /metrics', async () => {
    const relay = start();
    const port = await relay.started;
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/hookrelay_relay_deliveries_total\{outcome="delivered"\} \d+/);
    expect(metrics).toMatch(/hookrelay_relay_queue_depth \d+/);
    expect(metrics).toMatch(/hookrelay_relay_oldest_pending_age_seconds \d/);
    expect(metrics).toMatch(/hookrelay_relay_request_duration_seconds_bucket/);
  });
});
