import { randomBytes } from 'node:crypto';
import { runMigrations } from '@hookrelay/db';
import { Client } from 'pg';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  name: string;
  /** Runs one statement on the new database with a short-lived connection. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<R[]>;
  /**
   * Kills every backend connected to this database (and only this one), as a PostgreSQL restart would
   * for its clients. Returns how many were terminated.
   */
  terminateBackends(): Promise<number>;
  /** Drops the database, kicking out whoever is still connected. */
  drop(): Promise<void>;
}

function serverUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  parsed.searchParams.delete('options');
  return parsed.toString();
}

async function onServer<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database of its own on the server of DATABASE_URL, so a test can terminate "all the
 * database's connections" without touching any other test file's.
 */
export async function createTestDatabase(prefix = 'rel'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl(), name);
  await runMigrations(url);

  async function query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const result = await client.query(sql, params);
      return result.rows as R[];
    } finally {
      await client.end();
    }
  }

  return {
    url,
    name,
    query,
    terminateBackends: () =>
      onServer(async (client) => {
        const result = await client.query(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
             FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        return (result.rows[0] as { n: number }).n;
      }),
    drop: () =>
      onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
