import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { waitUntil } from '@hookrelay/test-support';
import { freePort } from './free-port';

const repoRoot = resolve(__dirname, '../../..');

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  baseUrl: string;
  port: number;
  /** Everything the process wrote, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM (or the given signal) and wait for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  kill9(): Promise<void>;
  exited: Promise<number | null>;
}

export interface StackEnv {
  databaseUrl: string;
  encryptionKey: string;
  apiKey: string;
  /** Extra environment for every process (e.g. HOOKRELAY_RETRY_SCHEDULE). */
  extra?: Record<string, string>;
}

export function newStackEnv(databaseUrl: string, extra: Record<string, string> = {}): StackEnv {
  return {
    databaseUrl,
    encryptionKey: randomBytes(32).toString('base64'),
    apiKey: `hr_test_${randomBytes(16).toString('hex')}`,
    extra,
  };
}

function commonEnv(env: StackEnv): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: env.databaseUrl,
    HOOKRELAY_ENCRYPTION_KEY: env.encryptionKey,
    HOOKRELAY_BOOTSTRAP_API_KEY: env.apiKey,
    HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'true',
    LOG_LEVEL: 'info',
    ...env.extra,
  };
}

async function startProcess(options: {
  name: string;
  script: string;
  portVariable: string;
  env: Record<string, string>;
}): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(repoRoot, options.script)], {
    cwd: repoRoot,
    env: { ...options.env, [options.portVariable]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const running: RunningProcess = {
    name: options.name,
    child,
    baseUrl,
    port,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
    async kill9() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  await waitForHealth(running);
  return running;
}

/** Polls /health until it answers 200; fails with the process output if the process dies first. */
export async function waitForHealth(proc: RunningProcess, timeoutMs = 30_000): Promise<void> {
  let dead = false;
  void proc.exited.then(() => (dead = true));
  await waitUntil(
    async () => {
      if (dead) throw new Error(`${proc.name} exited before it was healthy:\n${proc.output()}`);
      try {
        return (await fetch(`${proc.baseUrl}/health`)).ok;
      } catch {
        return false; // not listening yet
      }
    },
    { timeoutMs, describe: () => `${proc.name} was not healthy:\n${proc.output()}` },
  );
}

export function startApi(env: StackEnv): Promise<RunningProcess> {
  return startProcess({
    name: 'api',
    script: 'apps/api/dist/main.js',
    portVariable: 'PORT',
    env: commonEnv(env),
  });
}

export function startRelay(env: StackEnv, extra: Record<string, string> = {}): Promise<RunningProcess> {
  return startProcess({
    name: 'relay',
    script: 'apps/relay/dist/main.js',
    portVariable: 'RELAY_PORT',
    env: { ...commonEnv(env), ...extra },
  });
}
