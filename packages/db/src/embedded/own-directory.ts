import { type Stats } from 'node:fs';
import { chmod, lstat, mkdir } from 'node:fs/promises';

/**
 * A directory in a shared place (the temp directory) that root may trust: created by us with 0755, or
 * refused when it is someone else's, a symlink, or writable by others (it would let them plant files
 * that then run or are read as the server user).
 */
export async function ensureOwnDirectory(path: string, purpose: string): Promise<void> {
  await mkdir(path, { mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const stats = await lstat(path);
  const problem = stats.isDirectory() ? ownershipProblem(path, stats) : `${path} is not a directory`;
  if (problem)
    throw new Error(`Refusing to use ${path} for ${purpose}: ${problem}. Remove it and start again.`);
  await chmod(path, 0o755); // ours: the umask may have taken the bits `postgres` needs to reach it
}

/** Why root must not trust this entry (someone else's, or writable by others), or undefined. */
export function ownershipProblem(path: string, stats: Stats): string | undefined {
  if (stats.uid !== process.getuid?.()) return `${path} is owned by uid ${stats.uid}, not by us`;
  if (!stats.isSymbolicLink() && (stats.mode & 0o022) !== 0) return `${path} is writable by group or others`;
  return undefined;
}
