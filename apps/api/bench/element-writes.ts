/**
 * Element writes/s through HTTP, side by side: the API with 0, 1, 10 and 100 matching webhooks, with 10
 * webhooks that each have a 3-condition filter (all holding, so the same jobs are written), and the floor:
 * bare node:http + pg doing the same transaction with 10 webhooks (bare-server.ts), and once more without
 * the outbox (the group alone), so the outbox's own cost is shown beside it. Runs the built API
 * (dist/main.js) and the bare servers as child processes against a fresh schema; bounded: WARMUP_MS +
 * DURATION_MS per scenario.
 *
 *   npm run bench -w @hookrelay/api        (needs a build: turbo's bench task builds first)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestSchema } from '@hookrelay/db/testing';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 500);
/** Scenarios run round-robin in ROUNDS slices, so load from elsewhere on the machine hits them all alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WEBHOOK_COUNTS = [0, 1, 10, 100] as const;
/** Every condition holds for the bench's groups: the filtered webhooks get the same jobs as the others. */
const FILTER = [
  { field: 'name', op: 'contains', value: 'g' },
  { field: 'description', op: 'eq', value: 'bench' },
  { field: 'id', op: 'exists' },
];
const FILTERED = '10 webhooks, 3-condition filters';
const BARE = 'bare node:http + pg, 10 webhooks';
const BARE_NO_OUTBOX = 'bare node:http + pg, no outbox';

interface Scenario {
  label: string;
  baseUrl: string;
  key: string;
}

interface Result {
  label: string;
  writesPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function main(): Promise<void> {
  const schema = await createTestSchema('bench');
  const encryptionKey = randomBytes(32).toString('base64');
  const processes: ChildProcess[] = [];
  try {
    const api = await startApi({ databaseUrl: schema.url, encryptionKey }, processes);

    const scenarios: Scenario[] = [];
    const accountWithWebhooks = async (count: number, filter: unknown[] = []) => {
      const key = `hr_bench_${randomBytes(12).toString('hex')}`;
      await createAccountWithKey(schema.url, key);
      for (let w = 0; w < count; w++) {
        const response = await post(api, key, '/v1/webhooks', {
          name: `bench ${w}`,
          element: 'group',
          trigger: 'create',
          method: 'POST',
          url: 'https://93.184.215.14/hook/{{id}}',
          body: [{ key: 'name', value: '{{name}}' }],
          filter,
        });
        if (response.status !== 201) throw new Error(`webhook setup failed: ${response.status}`);
      }
      return key;
    };
    for (const count of WEBHOOK_COUNTS) {
      const key = await accountWithWebhooks(count);
      scenarios.push({ label: `${count} webhook${count === 1 ? '' : 's'}`, baseUrl: api, key });
    }
    scenarios.push({ label: FILTERED, baseUrl: api, key: await accountWithWebhooks(10, FILTER) });
    // both bare servers write for the same account with 10 webhooks: they differ only in the outbox
    const bareKey = await accountWithWebhooks(10);
    const bare = await startBare({ databaseUrl: schema.url, outbox: true }, processes);
    scenarios.push({ label: BARE, baseUrl: bare, key: bareKey });
    const bareNoOutbox = await startBare({ databaseUrl: schema.url, outbox: false }, processes);
    scenarios.push({ label: BARE_NO_OUTBOX, baseUrl: bareNoOutbox, key: bareKey });

    for (const scenario of scenarios) await load(scenario, WARMUP_MS);
    const totals = scenarios.map(() => ({ completed: 0, errors: 0, latencies: [] as number[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, scenario] of scenarios.entries()) {
        const slice = await load(scenario, DURATION_MS / ROUNDS);
        totals[i]!.completed += slice.completed;
        totals[i]!.errors += slice.errors;
        totals[i]!.latencies.push(...slice.latencies);
      }
    }
    report(
      scenarios.map((scenario, i) => summarise(scenario, totals[i]!)),
      schema.url,
    );
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await sleep(300);
    await schema.drop();
  }
}

function summarise(
  scenario: Scenario,
  { completed, latencies, errors }: { completed: number; latencies: number[]; errors: number },
): Result {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    label: scenario.label,
    writesPerSecond: (completed * 1000) / DURATION_MS,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}

/** CONCURRENCY workers, each one request at a time over keep-alive connections, until the deadline. */
async function load(scenario: Scenario, durationMs: number) {
  const deadline = performance.now() + durationMs;
  const latencies: number[] = [];
  let completed = 0;
  let errors = 0;
  let n = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await post(scenario.baseUrl, scenario.key, '/v1/groups', {
        name: `g${n++}`,
        description: 'bench',
      });
      if (response.status === 201) {
        completed++;
        latencies.push(performance.now() - started);
      } else {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { completed, latencies, errors };
}

async function post(baseUrl: string, key: string, path: string, body: unknown): Promise<{ status: number }> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status };
}

async function createAccountWithKey(databaseUrl: string, key: string): Promise<void> {
  const { Client } = await import('pg');
  const { createHash } = await import('node:crypto');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `WITH a AS (INSERT INTO accounts (name) VALUES ('bench') RETURNING id)
       INSERT INTO api_keys (account_id, key_hash, prefix) SELECT id, $1, $2 FROM a`,
      [createHash('sha256').update(key).digest('hex'), key.slice(0, 8)],
    );
  } finally {
    await db.end();
  }
}

async function waitForHealth(child: ChildProcess, baseUrl: string, path: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${baseUrl} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}${path}`, path === '/health' ? {} : { method: 'POST' })).status < 500)
        return baseUrl;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${baseUrl} did not start within 10 s`);
}

async function startBare(
  options: { databaseUrl: string; outbox: boolean },
  processes: ChildProcess[],
): Promise<string> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'bare-server.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      BARE_OUTBOX: options.outbox ? 'on' : 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  processes.push(child);
  return waitForHealth(child, `http://127.0.0.1:${port}`, '/v1/groups');
}

async function startApi(
  options: { databaseUrl: string; encryptionKey: string },
  processes: ChildProcess[],
): Promise<string> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(__dirname, '../dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOOKRELAY_ENCRYPTION_KEY: options.encryptionKey,
      HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  processes.push(child);
  return waitForHealth(child, `http://127.0.0.1:${port}`, '/health');
}

function report(results: Result[], databaseUrl: string): void {
  const floor = results.find((r) => r.label === BARE_NO_OUTBOX)?.writesPerSecond ?? NaN;
  const host = new URL(databaseUrl).host;
  console.log(
    `\nElement writes (POST /v1/groups) through HTTP, ${CONCURRENCY} concurrent clients, ${DURATION_MS} ms each in ${ROUNDS} interleaved rounds, PostgreSQL at ${host}\n`,
  );
  console.log('| scenario | writes/s | p50 ms | p99 ms | cost vs bare, no outbox | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.writesPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(floor / r.writesPerSecond).toFixed(2)}× | ${r.errors} |`,
    );
  }
  const rate = (label: string) => results.find((r) => r.label === label)?.writesPerSecond ?? NaN;
  console.log(
    `\nfilters: 10 filtered webhooks write at ${(rate(FILTERED) / rate('10 webhooks')).toFixed(2)}× the rate of 10 unfiltered ones`,
  );
  console.log(`API ÷ ${BARE}: ${(rate('10 webhooks') / rate(BARE)).toFixed(2)}×`);
  console.log(
    `the outbox on the floor: 10 webhooks write at ${(rate(BARE) / rate(BARE_NO_OUTBOX)).toFixed(2)}× the rate of none`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
