import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withSearchPath } from '../connection-url';
import { runMigrations } from '../migrate';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

export interface TestSchema {
  /** Connection string whose search_path is the new schema. */
  url: string;
  schema: string;
  /** Drops the schema this helper created, and nothing else. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated schema for one test file, so files can run in parallel against one server.
 */
export async function createTestSchema(
  prefix = 't',
  options: { migrate?: boolean } = {},
): Promise<TestSchema> {
  const base = testDatabaseUrl();
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await admin.end();
  }
  const url = withSearchPath(base, schema);
  if (options.migrate !== false) await runMigrations(url);
  return {
    url,
    schema,
    async drop() {
      const client = new Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
