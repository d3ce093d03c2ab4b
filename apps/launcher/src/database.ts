import { isAbsolute, join, relative } from 'node:path';
import { reachableClusterDir, startEmbeddedPostgres } from '@hookrelay/db/embedded';

export interface LauncherDatabase {
  url: string;
  /** For the banner (never the password). */
  description: string[];
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (that server is used, never stopped); otherwise the embedded server in
 * `.data/postgres` (or, as root where `postgres` cannot reach the checkout, below /var/lib/hookrelay).
 */
export async function openDatabase(dataDir: string, log: (line: string) => void): Promise<LauncherDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const url = new URL(configured);
    return {
      url: configured,
      description: [`${url.hostname}:${url.port || 5432}${url.pathname} (from DATABASE_URL)`],
      stop: async () => undefined,
    };
  }
  const started = Date.now();
  const cluster = await reachableClusterDir(join(dataDir, 'postgres'));
  if (cluster.moved)
    log(
      `the postgres user cannot reach ${displayPath(dataDir)} (PostgreSQL refuses to run as root): ` +
        `its data lives in ${cluster.dataDir} instead`,
    );
  const server = await startEmbeddedPostgres({ dataDir: cluster.dataDir, database: 'hookrelay' });
  log(
    server.adopted
      ? `took over the embedded PostgreSQL left running on port ${server.port}`
      : `embedded PostgreSQL started on port ${server.port} in ${Date.now() - started} ms`,
  );
  return {
    url: server.url,
    description: [
      `embedded PostgreSQL on 127.0.0.1:${server.port}, database hookrelay, user postgres`,
      `data ${displayPath(server.dataDir)}  password ${displayPath(`${server.dataDir}.json`)}`,
      `log ${displayPath(server.logFile)}`,
    ],
    stop: () => server.stop(),
  };
}

/** Relative to where the user typed the command when it is below it, absolute otherwise. */
function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
}
