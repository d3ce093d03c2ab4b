/**
 * `npm run bench -w @hookrelay/relay` (after run.ts): flow control under the relay's default settings.
 * - isolation: 20 healthy destinations (each a host of its own, answering in 20 ms) and 5 that accept
 *   the request and never answer, all subscribed to one element's changes; 200 changes. The healthy
 *   deliveries' commit-to-receipt p50/p99 alone, then beside the dead hosts, in one run.
 * - steady: a steady 1,000 deliveries/s (5 jobs every 5 ms for 10 s) to one destination: p50/p99 from
 *   commit to receipt.
 * - ordering: 1,000 elements × 10 changes queued, then drained by one relay, once with `ordering: none`
 *   and once with `per_element` (each element's ten jobs one at a time), twice in turn: deliveries/s.
 * FLOW_ONLY=isolation|steady|ordering narrows the run.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createSecretBox, generateSigningSecret, orderingKey, type Ordering } from '@hookrelay/core';
import { createTestSchema } from '@hookrelay/db/testing';
import { Pool } from 'pg';
import { ReceiverProcess, type Listener } from './receiver-process';
import { startRelayProcess, stopRelayProcess } from './relay-process';

const ONLY = process.env.FLOW_ONLY;
const HEALTHY = 20;
const DEAD = 5;
const CHANGES = 200;
const CHANGE_SPACING_MS = 10;
const STEADY_SECONDS = 10;
const STEADY_EVERY_MS = 5;
const STEADY_JOBS_PER_COMMIT = 5;
const ORDERED_ELEMENTS = 1000;
const CHANGES_PER_ELEMENT = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface Bench {
  pool: Pool;
  databaseUrl: string;
  encryptionKey: string;
  account: string;
}

/** A webhook as the API saves it: its destination first, then the webhook pointing at it. */
async function insertWebhook(bench: Bench, url: string, ordering: Ordering = 'none'): Promise<string> {
  const box = createSecretBox(bench.encryptionKey);
  const { rows } = await bench.pool.query<{ id: string }>(
    `WITH destination AS (
       INSERT INTO destinations (account_id, origin) VALUES ($1, $2)
       ON CONFLICT (account_id, origin) DO UPDATE SET origin = EXCLUDED.origin RETURNING id
     )
     INSERT INTO webhooks (account_id, name, status, trigger, element, method, url, headers, body,
                           signing_secret, destination_id, ordering)
     SELECT $1, 'bench', 'active', 'create', 'rsvp', 'POST', $3, $4, $5, $6, id, $7 FROM destination
     RETURNING id`,
    [
      bench.account,
      new URL(url).origin,
      url,
      JSON.stringify([{ key: 'x-batch', value: '{{batch}}' }]),
      JSON.stringify([{ key: 'contact.email', value: '{{email}}' }]),
      box.encrypt(generateSigningSecret()),
      ordering,
    ],
  );
  return (rows[0] as { id: string }).id;
}

/** One element change as the API commits it: a snapshot and one job per webhook; returns the commit time. */
async function commitChange(
  bench: Bench,
  webhookIds: string[],
  batch: number,
  jobsEach = 1,
): Promise<number> {
  await bench.pool.query(
    `WITH snapshot AS (
       INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
       VALUES ($1, 'rsvp', gen_random_uuid(), 'create', $3) RETURNING id
     )
     INSERT INTO deliveries (account_id, webhook_id, snapshot_id)
     SELECT $1, w, snapshot.id FROM snapshot, unnest($2::uuid[]) AS w, generate_series(1, $4)`,
    [bench.account, webhookIds, JSON.stringify({ id: batch, email: 'ada@example.com', batch }), jobsEach],
  );
  return now();
}

/** Commit-to-receipt latencies (ms, sorted) of what the listeners in `hosts` received. */
async function latencies(receiver: ReceiverProcess, committedAt: number[], hosts: Set<number>) {
  const report = await receiver.report();
  return report.times
    .flatMap((t, i) => {
      const at = committedAt[report.batches[i] as number];
      return hosts.has(report.hosts[i] as number) && at !== undefined ? [t - at] : [];
    })
    .sort((a, b) => a - b);
}

