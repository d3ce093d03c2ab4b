import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Receiver,
  runBounded,
  sleep,
  startReceiver,
  waitUntil,
  type Stack,
  startStack,
} from '../../src';
import { countDeliveries, createWebhook } from './support/fixtures';

/**
 * Every connection to the test's own database is terminated (what clients see when PostgreSQL restarts)
 * three times while the API writes and the relay delivers. Neither process is restarted.
 */
const WRITES = 600;
const TERMINATIONS = 3;

describe('PostgreSQL connections terminated during writes and deliveries', () => {
  let stack: Stack;
  let receiver: Receiver;

  beforeAll(async () => {
    stack = await startStack({ relays: 1 });
    // a slow answer keeps deliveries in flight while the connections die
    receiver = await startReceiver({ reply: () => ({ status: 200, delayMs: 30 }) });
  });

  afterAll(async () => {
    await receiver?.close();
    await stack?.stop();
  });

  it('API and relay recover without a restart and every committed change is delivered', async () => {
    await createWebhook(stack.client, { url: receiver.url('/db-fault') });
    const apiPid = stack.api.child.pid;
    const relayPid = stack.relays[0]?.child.pid;

    let terminated = 0;
    const faults = (async () => {
      for (let i = 0; i < TERMINATIONS; i++) {
        await sleep(700);
        terminated += await stack.db.terminateBackends();
      }
    })();

    // a write that fails because its connection died is not committed; a client would retry it
    const results = await runBounded(WRITES, 4, async (i) => {
      const res = await stack.client.post<{ id: string }>('/v1/groups', { name: `db-fault ${i}` });
      return { status: res.status, id: res.body?.id };
    });
    await faults;
    const committed = results.filter((r) => r.status === 201).map((r) => r.id as string);
    const failed = results.filter((r) => r.status !== 201);
    // failures during the outage say the database went away: 503 (retry as is), never a 500, a hang or a crash
    for (const f of failed) expect(f.status).toBe(503);

    // recovered by itself: the same API process answers writes again
    await waitUntil(async () => (await stack.client.post('/v1/groups', { name: 'after' })).status === 201, {
      timeoutMs: 20_000,
      describe: () => 'the API did not recover',
    });
    expect(stack.api.child.pid).toBe(apiPid);
    expect(stack.api.child.exitCode).toBeNull();

    // every element the API acknowledged exists with its job
    const rows = await stack.db.query<{ id: string; jobs: number }>(
      `SELECT g.id, (SELECT count(*)::int FROM deliveries d JOIN element_snapshots s ON s.id = d.snapshot_id
                      WHERE s.element_id = g.id) AS jobs
         FROM groups g WHERE g.id = ANY($1::uuid[])`,
      [committed],
    );
    expect(rows.length).toBe(committed.length);
    expect(rows.filter((r) => r.jobs !== 1)).toEqual([]);

    // a second round of terminations in the middle of delivery only
    const [{ n: total } = { n: 0 }] = await stack.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM deliveries',
    );
    for (let i = 0; i < 2; i++) {
      await sleep(300);
      terminated += await stack.db.terminateBackends();
    }

    await waitUntil(async () => countDeliveries(receiver.requests).distinct >= total, {
      timeoutMs: 60_000,
      intervalMs: 300,
      describe: () => `receiver saw ${countDeliveries(receiver.requests).distinct} of ${total} jobs`,
    });
    await waitUntil(
      async () => {
        const [row] = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE status <> 'delivered'`,
        );
        return row?.n === 0;
      },
      { timeoutMs: 30_000, describe: () => 'some jobs are not marked delivered' },
    );
    expect(stack.relays[0]?.child.pid).toBe(relayPid);
    expect(stack.relays[0]?.child.exitCode).toBeNull();
    const health = await fetch(`${stack.relays[0]?.baseUrl}/health`);
    expect(health.status).toBe(200);

    const ids = new Set(receiver.requests.map((r) => r.headers['webhook-id']));
    const jobs = await stack.db.query<{ id: string }>('SELECT id FROM deliveries');
    expect(jobs.filter((j) => !ids.has(j.id))).toEqual([]);
    const counts = countDeliveries(receiver.requests);
    console.log(
      `[reliability] db-terminate: writes=${WRITES} acknowledged=${committed.length} failed-during-outage=${failed.length} ` +
        `backends-terminated=${terminated} jobs=${total} received=${counts.total} lost=${total - counts.distinct} duplicates=${counts.duplicates}`,
    );
  });
});
