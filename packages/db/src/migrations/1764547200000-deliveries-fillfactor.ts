import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A claim rewrites a job's row (lease, attempt count), none of whose changed columns is indexed: when the
 * new version fits on the same page the update is HOT and touches no index. Packed pages (the default
 * fillfactor 100) had room for almost none of them, so every claim added an entry to each of the
 * table's indexes. Half-full pages make room for the claims of the jobs on them: 14-15 µs per claimed
 * job instead of 22-23 (`HELD=1000 COMPLETE_BATCH=500 npx tsx apps/relay/bench/pg-cost.ts`), at the
 * price of twice the heap pages for the outbox. Applies to pages written from now on; no rewrite.
 */
export class DeliveriesFillfactor1764547200000 implements MigrationInterface {
  name = 'DeliveriesFillfactor1764547200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deliveries SET (fillfactor = 50)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deliveries RESET (fillfactor)`);
  }
}
