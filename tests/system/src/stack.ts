import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient, type ApiClientOptions } from './api-client';
import { newStackEnv, type RunningProcess, type StackEnv, startApi, startRelay } from './processes';
import { createTestDatabase, type TestDatabase } from './test-database';

const repoRoot = resolve(__dirname, '../../..');

/**
 * Settings that make faults play out in seconds: a short retry schedule (12 attempts, so a job that
 * fails 40 % of the time at random still ends delivered), a 1 s request timeout and a lease just above
 * the minimum, so a killed relay's jobs come back quickly.
 */
export const FAST_RELAY_ENV: Record<string, string> = {
  HOOKRELAY_RETRY_SCHEDULE: '0,200ms,300ms,500ms,500ms,1s,1s,1s,1s,1s,1s,1s',
  HOOKRELAY_RELAY_TIMEOUT: '1s',
  HOOKRELAY_RELAY_LEASE: '3s',
  HOOKRELAY_RELAY_POLL_INTERVAL: '250ms',
  HOOKRELAY_RELAY_SHUTDOWN_TIMEOUT: '2s',
};

export interface Stack {
  db: TestDatabase;
  env: StackEnv;
  api: RunningProcess;
  relays: RunningProcess[];
  client: ApiClient;
  /** Replaces the API process (after a kill) and returns the new one. */
  restartApi(): Promise<RunningProcess>;
  /** Starts (another) relay with the stack's settings. */
  addRelay(extra?: Record<string, string>): Promise<RunningProcess>;
  /** SIGKILLs one relay and starts a fresh one in its place; returns the new one. */
  respawnRelay(relay: RunningProcess): Promise<RunningProcess>;
  /** Every line any process of this stack ever wrote, including processes that were killed. */
  allOutput(): string;
  stop(): Promise<void>;
}

/** A database of its own, the API and `relays` relay processes, all on 127.0.0.1. */
export async function startStack(options: {
  relays?: number;
  extra?: Record<string, string>;
  relayExtra?: Record<string, string>;
  clientOptions?: ApiClientOptions;
}): Promise<Stack> {
  const db = await createTestDatabase();
  const env = newStackEnv(db.url, { ...FAST_RELAY_ENV, ...options.extra });
  const finished: RunningProcess[] = [];
  try {
    const api = await startApi(env);
    const relays: RunningProcess[] = [];
    for (let i = 0; i < (options.relays ?? 1); i++) relays.push(await startRelay(env, options.relayExtra));
    const stack: Stack = {
      db,
      env,
      api,
      relays,
      client: new ApiClient(api.baseUrl, env.apiKey, { timeoutMs: 30_000, ...options.clientOptions }),
      async restartApi() {
        await stack.api.kill9();
        finished.push(stack.api);
        stack.api = await startApi(env);
        stack.client = new ApiClient(stack.api.baseUrl, env.apiKey, {
          timeoutMs: 30_000,
          ...options.clientOptions,
        });
        return stack.api;
      },
      async addRelay(extra) {
        const relay = await startRelay(env, { ...options.relayExtra, ...extra });
        stack.relays.push(relay);
        return relay;
      },
      async respawnRelay(relay) {
        await relay.kill9();
        finished.push(relay);
        const fresh = await startRelay(env, options.relayExtra);
        stack.relays = stack.relays.map((r) => (r === relay ? fresh : r));
        return fresh;
      },
      allOutput: () => [...finished, stack.api, ...stack.relays].map((p) => p.output()).join('\n'),
      async stop() {
        await Promise.all([stack.api, ...stack.relays].map((p) => p.kill9()));
        await db.drop();
      },
    };
    return stack;
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/**
 * A second account and its key, made the way an operator would: the API's CLI. Falls back to SQL (the
 * key hashed as the API stores it) when the CLI is not built.
 */
export async function createAccount(db: TestDatabase, name: string): Promise<string> {
  const cli = resolve(repoRoot, 'apps/api/dist/cli.js');
  if (existsSync(cli)) {
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'accounts:create', '--name', name], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: db.url,
        HOOKRELAY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
    });
    const key = /hr_[A-Za-z0-9_-]{20,}/.exec(stdout)?.[0];
    if (key) return key;
    throw new Error(`accounts:create printed no key:\n${stdout}`);
  }
  const key = `hr_${randomBytes(32).toString('base64url')}`;
  const [account] = await db.query<{ id: string }>('INSERT INTO accounts (name) VALUES ($1) RETURNING id', [
    name,
  ]);
  await db.query('INSERT INTO api_keys (account_id, key_hash, prefix) VALUES ($1, $2, $3)', [
    account?.id,
    createHash('sha256').update(key).digest('hex'),
    key.slice(0, 8),
  ]);
  return key;
}

/** Resident memory of a process in MiB (Linux), to show a hostile input did not blow it up. */
export function residentMiB(process: RunningProcess): number {
  const status = readFileSync(`/proc/${process.child.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}
