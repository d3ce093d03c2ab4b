import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ensureOwnDirectory } from './own-directory';
import { serverUserCanReach } from './system-user';

/** Where clusters go when the server user cannot reach the preferred place (root only). */
export const DEFAULT_FALLBACK_ROOT = '/var/lib/hookrelay';

/**
 * Where a persistent cluster can live. As root the server runs as `postgres`, which cannot enter a
 * checkout below a private directory (a clone in /root, a fresh mktemp directory). The cluster then
 * lives below `fallbackRoot`, in a directory named after the preferred path, so every start from the
 * same checkout finds the same data.
 */
export async function reachableClusterDir(
  preferred: string,
  fallbackRoot: string = DEFAULT_FALLBACK_ROOT,
): Promise<{ dataDir: string; moved: boolean }> {
  if (await serverUserCanReach(dirname(preferred))) return { dataDir: preferred, moved: false };
  await ensureOwnDirectory(fallbackRoot, 'embedded PostgreSQL clusters');
  const home = join(fallbackRoot, createHash('sha256').update(preferred).digest('hex').slice(0, 16));
  await ensureOwnDirectory(home, `the embedded PostgreSQL cluster of ${preferred}`);
  return { dataDir: join(home, basename(preferred)), moved: true };
}