async function waitForReceipts(receiver: ReceiverProcess, hosts: Set<number>, n: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await receiver.report();
    const got = report.hosts.filter((h) => hosts.has(h)).length;
    if (got >= n || Date.now() > deadline) return got;
    await sleep(100);
  }
}

/** Healthy deliveries' latency with and without dead neighbours, each run on a fresh relay. */
async function isolation(bench: Bench): Promise<string[]> {
  const listeners: Listener[] = [
    ...Array.from({ length: HEALTHY }, (_, i) => ({ host: `127.0.1.${i + 1}`, delayMs: 20 })),
    ...Array.from({ length: DEAD }, (_, i) => ({ host: `127.0.2.${i + 1}`, reply: 'hang' as const })),
  ];
  const receiver = await ReceiverProcess.start(listeners);
  const healthyHosts = new Set(Array.from({ length: HEALTHY }, (_, i) => i));
  const urlOf = (i: number) => `http://${listeners[i]?.host}:${receiver.ports[i]}/hook`;
  const lines: string[] = [];
  try {
    for (const withDead of [false, true]) {
      await bench.pool.query(`TRUNCATE delivery_attempts, deliveries, element_snapshots`);
      await receiver.reset();
      const hooks: string[] = [];
      for (let i = 0; i < HEALTHY + (withDead ? DEAD : 0); i++)
        hooks.push(await insertWebhook(bench, urlOf(i)));
      const relay = await startRelayProcess(bench);
      const committedAt: number[] = [];
      for (let c = 0; c < CHANGES; c++) {
        committedAt.push(await commitChange(bench, hooks, c));
        await sleep(CHANGE_SPACING_MS);
      }
      const got = await waitForReceipts(receiver, healthyHosts, HEALTHY * CHANGES, 60_000);
      const sorted = await latencies(receiver, committedAt, healthyHosts);
      lines.push(
        `isolation, ${withDead ? `beside ${DEAD} hosts that never answer` : 'healthy destinations alone'}: ` +
          `healthy p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, ` +
          `max ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)} ms (${got} of ${HEALTHY * CHANGES} received)`,
      );
      relay.kill('SIGKILL');
      await new Promise((resolve) => relay.once('exit', resolve));
    }
  } finally {
    receiver.stop();
    await bench.pool.query(`DELETE FROM webhooks`);
  }
  return lines;
}

