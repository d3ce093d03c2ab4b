import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, readlink, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const repository = resolve(__dirname, '..', '..', '..');

/**
 * A fresh copy of the repository's committed HEAD, as a newcomer's `git clone` would have it, with
 * `npm install` replaced by links into this checkout's node_modules (third-party packages only:
 * workspace links point at the clone's own packages, so the clone builds and runs its own code).
 * Installing for real would download or unpack ~400 packages: too slow for the test suite, and the
 * lockfile install itself is exercised by CI's `npm ci`. Turbo's local cache is copied too: packages
 * whose inputs are byte-identical to what this checkout already compiled are restored, not compiled
 * again (on 2 shared cores a full build alone takes ~1 min); anything that differs is built in the clone.
 */
export async function cloneRepository(into: string): Promise<string> {
  const clone = join(into, 'hookrelay');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repository, clone], { stdio: 'ignore' });
  await linkNodeModules(join(repository, 'node_modules'), join(clone, 'node_modules'));
  // npm nests a package in a workspace's own node_modules when the root holds another version of it
  for (const group of ['apps', 'packages', 'tests']) {
    for (const name of await readdir(join(clone, group))) {
      const nested = join(repository, group, name, 'node_modules');
      if (existsSync(nested)) await linkNodeModules(nested, join(clone, group, name, 'node_modules'));
    }
  }
  await cp(join(repository, '.turbo', 'cache'), join(clone, '.turbo', 'cache'), { recursive: true }).catch(
    () => undefined,
  );
  return clone;
}

async function linkNodeModules(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from)) {
    const source = join(from, entry);
    const info = await lstat(source);
    if (info.isSymbolicLink()) {
      // A workspace package (relative link to ../packages/x): the same relative link in the clone.
      await symlink(await readlink(source), join(to, entry));
    } else if (entry.startsWith('@') && info.isDirectory()) {
      await linkNodeModules(source, join(to, entry));
    } else {
      await symlink(source, join(to, entry));
    }
  }
}
