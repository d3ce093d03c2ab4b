/**
 * The floor the API is measured against: `POST /v1/groups` on bare node:http + pg doing the same
 * transaction as the API (key lookup, the group, the matching webhooks, the snapshot and one job per
 * webhook) with none of the framework (no Nest, no TypeORM, no validation library, no logging).
 * Run by element-writes.ts as its own process: DATABASE_URL, PORT, and BARE_OUTBOX=off to write the group
 * alone (no webhook lookup, snapshot or jobs): the same request without the outbox.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const OUTBOX = process.env.BARE_OUTBOX !== 'off';

async function createGroup(key: string, body: { name?: unknown; description?: unknown }) {
  const client = await pool.connect();
  try {
    const account = (
      await client.query<{ account_id: string }>(
        'SELECT account_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
        [createHash('sha256').update(key).digest('hex')],
      )
    ).rows[0]?.account_id;
    if (!account) return { status: 401, body: { title: 'Unauthorized' } };
    await client.query('BEGIN');
    const group = (
      await client.query(
        `INSERT INTO groups (account_id, name, description) VALUES ($1, $2, $3)
         RETURNING id, name, description, created_at, updated_at`,
        [account, body.name, body.description ?? null],
      )
    ).rows[0];
    if (OUTBOX) await recordChange(client, account, group);
    await client.query('COMMIT');
    return { status: 201, body: group };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The outbox's part of the transaction: the matching webhooks, the snapshot and one job each. */
async function recordChange(client: PoolClient, account: string, group: { id: string }) {
  const webhooks = await client.query<{ id: string }>(
    `SELECT id FROM webhooks WHERE account_id = $1 AND element = 'group' AND trigger = 'create'
          AND status = 'active' FOR KEY SHARE`,
    [account],
  );
  if (webhooks.rows.length > 0) {
    await client.query(
      `WITH snapshot AS (
           INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
           VALUES ($1, 'group', $2, 'create', $3) RETURNING id
         )
         INSERT INTO deliveries (account_id, webhook_id, snapshot_id)
         SELECT $1, w, snapshot.id FROM snapshot, unnest($4::uuid[]) AS w`,
      [account, group.id, JSON.stringify(group), webhooks.rows.map((w) => w.id)],
    );
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    createGroup(key, JSON.parse(Buffer.concat(chunks).toString() || '{}')).then(
      ({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
