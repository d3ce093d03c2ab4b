import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The whole first schema. Every table carries account_id (tenancy today, the sharding key tomorrow);
 * timestamps are timestamptz. The outbox is `deliveries`: one row per (webhook, element change), written
 * in the same transaction as the element and its snapshot.
 */
export class InitialSchema1764201600000 implements MigrationInterface {
  name = 'InitialSchema1764201600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        -- sha256 hex of the full key; the key itself is never stored
        key_hash text NOT NULL UNIQUE,
        -- first characters of the key, to recognise it in lists
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE INDEX api_keys_account_idx ON api_keys (account_id);

      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX groups_account_idx ON groups (account_id, created_at, id);

      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        group_id uuid REFERENCES groups(id) ON DELETE SET NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        dates jsonb NOT NULL DEFAULT '[]',
        rsvp_enabled boolean NOT NULL DEFAULT false,
        url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX events_account_idx ON events (account_id, created_at, id);

      CREATE TABLE rsvps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('yes', 'maybe', 'no')),
        seats integer NOT NULL DEFAULT 1,
        fields jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX rsvps_account_event_idx ON rsvps (account_id, event_id, created_at, id);

      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'disabled')),
        disabled_reason text,
        trigger text NOT NULL CHECK (trigger IN ('create', 'update', 'delete')),
        element text NOT NULL,
        method text NOT NULL CHECK (method IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE')),
        url text NOT NULL,
        -- [{key, value, secret}] ; secret values are stored encrypted (see @hookrelay/core secret box)
        headers jsonb NOT NULL DEFAULT '[]',
        -- [{key, value}]
        body jsonb NOT NULL DEFAULT '[]',
        include_element_data boolean NOT NULL DEFAULT true,
        target_kind text,
        -- target settings; fields the plugin marks secret are stored encrypted
        target_settings jsonb,
        -- whsec_ signing secret, encrypted at rest
        signing_secret text NOT NULL,
        -- the secret before the last rotation keeps signing until previous_secret_expires_at
        previous_signing_secret text,
        previous_secret_expires_at timestamptz,
        -- optional per-webhook retry schedule, same syntax as HOOKRELAY_RETRY_SCHEDULE
        retry_schedule text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhooks_account_idx ON webhooks (account_id, created_at, id);
      -- trigger matching: cost follows the number of matching webhooks
      CREATE INDEX webhooks_match_idx ON webhooks (account_id, element, trigger) WHERE status = 'active';

      -- the element as it was at the change (for delete: {"id": ...} only)
      CREATE TABLE element_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        element text NOT NULL,
        element_id uuid NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('create', 'update', 'delete')),
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX element_snapshots_account_idx ON element_snapshots (account_id, element, element_id);

      -- the outbox: one job per (webhook, change); its id is the webhook-id header, stable across retries
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        snapshot_id uuid NOT NULL REFERENCES element_snapshots(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead', 'cancelled')),
        -- attempts started so far (incremented when claimed)
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- lease: the relay that claimed the job and until when
        locked_by text,
        locked_until timestamptz,
        last_error text,
        last_status_code integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );
      CREATE INDEX deliveries_claim_idx ON deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX deliveries_webhook_idx ON deliveries (account_id, webhook_id, created_at, id);
      CREATE INDEX deliveries_completed_idx ON deliveries (completed_at) WHERE status = 'delivered';

      CREATE TABLE delivery_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        delivery_id uuid NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        -- {method, url, headers (secret ones redacted), body}
        request jsonb NOT NULL,
        response_status integer,
        response_headers jsonb,
        -- truncated to 4 KiB
        response_body text,
        duration_ms integer,
        error text,
        outcome text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX delivery_attempts_delivery_idx ON delivery_attempts (delivery_id, attempt);
      CREATE INDEX delivery_attempts_created_idx ON delivery_attempts (created_at);

      -- wake relays as soon as jobs are committed (one notification per statement, not per row)
      CREATE FUNCTION hookrelay_notify_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hookrelay_deliveries', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER deliveries_notify AFTER INSERT ON deliveries
        FOR EACH STATEMENT EXECUTE FUNCTION hookrelay_notify_deliveries();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS delivery_attempts, deliveries, element_snapshots, webhooks, rsvps, events, groups,
        api_keys, accounts CASCADE;
      DROP FUNCTION IF EXISTS hookrelay_notify_deliveries();
    `);
  }
}
