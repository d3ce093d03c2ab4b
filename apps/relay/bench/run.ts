/**
 * `npm run bench -w @hookrelay/relay`: N queued jobs (default 20,000) to a local receiver (its own
 * process), through the relay (as a process, rendering + signing + attempt logging on) with undici, with
 * axios over the undici adapter and, as the baseline, with axios' default http adapter (a sender built in
 * bench/axios-default-sender.ts), and through tuned pg-boss 10 with undici and with axios.
 * Reports deliveries/s, p50/p99 commit-to-receipt latency, light-load latency, relay peak RSS.
 * BENCH_JOBS and BENCH_ONLY (comma list of: undici-raw, relay, relay-axios-undici, relay-axios,
 * pgboss-undici, pgboss-axios, light) narrow the run.
 *
 * By default the jobs are a burst: committed in one transaction while the (warmed-up) consumer runs, and
 * the clock starts at that commit. BENCH_STREAM=1 commits them in transactions of 1,000 one after the
 * other while the consumer already delivers, so producer and consumer share the machine.
 * BENCH_TIMELINE=1 prints the receipts per 100 ms of each run. BENCH_ANALYZE=0: see ANALYZE_AFTER_COMMIT.
 * BENCH_RELAYS=n: see RELAYS.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSecretBox, generateSigningSecret } from '@hookrelay/core';
import { createTestSchema } from '@hookrelay/db/testing';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { Pool as UndiciPool } from 'undici';
import { processCpuMs, walWriterPid } from './proc-cpu';
import { ReceiverProcess } from './receiver-process';
import { startRelayProcess, stopRelayProcess } from './relay-process';

const N = Number(process.env.BENCH_JOBS ?? 20_000);
const BATCH = 1000;
const ONLY = process.env.BENCH_ONLY?.split(',');
const STREAM = process.env.BENCH_STREAM === '1';
/**
 * Jobs each consumer delivers before the measured run (not counted): both are long-running services, and
 * a fresh Node process runs its first thousands of deliveries cold (not yet JIT-compiled).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
/**
 * After the jobs are committed, each consumer's queue table is analysed, as autovacuum would soon do on
 * a server where it runs (this machine's runs with autovacuum off). Without statistics pg-boss spends
 * 840 µs of PostgreSQL CPU per job instead of 183 (1,998 against 4,752/s here); the relay claims the
 * same either way (see src/outbox/connections.ts).
 */
const ANALYZE_AFTER_COMMIT = process.env.BENCH_ANALYZE !== '0';
/** BENCH_RELAYS=n runs n relay processes side by side (as several relays may run), for the relay rows. */
const RELAYS = Number(process.env.BENCH_RELAYS ?? 1);
const RSVP = {
  id: '5d7a1c3e-8f2b-4c1d-9e6a-0b1c2d3e4f50',
  event_id: '0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  status: 'yes',
  seats: 2,
  fields: { diet: 'vegetarian' },
  created_at: '2025-11-27T10:00:00.000Z',
  updated_at: '2025-11-27T10:00:00.000Z',
};

/** One relay row: dist/main.js with `env`, or a bench `script` that starts the relay its own way. */
interface RelayRun {
  name: string;
  label: string;
  env?: Record<string, string>;
  script?: string;
}

interface Result {
  name: string;
  perSecond: number;
  /** Until the queue says every job is done (relay: attempt logged; pg-boss: completed), not just received. */
  recordedPerSecond?: number;
  p50: number;
  p99: number;
  rssMb?: number;
  /** CPU the delivering process used per 1,000 deliveries: comparable even on a busy machine. */
  cpuMsPer1000?: number;
  /** CPU of the PostgreSQL backends serving the consumer, per 1,000 deliveries. */
  pgCpuMsPer1000?: number;
  /** CPU of the bench receiver per 1,000 deliveries. */
  receiverCpuMsPer1000?: number;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function latencies(receiver: ReceiverProcess, commits: Map<number, number>) {
  const { batches, times } = await receiver.report();
  if (process.env.BENCH_TIMELINE) {
    // receipts per 100 ms from the first commit: where the consumer stalls
    const start = Math.min(...commits.values()) - 1000;
    const buckets: number[] = [];
    for (const t of times) {
      const i = Math.max(0, Math.floor((t - start) / 100));
      buckets[i] = (buckets[i] ?? 0) + 1;
    }
    console.error(`receipts per 100 ms: ${Array.from(buckets, (n) => n ?? 0).join(' ')}`);
  }
  const values = times.map((t, i) => t - (commits.get(batches[i] as number) ?? NaN)).sort((a, b) => a - b);
  return { p50: percentile(values, 50), p99: percentile(values, 99), last: Math.max(...times) };
}

async function waitForCount(receiver: ReceiverProcess, n: number, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await receiver.count()).count < n) {
    if (Date.now() > deadline) throw new Error(`receiver got ${(await receiver.count()).count}/${n} in time`);
    await sleep(20);
  }
}

