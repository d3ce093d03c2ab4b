import { appendFile, chown, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { ServerCommands } from './server-commands';
import type { ServerUser } from './system-user';

/**
 * Creates the cluster with initdb in `<dataDir>.initialising` and renames it into place only once
 * complete, so a launcher killed during initdb never leaves a half-made data directory behind.
 */
export async function initialiseCluster(options: {
  dataDir: string;
  password: string;
  user: ServerUser;
  commands: ServerCommands;
  throwaway: boolean;
}): Promise<void> {
  const { dataDir, password, user, commands, throwaway } = options;
  const staging = `${dataDir}.initialising`;
  const passwordFile = `${dataDir}.pwfile`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user.uid !== undefined && user.gid !== undefined) {
    await chown(staging, user.uid, user.gid);
    await chown(passwordFile, user.uid, user.gid);
  }
  try {
    const result = await commands.run('initdb', [
      `--pgdata=${staging}`,
      '--username=postgres',
      '--auth=scram-sha-256',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--no-locale',
      '--no-instructions',
      ...(throwaway ? ['--no-sync'] : []),
    ]);
    if (result.code !== 0) throw new Error(`initdb failed (exit ${result.code}): ${result.stderr.trim()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
  // TCP on loopback only, no Unix socket (its default directory may be shared or unwritable).
  const settings = ["listen_addresses = '127.0.0.1'", "unix_socket_directories = ''"];
  // A throwaway test server trades durability for speed.
  if (throwaway) settings.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off');
  await appendFile(
    `${staging}/postgresql.conf`,
    `\n# hookrelay embedded PostgreSQL\n${settings.join('\n')}\n`,
  );
  await rename(staging, dataDir);
}

export async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await stat(`${dataDir}/PG_VERSION`);
    return true;
  } catch {
    return false;
  }
}
