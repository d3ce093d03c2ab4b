import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from './testing';

/** What the schema itself guarantees about the outbox, whoever deletes or updates what. */
describe('outbox integrity in the schema', () => {
  let db: TestSchema;
  let client: Client;
  let account: string;
  let snapshot: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await client.query(sql, params)).rows[0] as T;
  const webhook = async () =>
    (
      await one<{ id: string }>(
        `INSERT INTO webhooks (account_id, name, status, trigger, element, method, url, headers, body, signing_secret)
         VALUES ($1, 'w', 'active', 'create', 'rsvp', 'POST', 'https://x.example.com/', '[]', '[]', 'x') RETURNING id`,
        [account],
      )
    ).id;
  const delivery = async (webhookId: string) =>
    (
      await one<{ id: string }>(
        `INSERT INTO deliveries (account_id, webhook_id, snapshot_id) VALUES ($1, $2, $3) RETURNING id`,
        [account, webhookId, snapshot],
      )
    ).id;
  const attempt = (deliveryId: string, n: number) =>
    client.query(
      `INSERT INTO delivery_attempts (account_id, delivery_id, attempt, request, outcome)
       VALUES ($1, $2, $3, '{}', 'retry')`,
      [account, deliveryId, n],
    );
  const attemptsOf = async (ids: string[]) =>
    (
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM delivery_attempts WHERE delivery_id = ANY($1::uuid[])`,
        [ids],
      )
    ).n;

  beforeAll(async () => {
    db = await createTestSchema('integrity');
    client = new Client({ connectionString: db.url });
    await client.connect();
    account = (await one<{ id: string }>(`INSERT INTO accounts (name) VALUES ('a') RETURNING id`)).id;
    snapshot = (
      await one<{ id: string }>(
        `INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         VALUES ($1, 'rsvp', gen_random_uuid(), 'create', '{}') RETURNING id`,
        [account],
      )
    ).id;
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('deletes the attempts of deleted deliveries, also through the cascade of a deleted webhook', async () => {
    const hook = await webhook();
    const [kept, pruned, other] = [
      await delivery(hook),
      await delivery(hook),
      await delivery(await webhook()),
    ];
    for (const id of [kept, pruned, other]) for (const n of [1, 2]) await attempt(id, n);

    await client.query(`DELETE FROM deliveries WHERE id = $1`, [pruned]);
    expect(await attemptsOf([pruned])).toBe(0);
    expect(await attemptsOf([kept, other])).toBe(4);

    await client.query(`DELETE FROM webhooks WHERE id = $1`, [hook]);
    expect(await attemptsOf([kept])).toBe(0);
    expect(await attemptsOf([other])).toBe(2);
  });

  it('keys an attempt by its delivery and number: the same attempt cannot be logged twice', async () => {
    const id = await delivery(await webhook());
    await attempt(id, 1);
    await expect(attempt(id, 1)).rejects.toMatchObject({ code: '23505' });
  });

  it('pauses the pending jobs of a webhook while it is disabled, and only those', async () => {
    const hook = await webhook();
    const [pending, delivered] = [await delivery(hook), await delivery(hook)];
    await client.query(`UPDATE deliveries SET status = 'delivered' WHERE id = $1`, [delivered]);
    const paused = async (id: string) =>
      (await one<{ paused: boolean }>(`SELECT paused FROM deliveries WHERE id = $1`, [id])).paused;

    await client.query(`UPDATE webhooks SET status = 'disabled' WHERE id = $1`, [hook]);
    expect([await paused(pending), await paused(delivered)]).toEqual([true, false]);
    await client.query(`UPDATE webhooks SET status = 'active' WHERE id = $1`, [hook]);
    expect(await paused(pending)).toBe(false);
  });
});
