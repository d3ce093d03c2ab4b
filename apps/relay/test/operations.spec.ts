import { randomBytes } from 'node:crypto';
import { type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { NotifyListener } from '../src/outbox/notify-listener';
import { PRUNE_FINISHED_SQL } from '../src/outbox/sql';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

let fixture: OutboxFixture;
let receiver: Receiver;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await fixture?.close();
});

/** Delivered jobs are kept 1 h, dead and cancelled ones 3 h. */
const SHORT_RETENTION = {
  HOOKRELAY_RELAY_RETENTION_DELIVERED: '1h',
  HOOKRELAY_RELAY_RETENTION_UNDELIVERED: '3h',
};

describe('operations', () => {
  it('NOTIFY wakes the relay, also after its LISTEN connection was killed (polling is an hour away)', async () => {
    const relay = await startTestRelay(fixture, { HOOKRELAY_RELAY_POLL_INTERVAL: '1h' });
    try {
      const hook = await fixture.insertWebhook({ url: receiver.url('/notify') });
      const [first] = await fixture.enqueue({ webhookId: hook.id });
      await waitUntil(async () => (await fixture.delivery(first as string)).status === 'delivered');

      const killed = await fixture.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
        [`hookrelay-listen ${relay.relayId}`.slice(0, 63)],
      );
      expect(killed.rowCount).toBe(1);
      await waitUntil(
        async () => {
          const { rows } = await fixture.pool.query(
            `SELECT 1 FROM pg_stat_activity WHERE application_name = $1`,
            [`hookrelay-listen ${relay.relayId}`.slice(0, 63)],
          );
          return rows.length === 1;
        },
        { describe: 'the LISTEN connection to come back' },
      );
      const [second] = await fixture.enqueue({ webhookId: hook.id });
      await waitUntil(async () => (await fixture.delivery(second as string)).status === 'delivered');
    } finally {
      await relay.stop({ timeoutMs: 1000 });
    }
  });

  it('closes the connection of every failed LISTEN before it tries again', async () => {
    const applicationName = `listen-fails ${randomBytes(4).toString('hex')}`;
    let failures = 0;
    const listener = new NotifyListener({
      databaseUrl: fixture.url,
      applicationName,
      channel: 'not a channel name', // connects, then LISTEN fails (a syntax error)
      onNotify: () => undefined,
      logger: { warn: () => failures++ } as unknown as Logger,
      reconnectDelayMs: 20,
    });
    await listener.start();
    await waitUntil(() => failures >= 5, { describe: 'five failed LISTENs' });
    await listener.stop();
    const open = async () =>
      (
        await fixture.pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
          [applicationName],
        )
      ).rows[0]?.n as number;
    await waitUntil(async () => (await open()) === 0, { describe: 'no connection left', timeoutMs: 5000 });
  });

  it('claims a job only when its destination can take it: none outlives its lease, none goes twice', async () => {
    // one request at a time, 400 ms per answer, a 2 s lease: ten jobs held at once would outlive it
    const relay = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '1',
      HOOKRELAY_RELAY_TIMEOUT: '1s',
      HOOKRELAY_RELAY_LEASE: '2s',
      HOOKRELAY_RELAY_POLL_INTERVAL: '50ms',
    });
    receiver.reply = (r) => (r.url === '/narrow' ? { status: 200, delayMs: 400 } : { status: 200 });
    try {
      const hook = await fixture.insertWebhook({ url: receiver.url('/narrow') });
      const ids = await fixture.enqueue({ webhookId: hook.id, count: 10 });
      await waitUntil(
        async () => {
          const rows = await Promise.all(ids.map((id) => fixture.delivery(id)));
          return rows.every((r) => r.status === 'delivered');
        },
        { timeoutMs: 30_000 },
      );
      const received = receiver.requests
        .filter((r) => r.url === '/narrow')
        .map((r) => String(r.headers['webhook-id']));
      expect(received.sort()).toEqual([...ids].sort());
      const rows = await Promise.all(ids.map((id) => fixture.delivery(id)));
      expect(rows.map((r) => r.attempts)).toEqual(ids.map(() => 1));
    } finally {
      receiver.reply = () => ({ status: 200 });
      await relay.stop({ timeoutMs: 1000 });
    }
  });

  it('prunes snapshots past the retention once no job references them', async () => {
    const relay = await startTestRelay(fixture, SHORT_RETENTION);
    try {
      const hook = await fixture.insertWebhook({ url: receiver.url('/snapshots') });
      const [prunedJob] = await fixture.enqueue({ webhookId: hook.id });
      const [keptJob] = await fixture.enqueue({ webhookId: hook.id });
      await waitUntil(async () => {
        const rows = await Promise.all([prunedJob, keptJob].map((id) => fixture.delivery(id as string)));
        return rows.every((r) => r.status === 'delivered');
      });
      const snapshotOf = async (id: string) =>
        (await fixture.pool.query(`SELECT snapshot_id FROM deliveries WHERE id = $1`, [id])).rows[0]
          ?.snapshot_id as string;
      const prunedJobSnapshot = await snapshotOf(prunedJob as string);
      const keptJobSnapshot = await snapshotOf(keptJob as string);
      const orphan = async (age: string) =>
        (
          await fixture.pool.query(
            `INSERT INTO element_snapshots (account_id, element, element_id, trigger, data, created_at)
             VALUES ($1, 'rsvp', gen_random_uuid(), 'create', '{}', now() - $2::interval) RETURNING id`,
            [fixture.accountId, age],
          )
        ).rows[0]?.id as string;
      const oldOrphan = await orphan('2 hours');
      const freshOrphan = await orphan('0 seconds');
      await fixture.pool.query(
        `UPDATE element_snapshots SET created_at = now() - interval '2 hours' WHERE id = ANY($1)`,
        [[prunedJobSnapshot, keptJobSnapshot]],
      );
      await fixture.pool.query(
        `UPDATE deliveries SET completed_at = now() - interval '2 hours' WHERE id = $1`,
        [prunedJob],
      );

      await relay.pruner.runOnce();
      const all = [prunedJobSnapshot, keptJobSnapshot, oldOrphan, freshOrphan];
      const { rows } = await fixture.pool.query(`SELECT id FROM element_snapshots WHERE id = ANY($1)`, [all]);
      // the old job's snapshot and the old orphan go; one still referenced and a fresh one stay
      expect(rows.map((r) => r.id).sort()).toEqual([keptJobSnapshot, freshOrphan].sort());
      expect((await fixture.delivery(keptJob as string)).status).toBe('delivered');
    } finally {
      await relay.stop({ timeoutMs: 1000 });
    }
  });

  it('a pruning pass reads only the pages that can hold prunable jobs, also where autovacuum is off', async () => {
    const relay = await startTestRelay(fixture, SHORT_RETENTION);
    try {
      const hook = await fixture.insertWebhook({ url: receiver.url('/brin') });
      // BRIN ranges are summarised by autovacuum (autosummarize) or not at all: here, not at all; and
      // no old (even deleted, not yet vacuumed) job of an earlier test may widen a range
      await fixture.pool.query(`TRUNCATE deliveries, delivery_attempts`);
      await fixture.pool.query(`ALTER TABLE deliveries SET (autovacuum_enabled = false)`);
      const [first] = await fixture.enqueue({ webhookId: hook.id });
      const snapshotId = (await fixture.delivery(first as string)).snapshot_id;
      // 20,000 jobs finished a minute ago: none is past the retention
      await fixture.pool.query(
        `INSERT INTO deliveries (account_id, webhook_id, snapshot_id, status, attempts, completed_at)
         SELECT $1, $2, $3, 'delivered', 1, now() - interval '1 minute' FROM generate_series(1, 20000)`,
        [fixture.accountId, hook.id, snapshotId],
      );
      // the statistics an ANALYZE leaves (autovacuum's, or an operator's)
      await fixture.pool.query(`ANALYZE deliveries`);
      const heapBlocksRead = async () => {
        const client = await fixture.pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query(
            `EXPLAIN (ANALYZE, FORMAT JSON) ${PRUNE_FINISHED_SQL}`,
            [3_600_000, 3_600_000, 1000],
          );
          await client.query('ROLLBACK');
          const plan = JSON.stringify(rows[0]['QUERY PLAN']);
          const blocks = [...plan.matchAll(/"(?:Exact|Lossy) Heap Blocks":(\d+)/g)];
          return blocks.reduce((sum, m) => sum + Number(m[1]), 0);
        } finally {
          client.release();
        }
      };
      const { rows } = await fixture.pool.query(
        `SELECT pg_relation_size('deliveries') / current_setting('block_size')::int AS pages`,
      );
      const pages = Number(rows[0].pages);
      expect(pages).toBeGreaterThan(500);
      // unsummarised, every range is a candidate: the pass reads the whole table
      expect(await heapBlocksRead()).toBeGreaterThan(pages / 2);

      await relay.pruner.runOnce();
      // summarised by the pass: no range holds a job finished before the cut-off
      expect(await heapBlocksRead()).toBeLessThan(pages / 10);
    } finally {
      await fixture.pool.query(`ALTER TABLE deliveries RESET (autovacuum_enabled)`);
      await relay.stop({ timeoutMs: 1000 });
    }
  });

  it('prunes delivered jobs after their retention, dead and cancelled ones after theirs, pending ones never', async () => {
    const relay = await startTestRelay(fixture, SHORT_RETENTION);
    try {
      const hook = await fixture.insertWebhook({ url: receiver.url('/retention') });
      const ids = await fixture.enqueue({ webhookId: hook.id, count: 8 });
      await waitUntil(async () => {
        const rows = await Promise.all(ids.map((id) => fixture.delivery(id)));
        return rows.every((r) => r.status === 'delivered');
      });
      const [
        oldDelivered,
        freshDelivered,
        oldDead,
        olderDead,
        oldCancelled,
        olderCancelled,
        freshDead,
        oldPending,
      ] = ids as [string, string, string, string, string, string, string, string];
      const finish = (id: string, status: string, ago: string) =>
        fixture.pool.query(
          `UPDATE deliveries SET status = $2, completed_at = now() - $3::interval WHERE id = $1`,
          [id, status, ago],
        );
      // delivered: 1 h; dead and cancelled: 3 h
      await finish(oldDelivered, 'delivered', '2 hours');
      await finish(freshDelivered, 'delivered', '10 minutes');
      await finish(oldDead, 'dead', '2 hours');
      await finish(olderDead, 'dead', '4 hours');
      await finish(oldCancelled, 'cancelled', '2 hours');
      await finish(olderCancelled, 'cancelled', '4 hours');
      await finish(freshDead, 'dead', '10 minutes');
      // waiting for a webhook that has been off for long: old, but never finished
      await fixture.pool.query(
        `UPDATE deliveries SET status = 'pending', completed_at = NULL, created_at = now() - interval '2 days'
          WHERE id = $1`,
        [oldPending],
      );
      // attempts are as old as their jobs: they go with the job, not by their own age
      await fixture.pool.query(
        `UPDATE delivery_attempts SET created_at = now() - interval '5 hours' WHERE delivery_id = ANY($1)`,
        [ids],
      );

      await relay.pruner.runOnce();
      const { rows } = await fixture.pool.query(`SELECT id FROM deliveries WHERE id = ANY($1)`, [ids]);
      expect(rows.map((r) => r.id).sort()).toEqual(
        [freshDelivered, oldDead, oldCancelled, freshDead, oldPending].sort(),
      );
      for (const gone of [oldDelivered, olderDead, olderCancelled])
        expect(await fixture.attempts(gone)).toEqual([]);
      for (const kept of [freshDelivered, oldDead, oldCancelled, freshDead])
        expect(await fixture.attempts(kept)).toHaveLength(1);
    } finally {
      await relay.stop({ timeoutMs: 1000 });
    }
  });
});
