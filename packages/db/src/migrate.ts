import { DataSource } from 'typeorm';
import { migrations } from './migrations';

/** Any constant will do; it only has to be the same for every process that migrates this database. */
const MIGRATION_LOCK_KEY = 0x686f6f6b; // 'hook'

/**
 * Runs pending migrations. Safe when several processes start at once: a session advisory lock
 * serialises them, and the ones that wait find nothing left to do.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
