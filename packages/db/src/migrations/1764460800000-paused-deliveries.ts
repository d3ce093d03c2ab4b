import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Jobs of a disabled webhook wait (DESIGN §2), but they stayed in the claim index: every claim walked
 * past all of them before reaching a job it could send (100,000 waiting jobs made a claim ~6× dearer per
 * job, and it grows with them). Now such jobs are `paused` and out of the claim index.
 *
 * A trigger keeps the flag in step with the webhook, whoever changes its status (the API, or the relay
 * disabling it after a 410, in the statement that records the attempt): disabling pauses its pending
 * jobs, enabling resumes them. The relay's claim still joins active webhooks, so a job that escaped the
 * flag (inserted by a transaction that saw the webhook active while another disabled it) waits too.
 */
export class PausedDeliveries1764460800000 implements MigrationInterface {
  name = 'PausedDeliveries1764460800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE deliveries ADD COLUMN paused boolean NOT NULL DEFAULT false;
      UPDATE deliveries d SET paused = true
        FROM webhooks w
       WHERE w.id = d.webhook_id AND w.status <> 'active' AND d.status = 'pending';

      DROP INDEX deliveries_claim_idx;
      CREATE INDEX deliveries_claim_idx ON deliveries (next_attempt_at) WHERE status = 'pending' AND NOT paused;

      -- search_path pinned: the function finds this schema's deliveries whoever fires it
      CREATE FUNCTION hookrelay_pause_deliveries() RETURNS trigger LANGUAGE plpgsql
        SET search_path FROM CURRENT AS $$
      BEGIN
        UPDATE deliveries
           SET paused = (NEW.status <> 'active')
         WHERE account_id = NEW.account_id AND webhook_id = NEW.id
           AND status = 'pending' AND paused = (NEW.status = 'active');
        RETURN NULL;
      END $$;
      CREATE TRIGGER webhooks_pause_deliveries AFTER UPDATE OF status ON webhooks
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
        EXECUTE FUNCTION hookrelay_pause_deliveries();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS webhooks_pause_deliveries ON webhooks;
      DROP FUNCTION IF EXISTS hookrelay_pause_deliveries();
      DROP INDEX IF EXISTS deliveries_claim_idx;
      CREATE INDEX deliveries_claim_idx ON deliveries (next_attempt_at) WHERE status = 'pending';
      ALTER TABLE deliveries DROP COLUMN IF EXISTS paused;
    `);
  }
}
