import { retryWindowsMs } from '@hookrelay/core';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_SERVER_OPTIONS } from '../src/outbox/connections';
import { DestinationStore } from '../src/outbox/destination-store';
import { FIRST_LANE, OutboxStore } from '../src/outbox/outbox-store';
import { clientConfigWithServerOptions } from '@hookrelay/db/connection-url';
import { OutboxFixture } from './fixtures';

/** The claim statements on their own, against a real PostgreSQL: what a plan may and may not get. */
let fixture: OutboxFixture;
let pool: Pool;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  pool = new Pool({ ...clientConfigWithServerOptions(fixture.url, CLAIM_SERVER_OPTIONS), max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await fixture?.close();
});

const claimInput = (lanes: Parameters<OutboxStore['claim']>[0]['lanes']) => ({
  lanes,
  leaseMs: 60_000,
  probeLeaseMs: 20_000,
  rateHorizonMs: 1000,
});

describe('claims', () => {
  it('does not show a lane as due when all of its due jobs are in flight', async () => {
    const hook = await fixture.insertWebhook({ url: 'http://busy.example.test/' });
    await fixture.enqueue({ webhookId: hook.id, count: 3 });
    await fixture.enqueue({ webhookId: hook.id, count: 1, dueInMs: 60_000 });
    const store = new OutboxStore(pool, 'relay-lanes');
    const lane = async () =>
      (await store.lanes({ after: FIRST_LANE, max: 100 })).find((l) => l.webhookId === hook.id);
    expect((await lane())?.dueForMs).toBeGreaterThanOrEqual(0);
    await store.claim(
      claimInput([{ webhookId: hook.id, accountId: fixture.accountId, quota: 3, destinationId: null }]),
    );
    // only the job due in a minute is left unleased
    expect((await lane())?.dueForMs).toBeLessThan(-50_000);
  });

  it('gives nothing for a destination that was paused or opened after the plan was made', async () => {
    const paused = await fixture.insertWebhook({ url: 'http://paused.example.test/' });
    const open = await fixture.insertWebhook({ url: 'http://open.example.test/' });
    await fixture.enqueue({ webhookId: paused.id, count: 2 });
    await fixture.enqueue({ webhookId: open.id, count: 2 });
    await fixture.pool.query(
      `UPDATE destinations SET paused_until = now() + interval '1 minute' WHERE origin = 'http://paused.example.test'`,
    );
    await fixture.pool.query(
      `UPDATE destinations SET circuit = 'open' WHERE origin = 'http://open.example.test'`,
    );
    const store = new OutboxStore(pool, 'relay-stale');
    const jobs = await store.claim(
      claimInput([
        { webhookId: paused.id, accountId: fixture.accountId, quota: 2, destinationId: null },
        { webhookId: open.id, accountId: fixture.accountId, quota: 2, destinationId: null },
      ]),
    );
    expect(jobs).toEqual([]);
  });

  it('claims one probe by compare-and-set, only while the lane has a job to send', async () => {
    const hook = await fixture.insertWebhook({ url: 'http://probe.example.test/' });
    const destinationId = (await fixture.destinationOf(hook.id))?.id as string;
    await fixture.pool.query(
      `UPDATE destinations SET circuit = 'open', retry_at = now() - interval '1 second', version = 3 WHERE id = $1`,
      [destinationId],
    );
    const lane = { webhookId: hook.id, accountId: fixture.accountId, quota: 1, destinationId };
    const probe = { destinationId, version: 3 };
    const store = new OutboxStore(pool, 'relay-probe');
    // no job yet: the circuit stays open for the next probe
    expect(await store.claim(claimInput([{ ...lane, probe }]))).toEqual([]);
    expect((await fixture.destinationOf(hook.id))?.circuit).toBe('open');

    await fixture.enqueue({ webhookId: hook.id, count: 2 });
    const [first, second] = await Promise.all([
      store.claim(claimInput([{ ...lane, probe }])),
      new OutboxStore(pool, 'relay-probe-2').claim(claimInput([{ ...lane, probe }])),
    ]);
    expect([...(first ?? []), ...(second ?? [])].map((j) => [j.probe, j.probeVersion])).toEqual([[true, 4]]);
    expect((await fixture.destinationOf(hook.id))?.circuit).toBe('half_open');
  });

  it("hands out a rate-limited webhook's first slots once, to two relays claiming at once", async () => {
    const hook = await fixture.insertWebhook({ url: 'http://rated.example.test/', rateLimit: 10 });
    await fixture.enqueue({ webhookId: hook.id, count: 40 });
    const lane = {
      webhookId: hook.id,
      accountId: fixture.accountId,
      quota: 40,
      destinationId: null,
      rateIntervalMs: 100,
    };
    const claims = await Promise.all(
      ['relay-r1', 'relay-r2'].map((id) => new OutboxStore(pool, id).claim(claimInput([lane]))),
    );
    // when each job is to be sent: one slot each, 100 ms apart,
    // within about the next second, whichever relay got it
    const sendAt = claims
      .flat()
      .map((j) => j.sendAt)
      .sort((a, b) => a - b);
    // the slots of the next second, the first of them a lead of 100 ms ahead: nine, or ten
    expect(sendAt.length).toBeGreaterThanOrEqual(9);
    expect(sendAt.length).toBeLessThanOrEqual(10);
    for (let i = 1; i < sendAt.length; i++)
      expect((sendAt[i] as number) - (sendAt[i - 1] as number)).toBeGreaterThanOrEqual(80);
  });
});

describe('jobs waiting on an open circuit', () => {
  it('die once their schedule is over, unless they are leased or their schedule has time left', async () => {
    const hook = await fixture.insertWebhook({ url: 'http://gone.example.test/', retrySchedule: '0,1s,1m' });
    const destinations = new DestinationStore(fixture.pool);
    const [overdue, fresh, leased] = await Promise.all([
      fixture.enqueue({ webhookId: hook.id, dueInMs: -120_000 }),
      fixture.enqueue({ webhookId: hook.id }),
      fixture.enqueue({ webhookId: hook.id, dueInMs: -120_000 }),
    ]);
    await fixture.pool.query(
      `UPDATE deliveries SET locked_by = 'someone', locked_until = now() + interval '1 minute' WHERE id = $1`,
      [leased[0]],
    );
    const expiry = {
      webhookId: hook.id,
      windows: retryWindowsMs([0, 1000, 60_000]),
      lastWindow: 60_000,
      reason: 'gave up',
    };
    // closed circuit: nothing is swept
    expect((await destinations.blockedWebhooks()).map((w) => w.id)).not.toContain(hook.id);
    await fixture.pool.query(
      `UPDATE destinations SET circuit = 'open' WHERE origin = 'http://gone.example.test'`,
    );
    expect((await destinations.blockedWebhooks()).map((w) => w.id)).toContain(hook.id);
    expect(await destinations.expireWaitingJobs([expiry])).toBe(1);
    expect((await fixture.delivery(overdue[0] as string)).status).toBe('dead');
    expect((await fixture.delivery(fresh[0] as string)).status).toBe('pending');
    expect((await fixture.delivery(leased[0] as string)).status).toBe('pending');
  });
});
