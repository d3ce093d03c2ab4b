import { Client, type Pool, type PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, waitUntil } from '@hookrelay/test-support';
import { createRelayPools, type RelayPools } from '../src/outbox/connections';
import { CLAIM_SQL, LANES_SQL } from '../src/outbox/claim-sql';
import { FIRST_LANE } from '../src/outbox/outbox-store';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

let fixture: OutboxFixture;
let pools: RelayPools;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  // the fixture's URL has options of its own (its schema's search_path), as a user's DATABASE_URL may
  pools = createRelayPools({ databaseUrl: fixture.url, applicationName: 'connections test' });
});
afterAll(async () => {
  await pools?.end();
  await fixture?.close();
});

async function settings(pool: Pool, names: string[]): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
    [names],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows read from the outbox by all scans of a plan (EXPLAIN ANALYZE, FORMAT JSON). */
function outboxRowsRead(node: PlanNode): number {
  const own =
    node['Relation Name'] === 'deliveries'
      ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + outboxRowsRead(child), 0);
}

/** Rows a statement reads from the outbox, run with EXPLAIN ANALYZE and rolled back, so it changes nothing. */
async function outboxRowsReadBy(client: PoolClient, statement: string, values?: unknown[]): Promise<number> {
  await client.query('BEGIN');
  try {
    const explained = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`,
      values,
    );
    return outboxRowsRead(
      (explained.rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan,
    );
  } finally {
    await client.query('ROLLBACK');
  }
}

describe("the relay's database connections", () => {
  it("carry the relay's settings also when DATABASE_URL has options of its own", async () => {
    const names = ['synchronous_commit', 'search_path', 'enable_bitmapscan', 'enable_seqscan'];
    expect(await settings(pools.pool, names)).toEqual({
      synchronous_commit: 'off',
      search_path: fixture.schema.schema,
      enable_bitmapscan: 'on',
      enable_seqscan: 'on',
    });
    expect(await settings(pools.claimPool, names)).toEqual({
      synchronous_commit: 'off',
      search_path: fixture.schema.schema,
      enable_bitmapscan: 'off',
      enable_seqscan: 'off',
    });
  });

  it('leave a setting the operator wrote into DATABASE_URL as it is', async () => {
    const url = new URL(fixture.url);
    url.searchParams.set('options', `${url.searchParams.get('options')} -c synchronous_commit=local`);
    const own = createRelayPools({ databaseUrl: url.toString(), applicationName: 'connections test' });
    try {
      expect(await settings(own.pool, ['synchronous_commit'])).toEqual({ synchronous_commit: 'local' });
      expect(await settings(own.claimPool, ['synchronous_commit'])).toEqual({ synchronous_commit: 'local' });
    } finally {
      await own.end();
    }
  });

  it('work through a Unix socket named in the query string (host=/a/dir), as node-postgres allows', async (ctx) => {
    // a schema of its own: the claim test below counts the rows its claim reads
    const own = await OutboxFixture.create();
    ctx.onTestFinished(() => own.close());
    const { rows } = await own.pool.query<{ dirs: string; port: string }>(
      `SELECT current_setting('unix_socket_directories') AS dirs, current_setting('port') AS port`,
    );
    const directory = rows[0]?.dirs.split(',')[0]?.trim();
    // the embedded server of `npm test` listens on TCP only
    if (!directory) return ctx.skip();
    const tcp = new URL(own.url);
    const password = tcp.password ? `:${tcp.password}` : '';
    const socketUrl =
      `postgresql://${tcp.username}${password}@${tcp.pathname}?host=${encodeURIComponent(directory)}` +
      `&port=${rows[0]?.port}&options=${encodeURIComponent(tcp.searchParams.get('options') ?? '')}`;
    const probe = new Client({ connectionString: socketUrl });
    try {
      await probe.connect();
    } catch (error) {
      // a server that refuses socket logins to this user (peer or password rules) is not what this is about
      if (['28000', '28P01'].includes((error as { code?: string }).code ?? '')) return ctx.skip();
      throw error;
    }
    await probe.end();

    // named, so only this relay's sessions are looked at (other files run relays over TCP meanwhile)
    const relayId = `socket-test-${process.pid}-${Date.now()}`;
    const receiver = await startReceiver();
    ctx.onTestFinished(() => receiver.close());
    const relay = await startTestRelay(own, { DATABASE_URL: socketUrl, HOOKRELAY_RELAY_ID: relayId });
    try {
      const hook = await own.insertWebhook({ url: receiver.url('/via-socket') });
      const [id] = await own.enqueue({ webhookId: hook.id });
      const row = await waitUntil(async () => {
        const r = await own.delivery(id as string);
        return r.status === 'delivered' ? r : undefined;
      });
      expect(row.status).toBe('delivered');
      // the relay's sessions came through the socket: no client address
      const sessions = await own.pool.query<{ tcp: boolean }>(
        `SELECT client_addr IS NOT NULL AS tcp FROM pg_stat_activity WHERE application_name LIKE '%' || $1`,
        [relayId],
      );
      expect(sessions.rows.length).toBeGreaterThan(0);
      expect(sessions.rows.every((s) => !s.tcp)).toBe(true);
    } finally {
      await relay.stop({ timeoutMs: 1000 });
    }
  });

  it('a claim reads about one batch whatever the number of active webhooks, without statistics', async (ctx) => {
    // a schema of its own, never analysed: a platform with a few dozen webhooks stays under
    // autovacuum's 50 changes, so its webhooks table may never get statistics
    const own = await OutboxFixture.create();
    const ownPools = createRelayPools({ databaseUrl: own.url, applicationName: 'connections test' });
    ctx.onTestFinished(async () => {
      await ownPools.end();
      await own.close();
    });
    const hooks = [];
    for (let i = 0; i < 10; i++) hooks.push(await own.insertWebhook({ url: `http://h${i}.example.test/` }));
    for (const hook of hooks) await own.enqueue({ webhookId: hook.id, count: 200 });

    const client = await ownPools.claimPool.connect();
    try {
      // finding the lanes reads the first entry of each webhook's pending jobs, not the 2,000 of them
      expect(await outboxRowsReadBy(client, LANES_SQL, [FIRST_LANE, 1000])).toBeLessThan(50);
      // 25 from each lane: 250 picked, 250 updated
      const lanes = JSON.stringify(hooks.map((h) => ({ webhook_id: h.id, quota: 25, probe_of: null })));
      expect(await outboxRowsReadBy(client, CLAIM_SQL, ['me', 60_000, lanes, '[]', 20_000])).toBeLessThan(
        1000,
      );
    } finally {
      client.release();
    }
  });

  it('a claim reads about one batch of a burst into an outbox that was nearly empty, without statistics', async () => {
    // no statistics, as in a new outbox or where autovacuum is off or behind
    await fixture.pool.query(`ALTER TABLE deliveries SET (autovacuum_enabled = false)`);
    const client = await pools.claimPool.connect();
    try {
      const hook = await fixture.insertWebhook({ url: 'http://example.test/' });
      // the claim prepared as the store prepares it (a named statement), and run on a quiet queue long
      // enough for PostgreSQL to settle on a generic plan, as a relay's idle polling does
      const lanes = JSON.stringify([{ webhook_id: hook.id, quota: 250, probe_of: null }]);
      await client.query(`PREPARE claim (text, int, jsonb, jsonb, int) AS ${CLAIM_SQL}`);
      for (let i = 0; i < 8; i++) {
        await fixture.enqueue({ webhookId: hook.id, count: 2 });
        await client.query(`EXECUTE claim ('quiet', 60000, '${lanes}', '[]', 20000)`);
      }
      await fixture.enqueue({ webhookId: hook.id, count: 20_000 });
      const { rows } = await fixture.pool.query<{ reltuples: number }>(
        `SELECT reltuples FROM pg_class WHERE oid = 'deliveries'::regclass`,
      );
      expect(rows[0]?.reltuples).toBe(-1); // never analysed

      // 250 picked and 250 updated, and a few locked ones skipped; not 20,000 read (a plan made for a
      // nearly empty table scans it whole; a bitmap scan reads and sorts every due job)
      expect(
        await outboxRowsReadBy(client, `EXECUTE claim ('burst', 60000, '${lanes}', '[]', 20000)`),
      ).toBeLessThan(1000);
      // and finding the lane reads its first entry, not the burst
      expect(await outboxRowsReadBy(client, LANES_SQL, [FIRST_LANE, 1000])).toBeLessThan(50);
    } finally {
      await client.query('DEALLOCATE ALL').catch(() => undefined);
      client.release();
      await fixture.pool.query(`ALTER TABLE deliveries RESET (autovacuum_enabled)`);
    }
  });
});
