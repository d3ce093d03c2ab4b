import { Client } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_URL } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** The relay fills these tables; here the tests insert the rows themselves. */
describe('deliveries', () => {
  const { app, alice, bob } = useTestApp({ callers: ['alice', 'bob'] });
  let webhookId: string;
  let snapshotId: string;

  const insertDelivery = async (fields: { status: string; createdAt?: string; attempts?: number }) => {
    const { rows } = await app.db.query(
      `INSERT INTO deliveries (account_id, webhook_id, snapshot_id, status, attempts, created_at, completed_at, last_error)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()),
               CASE WHEN $4 = 'pending' THEN NULL ELSE now() END,
               CASE WHEN $4 = 'dead' THEN 'HTTP 500' END)
       RETURNING id`,
      [alice.accountId, webhookId, snapshotId, fields.status, fields.attempts ?? 0, fields.createdAt ?? null],
    );
    return rows[0].id as string;
  };

  beforeAll(async () => {
    webhookId = (
      await alice.post('/v1/webhooks', {
        name: 'w',
        element: 'group',
        trigger: 'create',
        method: 'POST',
        url: PUBLIC_URL,
      })
    ).body.id;
    const group = (await alice.post('/v1/groups', { name: 'G' })).body;
    const snapshot = await app.db.query('SELECT id FROM element_snapshots WHERE element_id = $1', [group.id]);
    snapshotId = snapshot.rows[0].id;
    await app.db.query('DELETE FROM deliveries');
  });

  it('lists the deliveries of a webhook, newest first, filtered by status, paginated', async () => {
    const delivered = await insertDelivery({ status: 'delivered', createdAt: '2026-01-01T10:00:00Z' });
    const dead = await insertDelivery({ status: 'dead', createdAt: '2026-01-01T11:00:00Z' });
    const pending = await insertDelivery({ status: 'pending', createdAt: '2026-01-01T12:00:00Z' });

    const all = await alice.get(`/v1/webhooks/${webhookId}/deliveries`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((d: { id: string }) => d.id)).toEqual([pending, dead, delivered]);
    expect(all.body.next_cursor).toBeNull();
    expect(all.body.items[1]).toMatchObject({
      status: 'dead',
      webhook_id: webhookId,
      last_error: 'HTTP 500',
    });

    const onlyDead = await alice.get(`/v1/webhooks/${webhookId}/deliveries?status=dead`);
    expect(onlyDead.body.items.map((d: { id: string }) => d.id)).toEqual([dead]);
    const page1 = await alice.get(`/v1/webhooks/${webhookId}/deliveries?limit=2`);
    const page2 = await alice.get(
      `/v1/webhooks/${webhookId}/deliveries?limit=2&cursor=${page1.body.next_cursor}`,
    );
    expect(page2.body.items.map((d: { id: string }) => d.id)).toEqual([delivered]);

    const badStatus = await alice.get(`/v1/webhooks/${webhookId}/deliveries?status=lost`);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].field).toBe('status');
    await app.db.query('DELETE FROM deliveries');
  });

  it('shows one delivery with its snapshot and attempts', async () => {
    const id = await insertDelivery({ status: 'dead', attempts: 2 });
    for (const attempt of [1, 2]) {
      await app.db.query(
        `INSERT INTO delivery_attempts (account_id, delivery_id, attempt, request, response_status, response_body, duration_ms, outcome)
         VALUES ($1, $2, $3, $4, 500, 'oops', 12, $5)`,
        [
          alice.accountId,
          id,
          attempt,
          { method: 'POST', url: PUBLIC_URL, headers: {} },
          attempt === 2 ? 'dead' : 'retry',
        ],
      );
    }
    const response = await alice.get(`/v1/deliveries/${id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id,
      status: 'dead',
      attempts: 2,
      snapshot: { element: 'group', trigger: 'create' },
    });
    expect(
      response.body.attempts_log.map((a: { attempt: number; outcome: string }) => [a.attempt, a.outcome]),
    ).toEqual([
      [1, 'retry'],
      [2, 'dead'],
    ]);
    expect(response.body.attempts_log[0]).toMatchObject({
      response_status: 500,
      response_body: 'oops',
      duration_ms: 12,
    });
  });

  it('retries one delivery: pending and due now, attempts kept, relays woken', async () => {
    const id = await insertDelivery({ status: 'dead', attempts: 8 });
    const listener = new Client({ connectionString: app.config.databaseUrl });
    await listener.connect();
    try {
      const notified = new Promise<string>((resolve) =>
        listener.on('notification', (n) => resolve(n.channel)),
      );
      await listener.query('LISTEN hookrelay_deliveries');
      const retried = await alice.post(`/v1/deliveries/${id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id, status: 'pending', attempts: 8, completed_at: null });
      expect(Date.parse(retried.body.next_attempt_at)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await notified).toBe('hookrelay_deliveries');
    } finally {
      await listener.end();
    }
  });

  it('refuses to retry a delivery a relay is attempting right now, and re-sends a delivered one', async () => {
    const leased = await insertDelivery({ status: 'pending', attempts: 1 });
    await app.db.query(
      `UPDATE deliveries SET locked_by = 'relay-1', locked_until = now() + interval '60 seconds' WHERE id = $1`,
      [leased],
    );
    const before = (await alice.get(`/v1/deliveries/${leased}`)).body;
    const refused = await alice.post(`/v1/deliveries/${leased}/retry`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('right now');
    expect((await alice.get(`/v1/deliveries/${leased}`)).body).toEqual(before);

    // An expired lease is no attempt in progress (the relay died): retry is fine.
    await app.db.query(`UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      leased,
    ]);
    expect((await alice.post(`/v1/deliveries/${leased}/retry`)).status).toBe(200);

    const delivered = await insertDelivery({ status: 'delivered', attempts: 1 });
    const resent = await alice.post(`/v1/deliveries/${delivered}/retry`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: delivered, status: 'pending', attempts: 1, completed_at: null });
  });

  it('replays at most 10 000 per call, says so, and continues from next_cursor without repeats', async () => {
    const hook = (
      await alice.post('/v1/webhooks', {
        name: 'many',
        element: 'group',
        trigger: 'create',
        method: 'POST',
        url: PUBLIC_URL,
      })
    ).body.id;
    const total = 10_003;
    // One snapshot per delivery, and all created at the same instant (as a cascade's jobs are): ties on created_at.
    await app.db.query(
      `WITH s AS (
         INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         SELECT $1, 'group', gen_random_uuid(), 'create', jsonb_build_object('n', n) FROM generate_series(1, $3::int) AS n
         RETURNING id
       )
       INSERT INTO deliveries (account_id, webhook_id, snapshot_id, status, created_at, completed_at)
       SELECT $1, $2, s.id, 'delivered', '2025-03-01T00:00:00Z', now() FROM s`,
      [alice.accountId, hook, total],
    );
    const request = { since: '2025-01-01T00:00:00Z', until: '2025-12-31T00:00:00Z' };
    const first = await alice.post(`/v1/webhooks/${hook}/replay`, request);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      replayed: 10_000,
      truncated: true,
      until: '2025-12-31T00:00:00.000Z',
    });
    expect(first.body.delivery_ids).toHaveLength(10_000);
    expect(first.body.next_cursor).toEqual(expect.any(String));

    const rest = await alice.post(`/v1/webhooks/${hook}/replay`, {
      ...request,
      cursor: first.body.next_cursor,
    });
    expect(rest.body).toMatchObject({ replayed: 3, truncated: false, next_cursor: null });

    const { rows } = await app.db.query(
      `SELECT count(DISTINCT snapshot_id)::int AS snapshots, count(*)::int AS n FROM deliveries WHERE id = ANY($1::uuid[])`,
      [[...first.body.delivery_ids, ...rest.body.delivery_ids]],
    );
    expect(rows[0]).toEqual({ snapshots: total, n: total });
    const forged = await alice.post(`/v1/webhooks/${hook}/replay`, {
      ...request,
      cursor: 'bm90IGEgY3Vyc29y',
    });
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].field).toBe('cursor');
  });

  it('cancels a pending delivery, and refuses to cancel one that is not pending', async () => {
    const pending = await insertDelivery({ status: 'pending' });
    const cancelled = await alice.post(`/v1/deliveries/${pending}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await alice.post(`/v1/deliveries/${pending}/cancel`);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('replays a time range as new pending deliveries of the same snapshots', async () => {
    const caller = alice;
    await app.db.query('DELETE FROM deliveries');
    const old = await insertDelivery({ status: 'delivered', createdAt: '2025-06-01T00:00:00Z' });
    const inRangeDead = await insertDelivery({ status: 'dead', createdAt: '2025-07-01T00:00:00Z' });
    const inRangeDelivered = await insertDelivery({ status: 'delivered', createdAt: '2025-07-02T00:00:00Z' });
    await insertDelivery({ status: 'cancelled', createdAt: '2025-07-03T00:00:00Z' });
    await insertDelivery({ status: 'pending', createdAt: '2025-07-04T00:00:00Z' });

    const onlyDead = await caller.post(`/v1/webhooks/${webhookId}/replay`, {
      since: '2025-06-15T00:00:00Z',
      until: '2025-08-01T00:00:00Z',
      status: 'dead',
    });
    expect(onlyDead.status).toBe(202);
    expect(onlyDead.body).toMatchObject({ replayed: 1, truncated: false, next_cursor: null });

    const defaults = await caller.post(`/v1/webhooks/${webhookId}/replay`, {
      since: '2025-06-15T00:00:00Z',
      until: '2025-08-01T00:00:00Z',
    });
    expect(defaults.body.replayed).toBe(2);
    const { rows } = await app.db.query(
      `SELECT status, snapshot_id, attempts FROM deliveries WHERE id = ANY($1::uuid[])`,
      [[...onlyDead.body.delivery_ids, ...defaults.body.delivery_ids]],
    );
    expect(
      rows.every((r) => r.status === 'pending' && r.snapshot_id === snapshotId && r.attempts === 0),
    ).toBe(true);
    // The originals are untouched.
    const originals = await app.db.query(
      'SELECT id, status FROM deliveries WHERE id = ANY($1::uuid[]) ORDER BY created_at',
      [[old, inRangeDead, inRangeDelivered]],
    );
    expect(originals.rows.map((r) => r.status)).toEqual(['delivered', 'dead', 'delivered']);

    const backwards = await caller.post(`/v1/webhooks/${webhookId}/replay`, {
      since: '2025-08-01T00:00:00Z',
      until: '2025-06-01T00:00:00Z',
    });
    expect(backwards.status).toBe(400);
    const noSince = await caller.post(`/v1/webhooks/${webhookId}/replay`, {});
    expect(noSince.body.errors[0].field).toBe('since');
    const pendingStatus = await caller.post(`/v1/webhooks/${webhookId}/replay`, {
      since: '2025-01-01T00:00:00Z',
      status: ['pending'],
    });
    expect(pendingStatus.status).toBe(400);
  });

  it("isolates accounts: another account's deliveries are 404 and cannot be touched", async () => {
    const id = await insertDelivery({ status: 'dead' });
    const responses = await Promise.all([
      bob.get(`/v1/deliveries/${id}`),
      bob.post(`/v1/deliveries/${id}/retry`),
      bob.post(`/v1/deliveries/${id}/cancel`),
      bob.get(`/v1/webhooks/${webhookId}/deliveries`),
      bob.post(`/v1/webhooks/${webhookId}/replay`, { since: '2020-01-01T00:00:00Z' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    const row = await app.db.query('SELECT status FROM deliveries WHERE id = $1', [id]);
    expect(row.rows[0].status).toBe('dead');
    expect((await alice.get('/v1/deliveries/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
  it('pauses the pending deliveries of a disabled webhook, retries and replays included, until enabled', async () => {
    await app.db.query('DELETE FROM deliveries');
    const waiting = await insertDelivery({ status: 'pending' });
    const dead = await insertDelivery({ status: 'dead' });
    await insertDelivery({ status: 'delivered', createdAt: '2025-09-01T00:00:00Z' });
    const paused = async (id: string) => (await alice.get(`/v1/deliveries/${id}`)).body.paused as boolean;
    expect(await paused(waiting)).toBe(false);

    expect((await alice.patch(`/v1/webhooks/${webhookId}`, { status: 'disabled' })).status).toBe(200);
    expect(await paused(waiting)).toBe(true);
    expect(await paused(dead)).toBe(false); // not waiting: nothing to pause
    const retried = await alice.post(`/v1/deliveries/${dead}/retry`);
    expect(retried.body).toMatchObject({ status: 'pending', paused: true });
    const replay = await alice.post(`/v1/webhooks/${webhookId}/replay`, {
      since: '2025-08-01T00:00:00Z',
      until: '2025-10-01T00:00:00Z',
    });
    expect(replay.body.replayed).toBe(1);
    const [replayed] = replay.body.delivery_ids as string[];
    expect(await paused(replayed as string)).toBe(true);

    expect((await alice.patch(`/v1/webhooks/${webhookId}`, { status: 'active' })).status).toBe(200);
    for (const id of [waiting, dead, replayed as string]) expect(await paused(id)).toBe(false);
    await app.db.query('DELETE FROM deliveries');
  });
});
