import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Receiver,
  runBounded,
  seededRandom,
  sleep,
  startReceiver,
  waitUntil,
  type Stack,
  startStack,
} from '../../src';
import { countDeliveries, createWebhook } from './support/fixtures';

/**
 * 10,000 jobs = 5 webhooks on group create × 2,000 groups created through the API (the real outbox path),
 * while one of two relays is SIGKILLed every 1-3 s and respawned. At least once: every job the database
 * committed reaches the receiver; duplicates are allowed and counted.
 */
const WEBHOOKS = 5;
const GROUPS = 2_000;
const SEED = 7;

describe('relay SIGKILLed repeatedly while 10,000 jobs flow', () => {
  let stack: Stack;
  let receiver: Receiver;

  beforeAll(async () => {
    // small batches and bounded concurrency keep many jobs leased (in flight) at every kill
    stack = await startStack({
      relays: 2,
      relayExtra: { HOOKRELAY_RELAY_BATCH_SIZE: '50', HOOKRELAY_RELAY_CONCURRENCY: '32', LOG_LEVEL: 'warn' },
      extra: { LOG_LEVEL: 'warn' },
    });
    receiver = await startReceiver({ reply: () => ({ status: 204, delayMs: 5 }) });
  });

  afterAll(async () => {
    await receiver?.close();
    await stack?.stop();
  });

  it('delivers every committed job at least once and reports duplicates', async () => {
    for (let i = 0; i < WEBHOOKS; i++) {
      await createWebhook(stack.client, { name: `kill-${i}`, url: receiver.url(`/hook/${i}`) });
    }
    const random = seededRandom(SEED);
    let creating = true;
    let delivered = false;
    let kills = 0;

    const killLoop = (async () => {
      // keep killing while jobs are created and until they are all delivered (at least 5 kills)
      while (creating || !delivered || kills < 5) {
        await sleep(1000 + Math.floor(random() * 2000));
        if (!creating && delivered) break;
        const victim = stack.relays[Math.floor(random() * stack.relays.length)];
        if (!victim) continue;
        await stack.respawnRelay(victim);
        kills++;
      }
    })();

    const statuses = await runBounded(GROUPS, 4, async (i) => {
      const res = await stack.client.post('/v1/groups', { name: `group ${i}` });
      return res.status;
    });
    creating = false;
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const [committed] = await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries');
    expect(committed?.n).toBe(WEBHOOKS * GROUPS);

    await waitUntil(async () => countDeliveries(receiver.requests).distinct >= WEBHOOKS * GROUPS, {
      timeoutMs: 150_000,
      intervalMs: 500,
      describe: () =>
        `receiver saw ${countDeliveries(receiver.requests).distinct} of ${WEBHOOKS * GROUPS} jobs`,
    });
    await waitUntil(
      async () => {
        const [row] = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE status <> 'delivered'`,
        );
        return row?.n === 0;
      },
      { timeoutMs: 60_000, intervalMs: 500, describe: () => 'some jobs are not marked delivered' },
    );
    delivered = true;
    await killLoop;

    // every job id in the database reached the receiver
    const ids = new Set(receiver.requests.map((r) => r.headers['webhook-id']));
    const jobs = await stack.db.query<{ id: string }>('SELECT id FROM deliveries');
    const missing = jobs.filter((j) => !ids.has(j.id));
    expect(missing).toEqual([]);
    const counts = countDeliveries(receiver.requests);
    expect(counts.distinct).toBe(WEBHOOKS * GROUPS);

    console.log(
      `[reliability] relay-sigkill: jobs=${WEBHOOKS * GROUPS} received=${counts.total} distinct=${counts.distinct} ` +
        `lost=${WEBHOOKS * GROUPS - counts.distinct} duplicates=${counts.duplicates} relay-kills=${kills}`,
    );
  }, 300_000);
});
