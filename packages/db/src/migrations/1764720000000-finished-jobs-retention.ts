import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Retention now removes every finished job (delivered, dead, cancelled) once it has been finished for
 * longer than the retention; before, dead and cancelled jobs (and the snapshots they hold) stayed until
 * their webhook or account was deleted. Its index moves from a B-tree over delivered jobs to a BRIN over
 * `completed_at`, and the attempts' `created_at` index becomes a BRIN too.
 *
 * Why BRIN: both B-trees took one entry per job finished or attempt logged, on the relay's hottest
 * statement, only to serve a pruning pass once a minute. A BRIN keeps the min and max per range of pages:
 * attempts are only appended, so their ranges follow time exactly; a job's finished version stays on its
 * page (the table keeps half of each page free, see 1764547200000) or lands in freed space, and no range
 * holding recent jobs can hold a completion older than them, so the pruning query reads the old ranges
 * and the few recent ones not yet summarised (`autosummarize` asks autovacuum to summarise each range as
 * it fills). The indexes are a few pages instead of one entry per row.
 */
export class FinishedJobsRetention1764720000000 implements MigrationInterface {
  name = 'FinishedJobsRetention1764720000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX deliveries_completed_idx;
      CREATE INDEX deliveries_completed_brin ON deliveries USING brin (completed_at) WITH (autosummarize = on);
      DROP INDEX delivery_attempts_created_idx;
      CREATE INDEX delivery_attempts_created_brin ON delivery_attempts USING brin (created_at)
        WITH (autosummarize = on);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX delivery_attempts_created_brin;
      CREATE INDEX delivery_attempts_created_idx ON delivery_attempts (created_at);
      DROP INDEX deliveries_completed_brin;
      CREATE INDEX deliveries_completed_idx ON deliveries (completed_at) WHERE status = 'delivered';
    `);
  }
}
