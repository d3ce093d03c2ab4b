import { randomBytes } from 'node:crypto';
import { createSecretBox, generateSigningSecret, type JsonObject } from '@hookrelay/core';
import { createTestSchema, type TestSchema } from '@hookrelay/db/testing';
import { Pool } from 'pg';

export interface WebhookSpec {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: { key: string; value: string; secret?: boolean }[];
  body?: { key: string; value: string }[];
  includeElementData?: boolean;
  element?: 'group' | 'event' | 'rsvp';
  trigger?: 'create' | 'update' | 'delete';
  status?: 'active' | 'disabled';
  retrySchedule?: string;
  /** Secrets replaced by rotations, each signing until it expires. */
  retiredSecrets?: { secret: string; expiresAt: Date }[];
  /** Requests per second across all relays. */
  rateLimit?: number;
  /** A target plugin's kind and settings, as the API stores them for a prefilled webhook. */
  target?: { kind: string; settings: JsonObject };
  /** Another account's webhook (see addAccount); the fixture's account by default. */
  accountId?: string;
  /**
   * false: no destination, as a webhook saved before destinations existed (the relay attaches one);
   * by default it gets its account's destination for the URL's origin, as the API does.
   */
  withDestination?: boolean;
}

export const SAMPLE_RSVP: JsonObject = {
  id: '5d7a1c3e-8f2b-4c1d-9e6a-0b1c2d3e4f50',
  event_id: '0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  status: 'yes',
  seats: 2,
  fields: { diet: 'vegetarian' },
  created_at: '2025-11-27T10:00:00.000Z',
  updated_at: '2025-11-27T10:00:00.000Z',
};

/**
 * A fresh schema with one account, plus SQL helpers that write webhooks and outbox rows the way the API
 * does (secrets encrypted with the same key the relay gets).
 */
export class OutboxFixture {
  readonly encryptionKey = randomBytes(32).toString('base64');
  private readonly box = createSecretBox(this.encryptionKey);
  accountId = '';

  private constructor(
    readonly schema: TestSchema,
    readonly pool: Pool,
  ) {}

  static async create(): Promise<OutboxFixture> {
    const schema = await createTestSchema('relay');
    const fixture = new OutboxFixture(schema, new Pool({ connectionString: schema.url, max: 4 }));
    const { rows } = await fixture.pool.query<{ id: string }>(
      `INSERT INTO accounts (name) VALUES ('test account') RETURNING id`,
    );
    fixture.accountId = (rows[0] as { id: string }).id;
    return fixture;
  }

  get url(): string {
    return this.schema.url;
  }

