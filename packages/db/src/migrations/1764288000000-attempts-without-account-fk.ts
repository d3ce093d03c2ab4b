import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The relay inserts one delivery_attempts row per attempt, at thousands per second; each foreign key
 * costs a lookup per row (the two together were a third of the record statement). The account key is
 * implied by delivery_id (deliveries.account_id, which cascades), so only that one is kept. The column
 * stays: every query still filters by account_id.
 */
export class AttemptsWithoutAccountFk1764288000000 implements MigrationInterface {
  name = 'AttemptsWithoutAccountFk1764288000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE delivery_attempts DROP CONSTRAINT IF EXISTS delivery_attempts_account_id_fkey`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE delivery_attempts
        ADD CONSTRAINT delivery_attempts_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE
    `);
  }
}
