import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Per-element ordering (docs/adr/0009-per-element-ordering.md) and retired signing secrets.
 *
 * A `per_element` webhook's jobs carry an `ordering_key`: the destination, the element type and the
 * element's id. Jobs of one key go out one at a time in `seq` order, which is commit order: whoever
 * writes jobs of a key, or ends one, holds a transaction-scoped advisory lock on the key (taken in hash
 * order, so two writers never deadlock) until commit, so a later writer takes its `seq` after the earlier
 * one committed and sees its pending jobs. The claim is the gate (a job whose key has an earlier pending
 * job is never claimed); `held` is the hint that keeps such jobs out of the lane index, so claims do not
 * read through them. `held` may be false for a job that waits (the gate still holds it back), never true
 * for one that can go: whoever ends a pending job (the relay's completion, a cancel, a webhook's
 * deletion) releases the new head of its key in the same transaction, and the relay's sweeper catches
 * any other way.
 *
 * `seq` has no value for jobs committed before this migration (none of them has a key); new jobs take it
 * from a sequence. Adding the columns without defaults that need a rewrite keeps this quick; the lane
 * index is rebuilt to leave held jobs out, which holds back outbox inserts while it builds.
 *
 * Attempts are pruned with their job (delivered and undelivered jobs now have their own retentions), no
 * longer by their own age: their BRIN on `created_at` has no reader left.
 *
 * Rotation keeps every secret retired in the last 24 h signing: `retired_signing_secrets` is a list of
 * `{secret (sealed), expires_at}` and replaces the single previous secret.
 */
export class DeliveryOrdering1765065600000 implements MigrationInterface {
  name = 'DeliveryOrdering1765065600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhooks
        ADD COLUMN ordering text NOT NULL DEFAULT 'none' CHECK (ordering IN ('none', 'per_element')),
        ADD COLUMN retired_signing_secrets jsonb NOT NULL DEFAULT '[]'::jsonb;
      UPDATE webhooks
         SET retired_signing_secrets = jsonb_build_array(jsonb_build_object(
               'secret', previous_signing_secret, 'expires_at', previous_secret_expires_at))
       WHERE previous_signing_secret IS NOT NULL AND previous_secret_expires_at > now();
      ALTER TABLE webhooks DROP COLUMN previous_signing_secret, DROP COLUMN previous_secret_expires_at;

      CREATE SEQUENCE deliveries_seq_seq AS bigint;
      ALTER TABLE deliveries
        ADD COLUMN seq bigint,
        ADD COLUMN ordering_key text,
        ADD COLUMN held boolean NOT NULL DEFAULT false;
      ALTER SEQUENCE deliveries_seq_seq OWNED BY deliveries.seq;
      ALTER TABLE deliveries ALTER COLUMN seq SET DEFAULT nextval('deliveries_seq_seq');

      -- the claim's gate and the release of a key's next job: a key's pending jobs in order
      CREATE INDEX deliveries_order_idx ON deliveries (ordering_key, seq)
        WHERE status = 'pending' AND ordering_key IS NOT NULL;
      -- the sweeper's way to the keys that have held jobs
      CREATE INDEX deliveries_held_idx ON deliveries (ordering_key) WHERE held AND status = 'pending';
      DROP INDEX deliveries_lane_idx;
      CREATE INDEX deliveries_lane_idx ON deliveries (webhook_id, next_attempt_at)
        WHERE status = 'pending' AND NOT paused AND NOT held;
      DROP INDEX IF EXISTS delivery_attempts_created_brin;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX delivery_attempts_created_brin ON delivery_attempts USING brin (created_at)
        WITH (autosummarize = on);
      DROP INDEX IF EXISTS deliveries_lane_idx;
      CREATE INDEX deliveries_lane_idx ON deliveries (webhook_id, next_attempt_at)
        WHERE status = 'pending' AND NOT paused;
      DROP INDEX IF EXISTS deliveries_held_idx;
      DROP INDEX IF EXISTS deliveries_order_idx;
      ALTER TABLE deliveries DROP COLUMN IF EXISTS held, DROP COLUMN IF EXISTS ordering_key,
        DROP COLUMN IF EXISTS seq;
      ALTER TABLE webhooks
        ADD COLUMN previous_signing_secret text,
        ADD COLUMN previous_secret_expires_at timestamptz;
      UPDATE webhooks w
         SET previous_signing_secret = (SELECT value->>'secret' FROM jsonb_array_elements(w.retired_signing_secrets)
                                         ORDER BY (value->>'expires_at')::timestamptz DESC LIMIT 1),
             previous_secret_expires_at = (SELECT max((value->>'expires_at')::timestamptz)
                                             FROM jsonb_array_elements(w.retired_signing_secrets));
      ALTER TABLE webhooks DROP COLUMN IF EXISTS retired_signing_secrets, DROP COLUMN IF EXISTS ordering;
    `);
  }
}
