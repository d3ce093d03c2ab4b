import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The relay's retention deletes element snapshots past the retention that no delivery references any
 * more. Both sides of that need an index: the age (oldest first, in small batches) and the reference
 * check (`NOT EXISTS` on deliveries.snapshot_id, which is also what the ON DELETE CASCADE of the foreign
 * key looks up).
 */
export class SnapshotRetentionIndexes1764374400000 implements MigrationInterface {
  name = 'SnapshotRetentionIndexes1764374400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS deliveries_snapshot_idx ON deliveries (snapshot_id);
      CREATE INDEX IF NOT EXISTS element_snapshots_created_idx ON element_snapshots (created_at);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS deliveries_snapshot_idx;
      DROP INDEX IF EXISTS element_snapshots_created_idx;
    `);
  }
}
