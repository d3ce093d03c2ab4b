import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { type OutboxFixture } from './fixtures';

export const MAIN_JS = process.env.RELAY_MAIN_JS ?? path.join(__dirname, '..', 'dist', 'main.js');

export interface RelayProcess {
  child: ChildProcess;
  /** Resolves with the /health+/metrics port once the relay logged that it started. */
  started: Promise<number>;
  exited: Promise<number | null>;
  output: () => string;
}

/** Runs `node apps/relay/dist/main.js` as a real process on the fixture's schema. */
export function spawnRelay(fixture: OutboxFixture, env: Record<string, string> = {}): RelayProcess {
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: fixture.url,
      HOOKRELAY_ENCRYPTION_KEY: fixture.encryptionKey,
      RELAY_PORT: '0',
      HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'true',
      HOOKRELAY_RELAY_POLL_INTERVAL: '200ms',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const started = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"port":(\d+)[^\n]*"msg":"relay started"/.exec(out);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`relay exited (${code}) before starting:\n${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  started.catch(() => undefined);
  return { child, started, exited, output: () => out };
}