/** Polls a count query until it reaches `n`. */
async function waitForRows(pool: Pool, countSql: string, n: number) {
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(countSql);
    if ((rows[0]?.n ?? 0) >= n) return;
    await sleep(10);
  }
}

/** The relay's jobs are done once their attempt is logged and the delivery marked delivered. */
const waitForDelivered = (pool: Pool, n: number) =>
  waitForRows(pool, `SELECT count(*)::int AS n FROM deliveries WHERE status = 'delivered'`, n);

/** pg-boss's counterpart: its handler returned and the job is marked completed. */
const waitForCompleted = (pool: Pool, bossSchema: string, n: number) =>
  waitForRows(pool, `SELECT count(*)::int AS n FROM ${bossSchema}.job WHERE state = 'completed'`, n);

/** CPU used so far by the PostgreSQL backends whose application_name starts with `prefix`, by pid. */
async function backendCpu(pool: Pool, prefix: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE application_name LIKE $1 || '%'`,
    [prefix],
  );
  return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
}

/** CPU the backends used between two readings (a backend that appeared meanwhile counts from 0). */
function backendCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) if (!Number.isNaN(ms)) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Starts the CPU meters of one run: the consumer process, its PostgreSQL backends (by application_name
 * prefix) and the receiver. The returned function reads them again, per 1,000 of `n` deliveries.
 */
async function startCpuMeters(input: {
  pool: Pool;
  /** The consumer's processes (several relays): their CPU is summed. */
  consumerPids: (number | undefined)[];
  /** application_name prefix of the consumer's PostgreSQL backends; none for a consumer without any. */
  backendPrefix?: string;
  receiver: { cpuMs(): number };
}) {
  const { pool, consumerPids, backendPrefix, receiver } = input;
  const consumerCpu = () => consumerPids.reduce<number>((sum, pid) => sum + processCpuMs(pid), 0);
  const consumer = consumerCpu();
  // counted with the backends: the relay commits asynchronously, so its WAL flushes happen there
  const walWriter = walWriterPid();
  const serverCpu = async () => {
    if (backendPrefix === undefined) return undefined;
    const readings = await backendCpu(pool, backendPrefix);
    if (walWriter !== undefined) readings.set(walWriter, processCpuMs(walWriter));
    return readings;
  };
  const backends = await serverCpu();
  const receiverCpu = receiver.cpuMs();
  return async (n: number) => {
    const after = await serverCpu();
    return {
      cpuMsPer1000: ((consumerCpu() - consumer) * 1000) / n,
      pgCpuMsPer1000: backends && after ? (backendCpuSpent(backends, after) * 1000) / n : undefined,
      receiverCpuMsPer1000: ((receiver.cpuMs() - receiverCpu) * 1000) / n,
    };
  };
}

function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const schema = await createTestSchema('bench');
  const pool = new Pool({ connectionString: schema.url, max: 4 });
  const receiver = await ReceiverProcess.start();
  const results: Result[] = [];
  const light: { relay?: number; pgboss?: number } = {};
  try {
    const key = randomBytes(32).toString('base64');
    const box = createSecretBox(key);
    const account = (await pool.query(`INSERT INTO accounts (name) VALUES ('bench') RETURNING id`)).rows[0]
      .id as string;
    const webhook = (
      await pool.query(
        `INSERT INTO webhooks (account_id, name, status, trigger, element, method, url, headers, body, signing_secret)
         VALUES ($1, 'bench', 'active', 'create', 'rsvp', 'POST', $2, $3, $4, $5) RETURNING id`,
        [
          account,
          `http://127.0.0.1:${receiver.port}/hook/{{id}}`,
          JSON.stringify([
            { key: 'x-batch', value: '{{batch}}' },
            { key: 'authorization', value: box.encrypt('Bearer bench-token'), secret: true },
          ]),
          JSON.stringify([
            { key: 'contact.email', value: '{{email}}' },
            { key: 'contact.name', value: '{{ name | upcase }}' },
            { key: 'seats', value: '{{seats}}' },
          ]),
          box.encrypt(generateSigningSecret()),
        ],
      )
    ).rows[0].id as string;

    /** Commits `count` jobs per batch number (one snapshot each) in one transaction; returns the commit time. */
    const enqueue = async (batches: number[], count: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const batch of batches) {
          const snap = await client.query(
            `INSERT INTO element_snapshots (account_id, element, element_id, trigger, data) VALUES ($1, 'rsvp', $2, 'create', $3) RETURNING id`,
            [account, RSVP.id, JSON.stringify({ ...RSVP, batch })],
          );
          await client.query(
            `INSERT INTO deliveries (account_id, webhook_id, snapshot_id) SELECT $1, $2, $3 FROM generate_series(1, $4)`,
            [account, webhook, snap.rows[0].id, count],
          );
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      return now();
    };
    const batchNumbers = Array.from({ length: N / BATCH }, (_, b) => b);
    /** Every measured job, a burst or a stream; fills `commits` (batch number → commit time). */
    const commitAll = async (
      commits: Map<number, number>,
      commit: (batches: number[]) => Promise<number>,
    ) => {
      if (STREAM) for (const b of batchNumbers) commits.set(b, await commit([b]));
      else {
        const at = await commit(batchNumbers);
        for (const b of batchNumbers) commits.set(b, at);
      }
    };
    const cleanOutbox = () => pool.query(`TRUNCATE delivery_attempts, deliveries, element_snapshots`);

    const startRelay = (how: Pick<RelayRun, 'env' | 'script'>) =>
      startRelayProcess({
        databaseUrl: schema.url,
        encryptionKey: key,
        env: how.env ?? {},
        script: how.script,
      });
    const stopRelay = stopRelayProcess;

    const run = (name: string) => !ONLY || ONLY.includes(name);

    if (run('undici-raw')) {
      await receiver.reset();
      const target = new UndiciPool(`http://127.0.0.1:${receiver.port}`, { connections: 128 });
      const body = JSON.stringify({ element_data: RSVP });
      // runs in this process: its own CPU is the client's, the yardstick of what one bare request costs
      const readCpu = await startCpuMeters({ pool, consumerPids: [process.pid], receiver });
      const started = now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 128 }, async () => {
          while (next < N) {
            next++;
            const res = await target.request({
              path: '/raw',
              method: 'POST',
              body,
              headers: { 'content-type': 'application/json', 'x-batch': '0' },
            });
            await res.body.text();
          }
        }),
      );
      results.push({
        name: 'undici alone (no queue)',
        perSecond: N / ((now() - started) / 1000),
        p50: NaN,
        p99: NaN,
        ...(await readCpu(N)),
      });
      await target.close();
    }

    const relayRuns: RelayRun[] = [
      { name: 'relay', label: 'relay: undici pool (default)' },
      {
        name: 'relay-axios-undici',
        label: 'relay: axios + undici-pool adapter',
        env: { HOOKRELAY_HTTP_CLIENT: 'axios' },
      },
      {
        name: 'relay-axios',
        label: 'relay: axios + default http adapter',
        script: path.join(__dirname, 'axios-default-relay.ts'),
      },
    ];
    for (const { name, label, ...how } of relayRuns) {
      if (!run(name)) continue;
      await cleanOutbox();
      await receiver.reset();
      const commits = new Map<number, number>();
      const relays = await Promise.all(Array.from({ length: RELAYS }, () => startRelay(how)));
      const relay = relays[0] as (typeof relays)[number];
      if (WARMUP > 0) {
        await enqueue([-1], WARMUP);
        await waitForCount(receiver, WARMUP);
        await waitForDelivered(pool, WARMUP);
        await receiver.reset();
      }
      const readCpu = await startCpuMeters({
        pool,
        consumerPids: relays.map((r) => r.pid),
        backendPrefix: 'hookrelay-',
        receiver,
      });
      let started = now();
      await commitAll(commits, (batches) => enqueue(batches, BATCH));
      // a burst counts from its commit
      if (!STREAM) started = commits.get(0) as number;
      if (ANALYZE_AFTER_COMMIT) await pool.query(`ANALYZE deliveries`);
      await waitForCount(receiver, N);
      await waitForDelivered(pool, WARMUP + N);
      const recorded = now();
      const lat = await latencies(receiver, commits);
      if (process.env.BENCH_TIMELINE) {
        const metrics = await (await fetch(relay.metricsUrl)).text();
        console.error(
          metrics
            .split('\n')
            .filter((l) => l.startsWith('hookrelay_relay_requests_in_flight'))
            .join('\n'),
        );
      }
      const attempts = (await pool.query(`SELECT count(*)::int AS n FROM delivery_attempts`)).rows[0]
        .n as number;
      if (attempts < WARMUP + N)
        throw new Error(`only ${attempts} attempt rows for ${WARMUP + N} deliveries`);
      results.push({
        name: RELAYS > 1 ? `${label}, ${RELAYS} processes` : label,
        perSecond: N / ((lat.last - started) / 1000),
        recordedPerSecond: N / ((recorded - started) / 1000),
        p50: lat.p50,
        p99: lat.p99,
        // per process: the largest
        rssMb: Math.max(...relays.map((r) => peakRssMb(r.pid) ?? 0)),
        ...(await readCpu(N)),
      });
      for (const r of relays) await stopRelay(r);
    }

    for (const client of ['undici', 'axios'] as const) {
      if (!run(`pgboss-${client}`)) continue;
      await receiver.reset();
      const bossSchema = `pgboss_${randomBytes(4).toString('hex')}`;
      const producer = new PgBoss({
        connectionString: schema.url,
        schema: bossSchema,
        max: 4,
        supervise: false,
        schedule: false,
      });
      await producer.start();
      await producer.createQueue('bench');
      const commits = new Map<number, number>();
      const worker = fork(path.join(__dirname, 'pgboss-worker.ts'), [], {
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          DATABASE_URL: schema.url,
          PGBOSS_SCHEMA: bossSchema,
          RECEIVER_URL: `http://127.0.0.1:${receiver.port}/boss`,
          CLIENT: client,
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      await new Promise<void>((resolve) =>
        worker.on('message', (m: { type: string }) => m.type === 'ready' && resolve()),
      );
      if (WARMUP > 0) {
        await producer.insert(
          Array.from({ length: WARMUP }, () => ({ name: 'bench', data: { ...RSVP, batch: -1 } })),
        );
        await waitForCount(receiver, WARMUP);
        // its CPU meters start, as the relay's, once the warm-up is finished, not only received
        await waitForCompleted(pool, bossSchema, WARMUP);
        await receiver.reset();
      }
      const readCpu = await startCpuMeters({
        pool,
        consumerPids: [worker.pid],
        backendPrefix: 'pgboss-worker',
        receiver,
      });
      let started = now();
      await commitAll(commits, async (batches) => {
        // one insert statement (one transaction) for all of them
        await producer.insert(
          batches.flatMap((batch) =>
            Array.from({ length: BATCH }, () => ({ name: 'bench', data: { ...RSVP, batch } })),
          ),
        );
        return now();
      });
      if (!STREAM) started = commits.get(0) as number;
      if (ANALYZE_AFTER_COMMIT) await pool.query(`ANALYZE ${bossSchema}.job`);
      await waitForCount(receiver, N);
      await waitForCompleted(pool, bossSchema, WARMUP + N);
      const completed = now();
      const lat = await latencies(receiver, commits);
      results.push({
        name: `pg-boss 10 (8 workers, batch 500) + ${client}`,
        perSecond: N / ((lat.last - started) / 1000),
        recordedPerSecond: N / ((completed - started) / 1000),
        p50: lat.p50,
        p99: lat.p99,
        rssMb: peakRssMb(worker.pid),
        ...(await readCpu(N)),
      });

      if (client === 'undici' && run('light'))
        light.pgboss = await lightLoad(receiver, async () => {
          await producer.send('bench', { ...RSVP, batch: 0 });
        });
      worker.send('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
      await producer.stop({ graceful: false, wait: true });
      await pool.query(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    }

    if (run('light')) {
      await cleanOutbox();
      const relay = await startRelay({});
      light.relay = await lightLoad(receiver, () => enqueue([0], 1).then(() => undefined));
      await stopRelay(relay);
    }
  } finally {
    receiver.stop();
    await pool.end();
    await schema.drop();
  }
  print(results, light);
}

/** One job every 20 ms, 200 times: the p50 from commit to receipt when nothing is queued. */
async function lightLoad(receiver: ReceiverProcess, enqueueOne: () => Promise<void>): Promise<number> {
  await receiver.reset();
  const commits: number[] = [];
  for (let i = 0; i < 200; i++) {
    await enqueueOne();
    commits.push(now());
    await sleep(20);
  }
  await waitForCount(receiver, 200, 30_000);
  const { times } = await receiver.report();
  const values = times.map((t, i) => t - (commits[i] as number)).sort((a, b) => a - b);
  return percentile(values, 50);
}

function print(results: Result[], light: { relay?: number; pgboss?: number }) {
  const f = (n: number | undefined, digits = 0) =>
    n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);
  console.log(
    `\n${N} jobs, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, load avg ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    '| run | deliveries/s (to receipt) | deliveries/s (done: attempt logged, job completed) | p50 ms | p99 ms | peak RSS MB | CPU ms / 1000 | its PostgreSQL CPU ms / 1000 (with the WAL writer) | receiver CPU ms / 1000 |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${f(r.perSecond)} | ${f(r.recordedPerSecond)} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${f(r.rssMb)} | ${f(r.cpuMsPer1000)} | ${f(r.pgCpuMsPer1000)} | ${f(r.receiverCpuMsPer1000)} |`,
    );
  }
  const relay = results.find((r) => r.name.includes('(default)'));
  const bossUndici = results.find((r) => r.name.includes('pg-boss') && r.name.endsWith('undici'));
  const bossAxios = results.find((r) => r.name.includes('pg-boss') && r.name.endsWith('axios'));
  const bare = results.find((r) => r.name.startsWith('undici alone'));
  // the machine's speed moves between runs; this ratio does not (the targets come to 0.48-0.56)
  if (relay && bare) console.log(`relay / undici alone: ${(relay.perSecond / bare.perSecond).toFixed(2)}`);
  if (relay && bossUndici)
    console.log(`relay / pg-boss+undici: ${(relay.perSecond / bossUndici.perSecond).toFixed(2)}x`);
  if (relay && bossAxios)
    console.log(`relay / pg-boss+axios: ${(relay.perSecond / bossAxios.perSecond).toFixed(2)}x`);
  printCpuBudget(results);
  if (light.relay !== undefined)
    console.log(`light load (1 job / 20 ms) p50 commit-to-receipt: relay ${f(light.relay, 1)} ms`);
  if (light.pgboss !== undefined)
    console.log(`light load p50: pg-boss ${f(light.pgboss, 1)} ms (polling every 0.5 s)`);
}

/**
 * Efficiency apart from scheduling: the machine's CPU per delivery (consumer, its PostgreSQL backends and
 * the receiver, which all share these cores), how much of the machine the run kept busy with it, and the
 * rate that CPU per delivery would allow if every core were busy with nothing else.
 */
function printCpuBudget(results: Result[]) {
  const cores = os.cpus().length;
  console.log(`machine CPU per delivery (consumer + its PostgreSQL + receiver), ${cores} CPUs:`);
  for (const r of results) {
    if (r.cpuMsPer1000 === undefined || r.receiverCpuMsPer1000 === undefined) continue;
    // ms per 1,000 deliveries = µs per delivery
    const perDeliveryUs = r.cpuMsPer1000 + (r.pgCpuMsPer1000 ?? 0) + r.receiverCpuMsPer1000;
    const rate = r.recordedPerSecond ?? r.perSecond;
    const used = (rate * perDeliveryUs) / (cores * 1e6);
    const ceiling = (cores * 1e6) / perDeliveryUs;
    console.log(
      `  ${r.name}: ${perDeliveryUs.toFixed(0)} µs, ${(used * 100).toFixed(0)} % of the machine used, ` +
        `${ceiling.toFixed(0)}/s with all of it`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