  /** Another account (tenant) in the same schema. */
  async addAccount(name: string): Promise<string> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO accounts (name) VALUES ($1) RETURNING id`,
      [name],
    );
    return (rows[0] as { id: string }).id;
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.schema.drop();
  }

  /** Inserts a webhook; returns its id and its plain signing secret. */
  async insertWebhook(spec: WebhookSpec): Promise<{ id: string; secret: string }> {
    const secret = generateSigningSecret();
    const headers = (spec.headers ?? []).map((h) =>
      h.secret ? { ...h, value: this.box.encrypt(h.value) } : h,
    );
    const accountId = spec.accountId ?? this.accountId;
    const destination =
      spec.withDestination === false
        ? null
        : (
            await this.pool.query<{ id: string }>(
              `INSERT INTO destinations (account_id, origin) VALUES ($1, $2)
               ON CONFLICT (account_id, origin) DO UPDATE SET origin = EXCLUDED.origin RETURNING id`,
              [accountId, new URL(spec.url).origin],
            )
          ).rows[0]?.id;
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO webhooks (account_id, name, status, trigger, element, method, url, headers, body,
                             include_element_data, signing_secret, retired_signing_secrets,
                             retry_schedule, rate_limit, destination_id, target_kind, target_settings)
       VALUES ($1, 'test hook', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        accountId,
        spec.status ?? 'active',
        spec.trigger ?? 'create',
        spec.element ?? 'rsvp',
        spec.method ?? 'POST',
        spec.url,
        JSON.stringify(headers),
        JSON.stringify(spec.body ?? []),
        spec.includeElementData ?? true,
        this.box.encrypt(secret),
        JSON.stringify(
          (spec.retiredSecrets ?? []).map((r) => ({
            secret: this.box.encrypt(r.secret),
            expires_at: r.expiresAt.toISOString(),
          })),
        ),
        spec.retrySchedule ?? null,
        spec.rateLimit ?? null,
        destination ?? null,
        spec.target?.kind ?? null,
        spec.target ? JSON.stringify(spec.target.settings) : null,
      ],
    );
    return { id: (rows[0] as { id: string }).id, secret };
  }

  /**
   * One element change as the API commits it: one snapshot and one job for each of `webhookIds` (all of
   * the account), in one transaction. Returns the job ids by webhook.
   */
  async enqueueChange(input: { webhookIds: string[]; accountId?: string }): Promise<Map<string, string>> {
    const accountId = input.accountId ?? this.accountId;
    const { rows } = await this.pool.query<{ id: string; webhook_id: string }>(
      `WITH snapshot AS (
         INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         VALUES ($1, 'rsvp', gen_random_uuid(), 'create', $3) RETURNING id
       )
       INSERT INTO deliveries (account_id, webhook_id, snapshot_id)
       SELECT $1, w, snapshot.id FROM snapshot, unnest($2::uuid[]) AS w
       RETURNING id, webhook_id`,
      [accountId, input.webhookIds, JSON.stringify(SAMPLE_RSVP)],
    );
    return new Map(rows.map((r) => [r.webhook_id, r.id]));
  }

  /** Commits `count` jobs for one webhook sharing one snapshot (one statement, one NOTIFY). */
  async enqueue(input: {
    webhookId: string;
    data?: JsonObject;
    count?: number;
    trigger?: string;
    /** Due this much later than now (default: due now). */
    dueInMs?: number;
    /** The webhook's account, when not the fixture's. */
    accountId?: string;
  }): Promise<string[]> {
    const accountId = input.accountId ?? this.accountId;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const snapshot = await client.query<{ id: string }>(
        `INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         VALUES ($1, 'rsvp', $2, $3, $4) RETURNING id`,
        [accountId, SAMPLE_RSVP.id, input.trigger ?? 'create', JSON.stringify(input.data ?? SAMPLE_RSVP)],
      );
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO deliveries (account_id, webhook_id, snapshot_id, next_attempt_at)
         SELECT $1, $2, $3, now() + $5 * interval '1 millisecond' FROM generate_series(1, $4) RETURNING id`,
        [
          accountId,
          input.webhookId,
          (snapshot.rows[0] as { id: string }).id,
          input.count ?? 1,
          input.dueInMs ?? 0,
        ],
      );
      await client.query('COMMIT');
      return rows.map((r) => r.id);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async delivery(id: string): Promise<DeliveryRow> {
    const { rows } = await this.pool.query<DeliveryRow>(`SELECT * FROM deliveries WHERE id = $1`, [id]);
    if (!rows[0]) throw new Error(`no delivery ${id}`);
    return rows[0];
  }

  async attempts(deliveryId: string): Promise<AttemptRow[]> {
    const { rows } = await this.pool.query<AttemptRow>(
      `SELECT * FROM delivery_attempts WHERE delivery_id = $1 ORDER BY attempt`,
      [deliveryId],
    );
    return rows;
  }

  async webhook(
    id: string,
  ): Promise<{ status: string; disabled_reason: string | null; destination_id: string | null }> {
    const { rows } = await this.pool.query(
      `SELECT status, disabled_reason, destination_id FROM webhooks WHERE id = $1`,
      [id],
    );
    return rows[0] as { status: string; disabled_reason: string | null; destination_id: string | null };
  }

  /** The destination row of a webhook (its shared flow-control state). */
  async destinationOf(webhookId: string): Promise<DestinationRow | undefined> {
    const { rows } = await this.pool.query<DestinationRow>(
      `SELECT d.* FROM destinations d JOIN webhooks w ON w.destination_id = d.id WHERE w.id = $1`,
      [webhookId],
    );
    return rows[0];
  }

  async countByStatus(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM deliveries GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
}

export interface DeliveryRow {
  paused: boolean;
  id: string;
  snapshot_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  last_status_code: number | null;
  completed_at: Date | null;
}

export interface DestinationRow {
  id: string;
  account_id: string;
  origin: string;
  circuit: 'closed' | 'open' | 'half_open';
  failures: number;
  cooldown_ms: number | null;
  opened_at: Date | null;
  retry_at: Date | null;
  paused_until: Date | null;
  last_failure: string | null;
}

export interface AttemptRow {
  attempt: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  duration_ms: number | null;
  error: string | null;
  outcome: string;
  created_at: Date;
}
