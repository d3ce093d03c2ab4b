/**
 * Element writes/s through HTTP with 0, 1, 10 and 100 matching webhooks, and with the outbox off
 * (HOOKRELAY_OUTBOX=off, a benchmark-only switch), side by side. Runs the built API (dist/main.js) as
 * child processes against a fresh schema; bounded: WARMUP_MS + DURATION_MS per scenario.
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
    const keys = WEBHOOK_COUNTS.map((n) => `hr_bench_${n}_${randomBytes(12).toString('hex')}`);
    const offKey = `hr_bench_off_${randomBytes(12).toString('hex')}`;
    // One key per API process is bootstrapped; the others are created through the first API below.
    const on = await startApi(
      { databaseUrl: schema.url, encryptionKey, outbox: 'on', bootstrapKey: offKey, port: 0 },
      processes,
    );
    const off = await startApi(
      { databaseUrl: schema.url, encryptionKey, outbox: 'off', bootstrapKey: offKey, port: 0 },
      processes,
    );

    const scenarios: Scenario[] = [{ label: 'outbox off', baseUrl: off, key: offKey }];
    for (const [i, count] of WEBHOOK_COUNTS.entries()) {
      const key = keys[i]!;
      await createAccountWithKey(schema.url, key);
      for (let w = 0; w < count; w++) {
        const response = await post(on, key, '/v1/webhooks', {
          name: `bench ${w}`,
          element: 'group',
          trigger: 'create',
          method: 'POST',
          url: 'https://93.184.215.14/hook/{{id}}',
          body: [{ key: 'name', value: '{{name}}' }],
        });
        if (response.status !== 201) throw new Error(`webhook setup failed: ${response.status}`);
      }
      scenarios.push({ label: `${count} webhook${count === 1 ? '' : 's'}`, baseUrl: on, key });
    }

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

async function startApi(
  options: {
    databaseUrl: string;
    encryptionKey: string;
    outbox: 'on' | 'off';
    bootstrapKey: string;
    port: number;
  },
  processes: ChildProcess[],
): Promise<string> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(__dirname, '../dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOOKRELAY_ENCRYPTION_KEY: options.encryptionKey,
      HOOKRELAY_BOOTSTRAP_API_KEY: options.bootstrapKey,
      HOOKRELAY_OUTBOX: options.outbox,
      HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  processes.push(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return baseUrl;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('API did not start within 10 s');
}

function report(results: Result[], databaseUrl: string): void {
  const off = results.find((r) => r.label === 'outbox off')?.writesPerSecond ?? NaN;
  const host = new URL(databaseUrl).host;
  console.log(
    `\nElement writes (POST /v1/groups) through HTTP, ${CONCURRENCY} concurrent clients, ${DURATION_MS} ms each in ${ROUNDS} interleaved rounds, PostgreSQL at ${host}\n`,
  );
  console.log('| scenario | writes/s | p50 ms | p99 ms | cost vs outbox off | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.writesPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(off / r.writesPerSecond).toFixed(2)}× | ${r.errors} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
