import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, type Reply, startReceiver, waitUntil } from '@hookrelay/test-support';
import { OutboxFixture } from './fixtures';
import { spawnRelay, type RelayProcess } from './relay-process';

/**
 * One relay process, default flow settings, healthy destinations beside destinations that never answer,
 * that reset every connection and that answer in 5 s, each a host of its own (127.0.x.y). Every element
 * change fans out to all of them, as the API's outbox does.
 */
const HEALTHY = 10;
const FAILING = 3;
const CHANGES = 100;
const SPACING_MS = 20;
const SCHEDULE_MS = [0, 1000, 2000];
const RELAY_ENV = {
  HOOKRELAY_RETRY_SCHEDULE: SCHEDULE_MS.map((ms) => `${ms}ms`).join(','),
  HOOKRELAY_RELAY_TIMEOUT: '6s',
  HOOKRELAY_RELAY_LEASE: '15s',
  HOOKRELAY_RELAY_CIRCUIT_COOLDOWN: '2s',
};

const answer = (delayMs: number) => (): Reply => ({ status: 200, body: 'ok', delayMs });

let fixture: OutboxFixture;
const receivers: Receiver[] = [];
const relays: RelayProcess[] = [];

async function receiversOn(subnet: number, count: number, reply: () => Reply): Promise<Receiver[]> {
  const started = await Promise.all(
    Array.from({ length: count }, (_, i) => startReceiver({ host: `127.0.${subnet}.${i + 1}` })),
  );
  for (const receiver of started) receiver.reply = reply;
  receivers.push(...started);
  return started;
}

async function webhooksFor(targets: Receiver[]): Promise<string[]> {
  const ids: string[] = [];
  for (const target of targets) ids.push((await fixture.insertWebhook({ url: target.url('/hook') })).id);
  return ids;
}

/** Commits CHANGES changes, SPACING_MS apart; returns when each job was committed. */
async function commitChanges(webhookIds: string[]): Promise<Map<string, number>> {
  const committedAt = new Map<string, number>();
  for (let i = 0; i < CHANGES; i++) {
    const jobs = await fixture.enqueueChange({ webhookIds });
    const at = Date.now();
    for (const id of jobs.values()) committedAt.set(id, at);
    await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
  }
  return committedAt;
}

