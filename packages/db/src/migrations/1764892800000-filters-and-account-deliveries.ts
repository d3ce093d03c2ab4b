import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `webhooks.filter`: conditions on the change that must all hold for the webhook to get a job (evaluated
 * in the change's transaction; `[]` for none). An index for the deliveries of a whole account, newest
 * first, as the account-wide list and bulk cancel read them.
 */
export class FiltersAndAccountDeliveries1764892800000 implements MigrationInterface {
  name = 'FiltersAndAccountDeliveries1764892800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhooks ADD COLUMN filter jsonb NOT NULL DEFAULT '[]';
      CREATE INDEX deliveries_account_idx ON deliveries (account_id, created_at, id);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS deliveries_account_idx;
      ALTER TABLE webhooks DROP COLUMN IF EXISTS filter;
    `);
  }
}
