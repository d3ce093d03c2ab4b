import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `.data/launcher.json`: who is running, so a second `npm start` refuses and a killed one is cleaned up after. */
interface LauncherState {
  pid: number;
  services: Record<string, number>;
}

export interface LauncherLock {
  recordServices(services: Record<string, number>): Promise<void>;
  release(): Promise<void>;
}

/**
 * Refuses to start twice on one data directory. When the previous launcher died without cleaning up
 * (SIGKILL), its API and relay keep running in their own process groups: they are stopped here, so
 * their ports are free again. (Its PostgreSQL is taken over, not stopped.)
 */
export async function acquireLauncherLock(
  dataDir: string,
  log: (line: string) => void,
): Promise<LauncherLock> {
  const file = join(dataDir, 'launcher.json');
  const previous = await readState(file);
  if (previous && previous.pid !== process.pid && (await commandLineOf(previous.pid))?.includes('launcher')) {
    throw new Error(`hookrelay is already running from this directory (launcher pid ${previous.pid}).`);
  }
  for (const [name, pid] of Object.entries(previous?.services ?? {})) {
    if ((await commandLineOf(pid))?.includes(`apps/${name}/dist/main.js`)) {
      log(`stopping the ${name} (pid ${pid}) left running by a launcher that was killed`);
      await terminate(pid);
    }
  }
  const state: LauncherState = { pid: process.pid, services: {} };
  await writeFile(file, JSON.stringify(state));
  return {
    async recordServices(services) {
      state.services = services;
      await writeFile(file, JSON.stringify(state));
    },
    release: () => rm(file, { force: true }),
  };
}

async function readState(file: string): Promise<LauncherState | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LauncherState;
  } catch {
    return undefined;
  }
}

/**
 * The process' command line, or undefined when there is no such live process. Pids get reused, so
 * callers check what it runs; a zombie (exited, not yet reaped) counts as gone.
 */
async function commandLineOf(pid: number): Promise<string | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const { stdout } = await run('ps', ['-o', 'stat=,args=', '-p', String(pid)]);
    const [, stat = '', args = ''] = /^\s*(\S+)\s+(.*)$/.exec(stdout.trim()) ?? [];
    return stat.startsWith('Z') || !args ? undefined : args;
  } catch {
    return undefined; // ps exits 1 when the pid does not exist
  }
}

async function terminate(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!(await commandLineOf(pid))) return;
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone in the meantime.
  }
}
