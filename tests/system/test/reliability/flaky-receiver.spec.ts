import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Receiver,
  type Reply,
  runBounded,
  seededRandom,
  startReceiver,
  waitUntil,
  type Stack,
  startStack,
} from '../../src';
import { createWebhook, listAll } from './support/fixtures';

/**
 * Receivers that misbehave. The flaky one answers 500 to 30 % of requests, hangs on 5 % (longer than the
 * relay's 1 s timeout) and resets the connection on 5 %, drawn from a seeded generator in arrival order.
 * With 16 attempts a job fails every one with probability 0.4^16 ≈ 4e-7 (≈ 1e-4 for the 300 jobs).
 */
const SEED = 20_261_127;
const JOBS_PER_WEBHOOK = 100;

async function jobStatusCounts(stack: Stack, webhookIds: string[]): Promise<Record<string, number>> {
  const rows = await stack.db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM deliveries WHERE webhook_id = ANY($1::uuid[]) GROUP BY status',
    [webhookIds],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('misbehaving receivers', () => {
  let stack: Stack;
  let flaky: Receiver;
  let broken: Receiver;
  const outcomes = { ok: 0, error500: 0, hang: 0, reset: 0 };

  beforeAll(async () => {
    stack = await startStack({
      relays: 1,
      relayExtra: { HOOKRELAY_RETRY_SCHEDULE: '0,200ms,300ms,500ms,500ms,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s' },
    });
    const random = seededRandom(SEED);
    flaky = await startReceiver({
      reply: (): Reply => {
        const draw = random();
        if (draw < 0.3) return (outcomes.error500++, { status: 500, body: 'boom' });
        if (draw < 0.35) return (outcomes.hang++, { hang: true });
        if (draw < 0.4) return (outcomes.reset++, { reset: true });
        return (outcomes.ok++, { status: 200 });
      },
    });
    broken = await startReceiver({ reply: () => ({ status: 503 }) });
  });

  afterAll(async () => {
    await flaky?.close();
    await broken?.close();
    await stack?.stop();
  });

  it('a receiver failing 40 % of the time at random gets every job within the shortened schedule', async () => {
    const webhooks = [];
    for (let i = 0; i < 3; i++)
      webhooks.push(await createWebhook(stack.client, { name: `flaky-${i}`, url: flaky.url(`/f/${i}`) }));
    const ids = webhooks.map((w) => w.id);
    await runBounded(JOBS_PER_WEBHOOK, 4, (i) => stack.client.create('/v1/groups', { name: `flaky ${i}` }));
    const total = JOBS_PER_WEBHOOK * webhooks.length;

    await waitUntil(async () => (await jobStatusCounts(stack, ids)).pending === undefined, {
      timeoutMs: 90_000,
      intervalMs: 500,
      describe: async () => `jobs by status: ${JSON.stringify(await jobStatusCounts(stack, ids))}`,
    });
    const counts = await jobStatusCounts(stack, ids);
    expect(counts).toEqual({ delivered: total });
    const [attempts] = await stack.db.query<{ n: number; max: number }>(
      'SELECT sum(attempts)::int AS n, max(attempts)::int AS max FROM deliveries WHERE webhook_id = ANY($1::uuid[])',
      [ids],
    );
    console.log(
      `[reliability] flaky-receiver: jobs=${total} delivered=${counts.delivered} dead=0 attempts=${attempts?.n} ` +
        `max-attempts-per-job=${attempts?.max} answers=${JSON.stringify(outcomes)}`,
    );
    expect(stack.relays[0]?.child.exitCode).toBeNull();
  });

  it('a receiver that always fails ends with dead jobs visible in the API, and a replay delivers them', async () => {
    // its own short schedule (5 attempts) also shows that a per-webhook schedule is honoured
    const webhook = await createWebhook(stack.client, {
      name: 'broken',
      element: 'event',
      url: broken.url('/b'),
      retry_schedule: '0,100ms,200ms,300ms,500ms',
    });
    const events = await runBounded(20, 4, (i) =>
      stack.client.create<{ id: string }>('/v1/events', { title: `broken ${i}`, status: 'published' }),
    );

    await waitUntil(async () => (await jobStatusCounts(stack, [webhook.id])).dead === events.length, {
      timeoutMs: 60_000,
      intervalMs: 500,
      describe: async () => `jobs by status: ${JSON.stringify(await jobStatusCounts(stack, [webhook.id]))}`,
    });
    const dead = await listAll<{ id: string; status: string }>(
      stack.client,
      `/v1/webhooks/${webhook.id}/deliveries?status=dead`,
    );
    expect(dead.length).toBe(events.length);
    expect(dead.every((d) => d.status === 'dead')).toBe(true);
    // one dead job tells its story: every attempt with the receiver's answer
    const one = await stack.client.get<{
      attempts: number;
      attempts_log: Array<{ response_status: number | null }>;
    }>(`/v1/deliveries/${dead[0]?.id}`);
    expect(one.status).toBe(200);
    expect(one.body.attempts).toBe(5);
    expect(one.body.attempts_log.length).toBe(one.body.attempts);
    expect(one.body.attempts_log.every((a) => a.response_status === 503)).toBe(true);

    // the receiver recovers; the admin replays the dead jobs
    broken.reply = () => ({ status: 204 });
    const before = broken.requests.length;
    const replay = await stack.client.post(`/v1/webhooks/${webhook.id}/replay`, {
      since: '2000-01-01T00:00:00Z',
      status: 'dead',
    });
    expect(replay.status).toBeLessThan(300);

    await waitUntil(
      () => {
        const seen = new Set(
          broken.requests
            .slice(before)
            .map((r) => (JSON.parse(r.body) as { element_data: { id: string } }).element_data.id),
        );
        return events.every((e) => seen.has(e.id));
      },
      {
        timeoutMs: 30_000,
        describe: () => `received ${broken.requests.length - before} replayed requests of ${events.length}`,
      },
    );
    // a replay queues new jobs (new webhook-ids) for the same changes; they end delivered, the dead stay as history
    await waitUntil(async () => (await jobStatusCounts(stack, [webhook.id])).delivered === events.length, {
      timeoutMs: 30_000,
      describe: async () => `jobs by status: ${JSON.stringify(await jobStatusCounts(stack, [webhook.id]))}`,
    });
    const final = await jobStatusCounts(stack, [webhook.id]);
    console.log(
      `[reliability] always-failing receiver: jobs=${events.length} dead=${dead.length} replayed=${events.length} ` +
        `after-replay=${JSON.stringify(final)}`,
    );
  });
});
