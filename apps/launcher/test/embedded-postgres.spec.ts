import { spawnSync } from 'node:child_process';
import { chown, mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { reachableClusterDir, startEmbeddedPostgres } from '@hookrelay/db/embedded';
import { afterAll, describe, expect, it } from 'vitest';
import { canConnect, isRoot, makeTempDir, query, spawnUntilFirstLine, waitForExit } from './helpers';

const holdServer = join(__dirname, 'fixtures', 'hold-embedded-postgres.mjs');
const NOBODY = 65534;
/** The non-root run needs `nobody` to reach this checkout (not the case below a private directory). */
const nobodyCanReachCheckout =
  isRoot &&
  spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', resolve(__dirname, '..', '..', '..', 'node_modules')], {
    uid: NOBODY,
    gid: NOBODY,
    cwd: '/',
  }).status === 0;
const tempDirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await makeTempDir('hookrelay-embedded-');
  tempDirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('starts as the current user, keeps its data and its port across a restart', async () => {
    const dataDir = join(await tempDir(), 'postgres');
    const first = await startEmbeddedPostgres({ dataDir, database: 'app' });
    try {
      expect(first.adopted).toBe(false);
      expect(first.port).not.toBe(5432);
      await query(first.url, 'CREATE TABLE kept (value text)');
      await query(first.url, 'INSERT INTO kept VALUES ($1)', ['survives']);
      if (isRoot) {
        // PostgreSQL refuses root: the cluster belongs to the `postgres` system user.
        const owner = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
        expect((await stat(dataDir)).uid).toBe(Number(owner));
      }
    } finally {
      await first.stop();
    }
    expect(await canConnect(first.url)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, database: 'app' });
    try {
      expect(second.port).toBe(first.port);
      expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'survives' }]);
    } finally {
      await second.stop();
    }
  });

  it.runIf(nobodyCanReachCheckout)('starts as a normal (non-root) user too', async () => {
    const dir = await tempDir();
    await chown(dir, NOBODY, NOBODY);
    const { child, line } = await spawnUntilFirstLine(
      process.execPath,
      [holdServer, join(dir, 'postgres'), '--stop'],
      {
        uid: NOBODY,
        gid: NOBODY,
        cwd: dir,
      },
    );
    expect(await waitForExit(child)).toBe(0);
    expect(JSON.parse(line)).toMatchObject({ adopted: false });
    expect((await stat(join(dir, 'postgres'))).uid).toBe(NOBODY);
  });

  it.runIf(isRoot)(
    'as root, keeps a cluster the postgres user cannot reach at its place in a fallback root, across restarts',
    async () => {
      const checkout = join(await tempDir(), 'private-checkout');
      await mkdir(checkout, { mode: 0o700 }); // like /root or a fresh mktemp directory
      const preferred = join(checkout, '.data', 'postgres');
      const fallbackRoot = join(await tempDir(), 'clusters');

      const placed = await reachableClusterDir(preferred, fallbackRoot);
      expect(placed.moved).toBe(true);
      expect(placed.dataDir.startsWith(`${fallbackRoot}/`)).toBe(true);
      expect(await reachableClusterDir(preferred, fallbackRoot)).toEqual(placed);

      const server = await startEmbeddedPostgres({ dataDir: placed.dataDir, database: 'app' });
      try {
        expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      } finally {
        await server.stop();
      }
      // a reachable checkout keeps its cluster where it is
      const open = join(await tempDir(), 'postgres');
      expect(await reachableClusterDir(open, fallbackRoot)).toEqual({ dataDir: open, moved: false });
    },
  );

  it('takes over the server left running by a launcher killed with SIGKILL', async () => {
    const dataDir = join(await tempDir(), 'postgres');
    const { child, line } = await spawnUntilFirstLine(process.execPath, [holdServer, dataDir]);
    const orphan = JSON.parse(line) as { port: number; url: string };
    child.kill('SIGKILL');
    await waitForExit(child);
    expect(await canConnect(orphan.url)).toBe(true);

    const next = await startEmbeddedPostgres({ dataDir, database: 'app' });
    try {
      expect(next.adopted).toBe(true);
      expect(next.port).toBe(orphan.port);
      expect(await query(next.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await next.stop();
    }
    expect(await canConnect(orphan.url)).toBe(false);
  });
});