/** Commit-to-receipt latencies of the jobs in `committedAt` that `targets` received (sorted, ms). */
function latencies(targets: Receiver[], committedAt: Map<string, number>): number[] {
  return targets
    .flatMap((r) => r.requests)
    .flatMap((request) => {
      const at = committedAt.get(String(request.headers['webhook-id']));
      return at === undefined ? [] : [request.receivedAt - at];
    })
    .sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function metric(relay: RelayProcess, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${await relay.started}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

async function stop(relay: RelayProcess): Promise<void> {
  relay.child.kill('SIGTERM');
  await relay.exited;
}

beforeAll(async () => {
  fixture = await OutboxFixture.create();
});
afterAll(async () => {
  for (const relay of relays) if (relay.child.exitCode === null) relay.child.kill('SIGKILL');
  await Promise.all(receivers.map((r) => r.close()));
  await fixture?.close();
});

describe('a failing destination delays only itself', () => {
  it('keeps healthy deliveries as quick beside hosts that hang, reset or answer in 5 s', async () => {
    const healthy = await receiversOn(1, HEALTHY, answer(20));
    const hanging = await receiversOn(2, FAILING, () => ({ hang: true }));
    const resetting = await receiversOn(3, FAILING, () => ({ reset: true }));
    const slow = await receiversOn(4, FAILING, answer(5000));

    // alone: the healthy destinations' latency without failing neighbours
    const alone = spawnRelay(fixture, RELAY_ENV);
    relays.push(alone);
    await alone.started;
    const aloneHooks = await webhooksFor(healthy);
    const aloneCommits = await commitChanges(aloneHooks);
    await waitUntil(() => latencies(healthy, aloneCommits).length === HEALTHY * CHANGES, {
      timeoutMs: 30_000,
      describe: 'the healthy deliveries alone',
    });
    await stop(alone);
    const aloneP99 = percentile(latencies(healthy, aloneCommits), 99);

    // beside them: the same healthy destinations, and the failing ones on every change
    const relay = spawnRelay(fixture, RELAY_ENV);
    relays.push(relay);
    await relay.started;
    const healthyHooks = await webhooksFor(healthy);
    const failingHooks = {
      hanging: await webhooksFor(hanging),
      resetting: await webhooksFor(resetting),
      slow: await webhooksFor(slow),
    };
    const committedAt = await commitChanges([
      ...healthyHooks,
      ...failingHooks.hanging,
      ...failingHooks.resetting,
      ...failingHooks.slow,
    ]);
    const healthyCommits = new Map([...committedAt].filter(([id]) => !aloneCommits.has(id)));
    await waitUntil(() => latencies(healthy, healthyCommits).length === HEALTHY * CHANGES, {
      timeoutMs: 30_000,
      describe: 'the healthy deliveries beside failing hosts',
    });
    const besideP99 = percentile(latencies(healthy, healthyCommits), 99);
    console.log(
      `[isolation] healthy p99 alone ${aloneP99} ms, beside failing hosts ${besideP99} ms ` +
        `(p50 ${percentile(latencies(healthy, aloneCommits), 50)} / ${percentile(latencies(healthy, healthyCommits), 50)} ms)`,
    );
    expect(besideP99).toBeLessThanOrEqual(2 * aloneP99 + 1000);

    // the unreachable hosts' circuits open; their jobs die once their schedule's time has passed
    const unreachable = [...failingHooks.hanging, ...failingHooks.resetting];
    const { rows: dying } = await fixture.pool.query<{ id: string }>(
      `SELECT id FROM deliveries WHERE webhook_id = ANY($1::uuid[])`,
      [unreachable],
    );
    await waitUntil(
      async () => {
        const { rows } = await fixture.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE webhook_id = ANY($1::uuid[]) AND status = 'pending'`,
          [unreachable],
        );
        return rows[0]?.n === 0;
      },
      { timeoutMs: 45_000, describe: 'every job of the unreachable hosts to end' },
    );
    const { rows: ended } = await fixture.pool.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM deliveries WHERE webhook_id = ANY($1::uuid[]) GROUP BY status`,
      [unreachable],
    );
    expect(ended).toEqual([{ status: 'dead', n: dying.length }]);
    // most of them never got an attempt: they waited on the open circuit until their schedule ran out
    const { rows: neverSent } = await fixture.pool.query<{ last_error: string }>(
      `SELECT last_error FROM deliveries WHERE webhook_id = ANY($1::uuid[]) AND attempts = 0`,
      [unreachable],
    );
    expect(neverSent.length).toBeGreaterThan(dying.length / 2);
    expect(
      neverSent.every((r) => /^gave up: http:\/\/127\.0\.[23]\.\d:\d+ was unreachable/.test(r.last_error)),
    ).toBe(true);
    for (const id of unreachable) expect((await fixture.destinationOf(id))?.circuit).not.toBe('closed');

    // their attempts: never before the schedule allowed, never more than it has
    const { rows: attempts } = await fixture.pool.query<{
      delivery_id: string;
      attempt: number;
      started: number;
      ended: number;
    }>(
      `SELECT delivery_id, attempt,
              extract(epoch FROM created_at) * 1000 - coalesce(duration_ms, 0) AS started,
              extract(epoch FROM created_at) * 1000 AS ended
         FROM delivery_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, attempt`,
      [dying.map((r) => r.id)],
    );
    expect(attempts.length).toBeGreaterThan(0);
    for (const [i, a] of attempts.entries()) {
      expect(a.attempt).toBeLessThanOrEqual(SCHEDULE_MS.length);
      const before = attempts[i - 1];
      if (before?.delivery_id !== a.delivery_id) continue;
      // the record is written up to 50 ms after the answer: the schedule's step with its -20 % jitter
      const step = SCHEDULE_MS[before.attempt] ?? 0;
      expect(a.started - before.ended).toBeGreaterThanOrEqual(0.8 * step - 100);
    }

    // no lease ran out: every claim of every job led to an attempt (or was given back unsent)
    expect(await metric(relay, 'hookrelay_relay_lease_lost_total')).toBe(0);
    await stop(relay);
    const { rows: mismatched } = await fixture.pool.query(
      `SELECT d.id, d.attempts, (SELECT count(*)::int FROM delivery_attempts a WHERE a.delivery_id = d.id) AS logged
         FROM deliveries d
        WHERE d.attempts <> (SELECT count(*) FROM delivery_attempts a WHERE a.delivery_id = d.id)`,
    );
    expect(mismatched).toEqual([]);
  }, 150_000);
});
