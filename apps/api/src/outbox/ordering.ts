import { KEYS_WITH_PENDING_SQL, LOCK_ORDERING_KEYS_SQL, RELEASE_ORDERING_HEADS_SQL } from '@hookrelay/db';
import type { EntityManager } from 'typeorm';
import { wakeRelays } from './outbox.repository';

/**
 * Whether each new job, in insertion (commit) order, must be held: its ordering key has a pending job,
 * or an earlier job of this list has its key. Takes the keys' advisory locks until commit, so no ending
 * of a job of these keys falls between this read and the insert (packages/db ordering-sql.ts). Run in the
 * inserting transaction, before the insert; null keys (unordered jobs) are never held.
 */
export async function holdFlags(
  manager: EntityManager,
  keys: readonly (string | null)[],
): Promise<boolean[]> {
  const ordered = [...new Set(keys.filter((key): key is string => key !== null))];
  if (ordered.length === 0) return keys.map(() => false);
  await manager.query(LOCK_ORDERING_KEYS_SQL, [ordered]);
  const pending: { ordering_key: string }[] = await manager.query(KEYS_WITH_PENDING_SQL, [ordered]);
  const waiting = new Set(pending.map((row) => row.ordering_key));
  return keys.map((key) => {
    if (key === null) return false;
    const held = waiting.has(key);
    waiting.add(key);
    return held;
  });
}

/**
 * Lets the next job of each key go after jobs of these keys ended (cancelled, deleted) in this
 * transaction, and wakes the relays at commit when one was released. Run after the ending statement.
 */
export async function releaseOrderingKeys(manager: EntityManager, keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  await manager.query(LOCK_ORDERING_KEYS_SQL, [unique]);
  const [, released] = (await manager.query(RELEASE_ORDERING_HEADS_SQL, [unique])) as [unknown, number];
  if (released > 0) await wakeRelays(manager);
}
