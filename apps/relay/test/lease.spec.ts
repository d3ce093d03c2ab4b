import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxStore } from '../src/outbox/outbox-store';
import { type ClaimedJob, type FinishedAttempt } from '../src/outbox/types';
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

    const [jobA] = (await stale.claim({ limit: 10, leaseMs: 60_000 })).jobs;
    expect(jobA?.id).toBe(id);
    expect((await fresh.claim({ limit: 10, leaseMs: 60_000 })).jobs).toEqual([]); // leased: not claimable

    await fixture.pool.query(
      `UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const [jobB] = (await fresh.claim({ limit: 10, leaseMs: 60_000 })).jobs;
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
    const [first] = (await store.claim({ limit: 10, leaseMs: 60_000 })).jobs;
    await fixture.pool.query(
      `UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const [second] = (await store.claim({ limit: 10, leaseMs: 60_000 })).jobs;
    expect((await store.complete([delivered(first as ClaimedJob)])).size).toBe(0);
    expect((await store.complete([delivered(second as ClaimedJob)])).size).toBe(1);
  });

  it('release gives an unsent attempt back and leaves a sent one counted', async () => {
    const hook = await fixture.insertWebhook({ url: 'http://example.test/' });
    const [a, b] = await fixture.enqueue({ webhookId: hook.id, count: 2 });
    const store = new OutboxStore(pool, 'relay-d');
    const { jobs } = await store.claim({ limit: 10, leaseMs: 60_000 });
    await store.release(jobs.map((job) => ({ job, sent: job.id === b })));
    const rowA = await fixture.delivery(a as string);
    const rowB = await fixture.delivery(b as string);
    expect([rowA.attempts, rowA.locked_by]).toEqual([0, null]);
    expect([rowB.attempts, rowB.locked_by]).toEqual([1, null]);
    expect((await store.claim({ limit: 10, leaseMs: 60_000 })).jobs.length).toBe(2);
  });

  it('never claims jobs of a disabled webhook or jobs not yet due', async () => {
    // committed for a webhook that is disabled (as by a transaction that saw it active): not paused yet
    const disabled = await fixture.insertWebhook({ url: 'http://example.test/', status: 'disabled' });
    const [stray] = await fixture.enqueue({ webhookId: disabled.id });
    const later = await fixture.insertWebhook({ url: 'http://example.test/' });
    await fixture.enqueue({ webhookId: later.id, dueInMs: 3_600_000 });
    const store = new OutboxStore(pool, 'relay-e');

    expect(await store.claim({ limit: 10, leaseMs: 60_000 })).toEqual({ jobs: [], strays: [stray] });
    await store.pauseStrays([stray as string]);
    // paused: not picked again, and not attempted
    expect(await fixture.delivery(stray as string)).toMatchObject({
      paused: true,
      attempts: 0,
      locked_by: null,
    });
    expect(await store.claim({ limit: 10, leaseMs: 60_000 })).toEqual({ jobs: [], strays: [] });
  });

  it('claims the due jobs of active webhooks and names every stray picked in the same batch', async () => {
    const active = await fixture.insertWebhook({ url: 'http://example.test/' });
    const disabled = await fixture.insertWebhook({ url: 'http://example.test/', status: 'disabled' });
    const strays = await fixture.enqueue({ webhookId: disabled.id, count: 2 });
    const jobs = await fixture.enqueue({ webhookId: active.id, count: 3 });
    const store = new OutboxStore(pool, 'relay-f');

    const claimed = await store.claim({ limit: 10, leaseMs: 60_000 });
    expect(claimed.jobs.map((j) => j.id).sort()).toEqual([...jobs].sort());
    expect([...claimed.strays].sort()).toEqual([...strays].sort());
  });
});
