import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const RELAY_MAIN = path.join(__dirname, '..', 'dist', 'main.js');

export type RelayProcess = ChildProcess & { metricsUrl: string };

/**
 * The relay as the bench runs it: its own process, private targets allowed, the HOOKRELAY_* settings
 * given to the bench passed on (for tuning runs), then `env`. RELAY_NODE_ARGS (e.g. --cpu-prof) go to node.
 * `script`: a bench entry that starts the relay its own way instead of dist/main.js. It runs through tsx,
 * as pg-boss's worker does, which adds about 30 MB to its peak RSS.
 */
export async function startRelayProcess(input: {
  databaseUrl: string;
  encryptionKey: string;
  env?: Record<string, string>;
  script?: string | undefined;
}): Promise<RelayProcess> {
  const nodeArgs = process.env.RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const entry = input.script ? ['--import', 'tsx', input.script] : [RELAY_MAIN];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: input.databaseUrl,
      HOOKRELAY_ENCRYPTION_KEY: input.encryptionKey,
      HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'true',
      RELAY_PORT: '0',
      LOG_LEVEL: 'info',
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('HOOKRELAY_'))),
      ...input.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // the started line names the port of /metrics
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const started = /"port":(\d+)[^\n]*relay started/.exec(out);
      if (started) resolve(Number(started[1]));
    });
    child.once('exit', () => reject(new Error(`relay exited:\n${out}`)));
  });
  return Object.assign(child, { metricsUrl: `http://127.0.0.1:${port}/metrics` });
}

export async function stopRelayProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
