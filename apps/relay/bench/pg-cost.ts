/**
 * `npx tsx bench/pg-cost.ts`: the relay's claim and record statements alone (no HTTP, no rendering), on
 * 20,000 jobs (JOBS=n), in wall-clock µs per job. COMPLETE_BATCH (default 100) sets the attempts per record
 * statement; EXPLAIN=1 prints the plan of one record statement (EXPLAIN ANALYZE, BUFFERS), EXPLAIN_CLAIM=1
 * that of the first claim (whose jobs stay claimed); PAUSED_JOBS=n adds n older due jobs of a disabled
 * webhook; HELD=n keeps up to n jobs claimed before recording them, as a relay with requests in flight;
 * PRE_SQL="stmt;stmt" runs statements in the test schema first (e.g. to try an index change); STATS=none
 * skips the VACUUM ANALYZE after queueing, so the planner sees what it sees right after a burst.
 * Besides wall-clock time it prints the CPU of the claiming and the recording backend (from /proc), which a
 * busy machine disturbs less than wall time.
 */
import { createTestSchema } from '@hookrelay/db/testing';
import { Pool } from 'pg';
import { clientConfigWithServerOptions } from '@hookrelay/db/connection-url';
import { CLAIM_SERVER_OPTIONS, RELAY_SERVER_OPTIONS } from '../src/outbox/connections';
import { CLAIM_SQL } from '../src/outbox/claim-sql';
import { encodeCompleteInput, FIRST_LANE, OutboxStore } from '../src/outbox/outbox-store';
import { COMPLETE_SQL } from '../src/outbox/sql';
import { type ClaimedJob, type FinishedAttempt } from '../src/outbox/types';
import { processCpuMs as backendCpuMs } from './proc-cpu';

