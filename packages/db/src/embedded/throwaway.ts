import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBinaries } from './binaries';
import { serverCommands } from './server-commands';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './start-embedded-postgres';
import { ensureOwnDirectory } from './own-directory';
import { resolveServerUser, serverUserCanReach } from './system-user';

/**
 * A fresh cluster for one run (tests), in `<root>/<pid>-<random>`, deleted by `stop()`.
 * Each run gets its own directory, so several runs in one working tree don't collide; clusters
 * of runs that died without stopping (their pid is gone) are stopped and deleted first.
 */
export async function startThrowawayPostgres(options: {
  root: string;
  database: string;
}): Promise<EmbeddedPostgres> {
  const root = await reachableRoot(options.root);
  await removeAbandonedClusters(root);
  const dataDir = join(root, `${process.pid}-${randomBytes(3).toString('hex')}`);
  return startEmbeddedPostgres({ dataDir, database: options.database, throwaway: true });
}

/**
 * As root the server runs as `postgres`, which cannot enter a checkout below a private directory (a
 * clone in /root or in a fresh mktemp directory). A throwaway cluster needs no particular place, so it
 * then lives in the temp directory instead.
 */
async function reachableRoot(preferred: string): Promise<string> {
  if (await serverUserCanReach(preferred)) return preferred;
  const fallback = join(tmpdir(), 'hookrelay-test-postgres');
  await ensureOwnDirectory(fallback, 'throwaway PostgreSQL clusters');
  return fallback;
}

async function removeAbandonedClusters(root: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true });
  const abandoned = entries.filter((entry) => {
    const pid = Number(/^(\d+)-/.exec(entry.name)?.[1]);
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  });
  if (abandoned.length === 0) return;
  const [binaries, user] = await Promise.all([findPostgresBinaries(), resolveServerUser()]);
  for (const entry of abandoned) {
    const path = join(root, entry.name);
    if (entry.isDirectory() && !entry.name.includes('.')) {
      const commands = serverCommands({ binaries, user, dataDir: path });
      await commands.run('pg_ctl', ['stop', '-D', path, '-m', 'immediate', '-w', '-t', '30']);
    }
    await rm(path, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
