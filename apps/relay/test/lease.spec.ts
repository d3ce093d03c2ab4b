import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LANE, OutboxStore } from '../src/outbox/outbox-store';
import { type ClaimedJob, type FinishedAttempt } from '../src/outbox/types';
import { claimDue } from './claim-due';
import { OutboxFixture } from './fixtures';

let fixture: OutboxFixture;
let pool: Pool;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  pool = new Pool({ connectionString: fixture.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await fixture?.close();
});

function delivered(job: ClaimedJob): FinishedAttempt {
  return {
    job,
    status: 'delivered',
    retryDelayMs: null,
    lastError: null,
    log: {
      request: { method: 'POST', url: 'http://example.test/' },
      responseStatus: 200,
      responseHeaders: {},
      responseBody: 'ok',
      durationMs: 3,
      error: null,
      outcome: 'delivered',
    },
  };
}

describe('leases', () => {
  it('a relay whose lease expired cannot complete a job another relay reclaimed', async () => {
    const hook = await fixture.insertWebhook({ url: 'http://example.test/' });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const stale = new OutboxStore(pool, 'relay-a');
    const fresh = new OutboxStore(pool, 'relay-b');

    const [jobA] = await claimDue(stale, { limit: 10, leaseMs: 60_000 });
    expect(jobA?.id).toBe(id);
    expect(await claimDue(fresh, { limit: 10, leaseMs: 60_000 })).toEqual([]); // leased: not claimable

    await fixture.pool.query(
      `UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const [jobB] = await claimDue(fresh, { limit: 10, leaseMs: 60_000 });
    expect(jobB?.attempt).toBe(2);

    expect((await stale.complete([delivered(jobA as ClaimedJob)])).size).toBe(0);
    expect((await fixture.delivery(id as string)).locked_by).toBe('relay-b');
    expect([...(await fresh.complete([delivered(jobB as ClaimedJob)]))]).toEqual([id]);
    const row = await fixture.delivery(id as string);
    expect(row.status).toBe('delivered');
    // both attempts happened, so both are logged
    expect((await fixture.attempts(id as string)).map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('the same relay cannot complete an older claim of a job it claimed again', async () => {
    const hook = await fixture.insertWebhook({ url: 'http://example.test/' });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const store = new OutboxStore(pool, 'relay-c');
    const [first] = await claimDue(store, { limit: 10, leaseMs: 60_000 });
    await fixture.pool.query(
      `UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const [second] = await claimDue(store, { limit: 10, leaseMs: 60_000 });
    expect((await store.complete([delivered(first as ClaimedJob)])).size).toBe(0);
    expect((await store.complete([delivered(second as ClaimedJob)])).size).toBe(1);
  });

  it('release gives an unsent attempt back and leaves a sent one counted', async () => {
    const hook = await fixture.insertWebhook({ url: 'http://example.test/' });
    const [a, b] = await fixture.enqueue({ webhookId: hook.id, count: 2 });
    const store = new OutboxStore(pool, 'relay-d');
    const jobs = await claimDue(store, { limit: 10, leaseMs: 60_000 });
    await store.release(jobs.map((job) => ({ job, sent: job.id === b })));
    const rowA = await fixture.delivery(a as string);
    const rowB = await fixture.delivery(b as string);
    expect([rowA.attempts, rowA.locked_by]).toEqual([0, null]);
    expect([rowB.attempts, rowB.locked_by]).toEqual([1, null]);
    expect((await claimDue(store, { limit: 10, leaseMs: 60_000 })).length).toBe(2);
  });

  it('never claims jobs of a disabled webhook or jobs not yet due', async () => {
    // committed for a webhook that is disabled (as by a transaction that saw it active): not paused yet
    const disabled = await fixture.insertWebhook({ url: 'http://example.test/', status: 'disabled' });
    const [stray] = await fixture.enqueue({ webhookId: disabled.id });
    const later = await fixture.insertWebhook({ url: 'http://example.test/' });
    await fixture.enqueue({ webhookId: later.id, dueInMs: 3_600_000 });
    const store = new OutboxStore(pool, 'relay-e');

    // the claim skips a lane whose webhook is not active even when asked for it
    const lanes = await store.lanes({ after: FIRST_LANE, max: 100 });
    const claimed = await store.claim({
      lanes: lanes.map((lane) => ({
        webhookId: lane.webhookId,
        accountId: lane.accountId,
        quota: 10,
        destinationId: null,
      })),
      leaseMs: 60_000,
      probeLeaseMs: 20_000,
      rateHorizonMs: 1000,
    });
    expect(claimed).toEqual([]);
    expect(lanes.find((lane) => lane.webhookId === disabled.id)?.active).toBe(false);
    expect(lanes.find((lane) => lane.webhookId === later.id)?.dueForMs).toBeLessThan(-3_500_000);

    await store.pauseLanes([disabled.id]);
    // paused: its lane is gone, and the job was not attempted
    expect(await fixture.delivery(stray as string)).toMatchObject({
      paused: true,
      attempts: 0,
      locked_by: null,
    });
    expect((await store.lanes({ after: FIRST_LANE, max: 100 })).map((l) => l.webhookId)).not.toContain(
      disabled.id,
    );
  });

  it('takes from each lane only what the plan asks', async () => {
    const a = await fixture.insertWebhook({ url: 'http://a.example.test/' });
    const b = await fixture.insertWebhook({ url: 'http://b.example.test/' });
    const aJobs = await fixture.enqueue({ webhookId: a.id, count: 5 });
    const bJobs = await fixture.enqueue({ webhookId: b.id, count: 5 });
    const store = new OutboxStore(pool, 'relay-f');

    const claimed = await store.claim({
      lanes: [
        { webhookId: a.id, accountId: fixture.accountId, quota: 2, destinationId: null },
        { webhookId: b.id, accountId: fixture.accountId, quota: 3, destinationId: null },
      ],
      leaseMs: 60_000,
      probeLeaseMs: 20_000,
      rateHorizonMs: 1000,
    });
    expect(claimed.filter((j) => j.webhookId === a.id)).toHaveLength(2);
    expect(claimed.filter((j) => j.webhookId === b.id)).toHaveLength(3);
    expect(claimed.every((j) => aJobs.includes(j.id) || bJobs.includes(j.id))).toBe(true);
  });
});
