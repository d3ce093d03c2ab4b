import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from './migrate';
import { migrations } from './migrations';
import { createTestSchema, type TestSchema } from './testing';

describe('runMigrations', () => {
  let db: TestSchema;
  beforeAll(async () => {
    db = await createTestSchema('mig');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('creates the schema once, even when several processes migrate at once', async () => {
    const results = await Promise.all([runMigrations(db.url), runMigrations(db.url), runMigrations(db.url)]);
    // createTestSchema already migrated: nothing left to run, and no error from the concurrent runs
    expect(results.flat()).toEqual([]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [db.schema],
    );
    await client.end();
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'webhooks',
        'deliveries',
        'delivery_attempts',
        'element_snapshots',
      ]),
    );
  });

  it('serialises concurrent first runs on an empty schema', async () => {
    const fresh = await createTestSchema('mig_fresh', { migrate: false });
    try {
      const results = await Promise.all([runMigrations(fresh.url), runMigrations(fresh.url)]);
      expect(results.flat()).toEqual(migrations.map((m) => m.name));
    } finally {
      await fresh.drop();
    }
  });
});
