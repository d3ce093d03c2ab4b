import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Who the PostgreSQL binaries run as: ourselves, or (when we are root) the `postgres` system user. */
export interface ServerUser {
  uid?: number;
  gid?: number;
  name: string;
}

const SERVER_USER_NAME = 'postgres';

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user,
 * creating that user (no login shell, no home) when the machine has none.
 */
export async function resolveServerUser(): Promise<ServerUser> {
  if (process.platform === 'win32' || userInfo().uid !== 0) return { name: userInfo().username };
  const existing = await lookUpUser(SERVER_USER_NAME);
  if (existing) return existing;
  try {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      SERVER_USER_NAME,
    ]);
  } catch (error) {
    throw new Error(
      `Running as root: PostgreSQL needs a non-root user and creating "${SERVER_USER_NAME}" failed ` +
        `(${error instanceof Error ? error.message : String(error)}). Create it, or run as a normal user.`,
    );
  }
  const created = await lookUpUser(SERVER_USER_NAME);
  if (!created) throw new Error(`Created the "${SERVER_USER_NAME}" user but cannot find it.`);
  return created;
}

async function lookUpUser(name: string): Promise<ServerUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name };
  } catch {
    return undefined;
  }
}

/** Creates `dir` if missing, then tells whether the server user can enter it. */
export async function serverUserCanReach(dir: string): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  return canReach(await resolveServerUser(), dir);
}

/** Whether the server user can enter `dir` (as root, `postgres` needs every directory above searchable). */
export function canReach(user: ServerUser, dir: string): Promise<boolean> {
  if (user.uid === undefined) return Promise.resolve(true);
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, cwd: '/' }, (error) =>
      resolve(!error),
    );
  });
}
