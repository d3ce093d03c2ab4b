import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Flow control per destination (docs/adr/0007-flow-control.md).
 *
 * A destination is one account's origin (scheme, host, port): the unit whose circuit opens after repeated
 * timeouts or connection failures, and which a 429 or Retry-After pauses for every webhook that targets
 * it. Per account, so one tenant's failures or throttling never slow another's deliveries, even to a
 * shared host. The API sets a webhook's destination when it is saved (a URL's host is fixed at save);
 * the relay sets it for webhooks saved before this migration, when it first delivers for them.
 *
 * `rate_limit` caps a webhook's requests per second across all relays: `webhook_throttles` holds the
 * next free send slot, taken under a row lock by the claim.
 *
 * Claims pick jobs per webhook (a lane), so the claim index leads with the webhook: the relay finds the
 * webhooks with pending jobs by skipping through it, and takes each lane's oldest due jobs in order. The
 * index is built in the migration's transaction, which holds back outbox inserts while it builds: on a
 * large outbox, run this migration in a quiet moment.
 */
export class Destinations1764806400000 implements MigrationInterface {
  name = 'Destinations1764806400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE destinations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        -- scheme://host[:port], as the URL standard writes an origin
        origin text NOT NULL,
        circuit text NOT NULL DEFAULT 'closed' CHECK (circuit IN ('closed', 'open', 'half_open')),
        -- timeouts and connection failures in a row
        failures integer NOT NULL DEFAULT 0,
        -- the cool-down of the current opening (doubles with each failed probe)
        cooldown_ms integer,
        opened_at timestamptz,
        -- open: when the next probe may go; half_open: when the probe's claim runs out
        retry_at timestamptz,
        last_failure text,
        -- a 429 or Retry-After: nothing is sent to the destination before this
        paused_until timestamptz,
        -- bumped by every circuit change: relays change the circuit by compare-and-set
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, origin)
      );
      -- the few destinations that are blocked, for the relays' sweeper and /metrics
      CREATE INDEX destinations_open_idx ON destinations (opened_at) WHERE circuit <> 'closed';
      CREATE INDEX destinations_paused_idx ON destinations (paused_until) WHERE paused_until IS NOT NULL;

      ALTER TABLE webhooks
        ADD COLUMN destination_id uuid REFERENCES destinations(id) ON DELETE SET NULL,
        ADD COLUMN rate_limit integer CHECK (rate_limit > 0);
      CREATE INDEX webhooks_destination_idx ON webhooks (destination_id);

      CREATE TABLE webhook_throttles (
        webhook_id uuid PRIMARY KEY REFERENCES webhooks(id) ON DELETE CASCADE,
        account_id uuid NOT NULL,
        -- the next send slot nobody has taken yet
        next_slot_at timestamptz NOT NULL DEFAULT now()
      );

      DROP INDEX deliveries_claim_idx;
      CREATE INDEX deliveries_lane_idx ON deliveries (webhook_id, next_attempt_at)
        WHERE status = 'pending' AND NOT paused;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS deliveries_lane_idx;
      CREATE INDEX deliveries_claim_idx ON deliveries (next_attempt_at) WHERE status = 'pending' AND NOT paused;
      DROP TABLE IF EXISTS webhook_throttles;
      DROP INDEX IF EXISTS webhooks_destination_idx;
      ALTER TABLE webhooks DROP COLUMN IF EXISTS destination_id, DROP COLUMN IF EXISTS rate_limit;
      DROP TABLE IF EXISTS destinations;
    `);
  }
}
