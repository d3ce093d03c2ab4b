import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Console sign-in (apps/api README, "Console").
 *
 * `console_sessions`: one row per signed-in browser. The cookie carries a random token; only its sha256
 * is stored. Each session names the API key it was opened with (directly, or through a one-time link
 * that key created): a session whose key is revoked is refused at once, and leaves with the key's account.
 *
 * `console_links`: one-time sign-in URLs (valid minutes) for the host platform's dashboard, stored as the
 * sha256 of their token; `used_at` is set by the one statement that consumes a link.
 *
 * The webhooks list's delivery stats need no new index: `deliveries_webhook_idx (account_id, webhook_id,
 * created_at, id)` finds each webhook's newest delivery and its last 24 h. A covering index with status
 * would save heap reads only on pages vacuumed since, at the cost of one more index on every outbox write.
 */
export class ConsoleSessions1764979200000 implements MigrationInterface {
  name = 'ConsoleSessions1764979200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE console_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        api_key_id uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
        -- sha256 hex of the cookie's token; the token itself is never stored
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX console_sessions_account_idx ON console_sessions (account_id, expires_at);
      CREATE INDEX console_sessions_api_key_idx ON console_sessions (api_key_id);

      CREATE TABLE console_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        api_key_id uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
        -- sha256 hex of the link's token
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX console_links_account_idx ON console_links (account_id, expires_at);
      CREATE INDEX console_links_api_key_idx ON console_links (api_key_id);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS console_links, console_sessions`);
  }
}