async function main() {
  const schema = await createTestSchema('pgcost');
  const pool = new Pool({ ...clientConfigWithServerOptions(schema.url, RELAY_SERVER_OPTIONS), max: 2 });
  try {
    const account = (await pool.query(`INSERT INTO accounts (name) VALUES ('b') RETURNING id`)).rows[0].id;
    const insertWebhook = async (name: string): Promise<string> =>
      (
        await pool.query(
          `INSERT INTO webhooks (account_id, name, status, trigger, element, method, url, headers, body, signing_secret)
           VALUES ($1, $2, 'active', 'create', 'rsvp', 'POST', 'http://x/', '[]', '[]', 'x') RETURNING id`,
          [account, name],
        )
      ).rows[0].id;
    const webhook = await insertWebhook('b');
    const data = JSON.stringify({
      id: 'x',
      email: 'ada@example.com',
      name: 'Ada',
      seats: 2,
      fields: { diet: 'v' },
    });
    // PAUSED_JOBS: jobs of a disabled webhook, due and older than the others, which claims must not walk
    const paused = Number(process.env.PAUSED_JOBS ?? 0);
    if (paused > 0) {
      const disabled = await insertWebhook('off');
      const snap = (
        await pool.query(
          `INSERT INTO element_snapshots (account_id, element, element_id, trigger, data) VALUES ($1,'rsvp',gen_random_uuid(),'create','{}') RETURNING id`,
          [account],
        )
      ).rows[0].id;
      await pool.query(
        `INSERT INTO deliveries (account_id, webhook_id, snapshot_id, next_attempt_at)
         SELECT $1, $2, $3, now() - interval '1 hour' FROM generate_series(1, $4)`,
        [account, disabled, snap, paused],
      );
      // the jobs were queued while it was active; then it was disabled
      await pool.query(`UPDATE webhooks SET status = 'disabled' WHERE id = $1`, [disabled]);
    }
    const N = Number(process.env.JOBS ?? 20_000);
    for (let b = 0; b < N / 1000; b++) {
      const snap = (
        await pool.query(
          `INSERT INTO element_snapshots (account_id, element, element_id, trigger, data) VALUES ($1,'rsvp',gen_random_uuid(),'create',$2) RETURNING id`,
          [account, data],
        )
      ).rows[0].id;
      await pool.query(
        `INSERT INTO deliveries (account_id, webhook_id, snapshot_id) SELECT $1,$2,$3 FROM generate_series(1,1000)`,
        [account, webhook, snap],
      );
    }
    for (const sql of (process.env.PRE_SQL ?? '').split(';').filter(Boolean)) await pool.query(sql);
    if (process.env.STATS !== 'none') await pool.query('VACUUM ANALYZE deliveries');
    // one connection each for claims and records, as the relay has, so /proc tells the PostgreSQL CPU of each
    const oneConnection = (options: string) =>
      new Pool({ ...clientConfigWithServerOptions(schema.url, options), max: 1 });
    const [claimPool, recordPool] = [
      oneConnection(CLAIM_SERVER_OPTIONS),
      oneConnection(RELAY_SERVER_OPTIONS),
    ];
    const backendPid = async (p: Pool) =>
      (await p.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    const [claimPid, recordPid] = [await backendPid(claimPool), await backendPid(recordPool)];
    const cpuBefore = [backendCpuMs(claimPid), backendCpuMs(recordPid)];
    const store = new OutboxStore(claimPool, 'me');
    const recordStore = new OutboxStore(recordPool, 'me');
    const body = JSON.stringify({
      element_data: JSON.parse(data),
      contact: { email: 'ada@example.com', name: 'ADA' },
      seats: 2,
    });
    let claimMs = 0,
      completeMs = 0,
      done = 0;
    const size = Number(process.env.COMPLETE_BATCH ?? 100);
    // HELD=n: claimed jobs stay claimed until more than n are held, as in a relay with requests in flight
    const heldLimit = Number(process.env.HELD ?? 0);
    const held: ClaimedJob[] = [];
    while (done < N) {
      if (process.env.EXPLAIN_CLAIM && done === 0) {
        const lanes = JSON.stringify([{ webhook_id: webhook, quota: 250, probe_of: null }]);
        const { rows } = await claimPool.query(`EXPLAIN (ANALYZE, BUFFERS) ${CLAIM_SQL}`, [
          'me',
          60000,
          lanes,
          '[]',
          20000,
        ]);
        console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
      let t = performance.now();
      // a claim is two statements: the lanes with due jobs, then the jobs the plan asks of each
      const lanes = await store.lanes({ after: FIRST_LANE, max: 1000 });
      const claimed = await store.claim({
        lanes: lanes
          .filter((lane) => lane.active && lane.dueForMs >= 0)
          .map((lane) => ({
            webhookId: lane.webhookId,
            accountId: lane.accountId,
            quota: Number(process.env.CLAIM_SIZE ?? 250),
            destinationId: null,
          })),
        leaseMs: 60000,
        probeLeaseMs: 20000,
        rateHorizonMs: 1000,
      });
      claimMs += performance.now() - t;
      if (claimed.length === 0 && held.length === 0) break;
      held.push(...claimed);
      const jobs = held.splice(0, claimed.length === 0 ? held.length : Math.max(0, held.length - heldLimit));
      for (let i = 0; i < jobs.length; i += size) {
        const batch: FinishedAttempt[] = jobs.slice(i, i + size).map(
          (job) =>
            ({
              job,
              status: 'delivered',
              retryDelayMs: null,
              lastError: null,
              log: {
                request: {
                  method: 'POST',
                  url: 'http://127.0.0.1:1/hook/x',
                  headers: {
                    'content-type': 'application/json',
                    authorization: '[redacted]',
                    'webhook-id': job.id,
                    'webhook-timestamp': '1764270000',
                    'webhook-signature': 'v1,abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG=',
                  },
                  body,
                },
                responseStatus: 200,
                responseHeaders: {
                  'content-type': 'text/plain',
                  'content-length': '2',
                  date: 'Fri, 27 Nov 2026 19:00:00 GMT',
                  connection: 'keep-alive',
                  'keep-alive': 'timeout=60',
                },
                responseBody: 'ok',
                durationMs: 3,
                error: null,
                outcome: 'delivered',
              },
            }) as FinishedAttempt,
        );
        if (process.env.EXPLAIN && done === 0 && i === 0) {
          // EXPLAIN ANALYZE runs it: rolled back, so the measured statement records the same batch
          const client = await pool.connect();
          await client.query('BEGIN');
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${COMPLETE_SQL}`, [
            'me',
            encodeCompleteInput(batch),
          ]);
          await client.query('ROLLBACK');
          client.release();
          console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
        }
        t = performance.now();
        await recordStore.complete(batch);
        completeMs += performance.now() - t;
      }
      done += jobs.length;
    }
    const perJob = (ms: number) => ((ms * 1000) / done).toFixed(1);
    console.log(
      `complete batch ${size}: claim ${perJob(claimMs)} us/job, complete ${perJob(completeMs)} us/job (${done} jobs); ` +
        `PostgreSQL CPU: claim ${perJob(backendCpuMs(claimPid) - cpuBefore[0]!)} us/job, ` +
        `complete ${perJob(backendCpuMs(recordPid) - cpuBefore[1]!)} us/job`,
    );
    await claimPool.end();
    await recordPool.end();
  } finally {
    await pool.end();
    await schema.drop();
  }
}
void main();