/** A steady 1,000 deliveries/s to one destination that answers at once. */
async function steady(bench: Bench): Promise<string[]> {
  const receiver = await ReceiverProcess.start();
  try {
    const hook = await insertWebhook(bench, `http://127.0.0.1:${receiver.port}/steady`);
    const relay = await startRelayProcess(bench);
    const committedAt: number[] = [];
    const commits = (STEADY_SECONDS * 1000) / STEADY_EVERY_MS;
    const start = now();
    for (let c = 0; c < commits; c++) {
      // on a fixed schedule, so a slow commit does not lower the rate
      const due = start + c * STEADY_EVERY_MS;
      if (due > now()) await sleep(due - now());
      committedAt.push(await commitChange(bench, [hook], c, STEADY_JOBS_PER_COMMIT));
    }
    const rate = (commits * STEADY_JOBS_PER_COMMIT) / ((now() - start) / 1000);
    await waitForReceipts(receiver, new Set([0]), commits * STEADY_JOBS_PER_COMMIT, 30_000);
    const sorted = await latencies(receiver, committedAt, new Set([0]));
    await stopRelayProcess(relay);
    return [
      `steady ${rate.toFixed(0)} deliveries/s for ${STEADY_SECONDS} s: commit to receipt ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
        `max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`,
    ];
  } finally {
    receiver.stop();
  }
}

/**
 * Queues CHANGES_PER_ELEMENT changes of each of ORDERED_ELEMENTS elements as the API would: one round of
 * changes per statement, so each element's jobs take their `seq` in change order; under `per_element`
 * every job but an element's first is held behind it.
 */
async function queueChanges(bench: Bench, webhookId: string, ordering: Ordering): Promise<void> {
  const { rows } = await bench.pool.query<{ destination_id: string }>(
    `SELECT destination_id FROM webhooks WHERE id = $1`,
    [webhookId],
  );
  const destinationId = rows[0]?.destination_id ?? null;
  const elements = Array.from({ length: ORDERED_ELEMENTS }, () => crypto.randomUUID());
  const keys = elements.map((elementId) =>
    orderingKey({ ordering, destinationId, webhookId, element: 'rsvp', elementId }),
  );
  for (let change = 0; change < CHANGES_PER_ELEMENT; change++) {
    await bench.pool.query(
      `WITH changes AS (
         SELECT e.element_id, e.ordering_key, e.n FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY
                AS e(element_id, ordering_key, n)
       ), snapshots AS (
         INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         SELECT $1, 'rsvp', element_id, 'update', jsonb_build_object('id', element_id, 'batch', $5::int)
           FROM changes ORDER BY n
         RETURNING id, element_id
       )
       INSERT INTO deliveries (account_id, webhook_id, snapshot_id, ordering_key, held)
       SELECT $1, $2, s.id, c.ordering_key, c.ordering_key IS NOT NULL AND $5::int > 0
         FROM snapshots s JOIN changes c USING (element_id) ORDER BY c.n`,
      [bench.account, webhookId, elements, keys, change],
    );
  }
}

/** Deliveries/s draining the same queue under `none` and under `per_element`, in turn, twice. */
async function ordering(bench: Bench): Promise<string[]> {
  const receiver = await ReceiverProcess.start();
  const jobs = ORDERED_ELEMENTS * CHANGES_PER_ELEMENT;
  const rates: Record<Ordering, number[]> = { none: [], per_element: [] };
  try {
    for (const mode of ['none', 'per_element', 'none', 'per_element'] as const) {
      await bench.pool.query(`TRUNCATE delivery_attempts, deliveries, element_snapshots`);
      await bench.pool.query(`DELETE FROM webhooks`);
      await receiver.reset();
      const hook = await insertWebhook(bench, `http://127.0.0.1:${receiver.port}/ordered`, mode);
      await queueChanges(bench, hook, mode);
      const start = now();
      const relay = await startRelayProcess(bench);
      const got = await waitForReceipts(receiver, new Set([0]), jobs, 120_000);
      rates[mode].push(got / ((now() - start) / 1000));
      await stopRelayProcess(relay);
    }
  } finally {
    receiver.stop();
    await bench.pool.query(`DELETE FROM webhooks`);
  }
  const best = (list: number[]) => Math.max(...list);
  return [
    `ordering, ${ORDERED_ELEMENTS} elements × ${CHANGES_PER_ELEMENT} changes queued, one relay: ` +
      `none ${rates.none.map((r) => r.toFixed(0)).join(' / ')} deliveries/s, ` +
      `per_element ${rates.per_element.map((r) => r.toFixed(0)).join(' / ')} deliveries/s; ` +
      `per_element / none (best of two each) ${(best(rates.per_element) / best(rates.none)).toFixed(2)}×`,
  ];
}

async function main(): Promise<void> {
  const schema = await createTestSchema('benchflow');
  const pool = new Pool({ connectionString: schema.url, max: 4 });
  try {
    const account = (await pool.query(`INSERT INTO accounts (name) VALUES ('bench') RETURNING id`)).rows[0]
      .id as string;
    const bench: Bench = {
      pool,
      databaseUrl: schema.url,
      encryptionKey: randomBytes(32).toString('base64'),
      account,
    };
    const lines: string[] = [];
    if (!ONLY || ONLY === 'isolation') lines.push(...(await isolation(bench)));
    if (!ONLY || ONLY === 'steady') lines.push(...(await steady(bench)));
    if (!ONLY || ONLY === 'ordering') lines.push(...(await ordering(bench)));
    console.log(
      `\nflow control, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, load avg ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    for (const line of lines) console.log(line);
  } finally {
    await pool.end();
    await schema.drop();
  }
}

void main();
