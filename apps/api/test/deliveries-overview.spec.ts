import { randomUUID } from 'node:crypto';
import { sampleElement } from '@hookrelay/core';
import { waitUntil } from '@hookrelay/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { type AnyBody, type Caller } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** Long enough for the stand-in relay below to answer, short enough for the 202 test to stay quick. */
const TEST_WAIT_MS = 1_000;

/**
 * The account's deliveries across webhooks, bulk cancel, and the test button with real data. No relay
 * runs here: jobs stay pending unless a test moves them with SQL (or plays the relay itself).
 */
describe('deliveries across the account', () => {
  const { app } = useTestApp({ config: { allowPrivateTargets: true, testDeliveryWaitMs: TEST_WAIT_MS } });

  const createWebhook = async (caller: Caller, fields: Record<string, unknown>): Promise<AnyBody> => {
    const response = await caller.post('/v1/webhooks', {
      name: 'w',
      method: 'POST',
      url: 'http://127.0.0.1:9/hook',
      ...fields,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const jobOf = async (webhookId: string, elementId: string, trigger = 'create'): Promise<string> => {
    const { rows } = await app.db.query(
      `SELECT d.id FROM deliveries d JOIN element_snapshots s ON s.id = d.snapshot_id
        WHERE d.webhook_id = $1 AND s.element_id = $2 AND s.trigger = $3`,
      [webhookId, elementId, trigger],
    );
    expect(rows).toHaveLength(1);
    return rows[0].id;
  };
  const ids = (response: { body: AnyBody }): string[] => response.body.items.map((d: { id: string }) => d.id);
  const statusOf = async (id: string): Promise<string> =>
    (await app.db.query('SELECT status FROM deliveries WHERE id = $1', [id])).rows[0].status;

  describe('GET /v1/deliveries', () => {
    let alice: Caller;
    let bob: Caller;
    let onGroupCreate: AnyBody;
    let onGroupUpdate: AnyBody;
    let onEventCreate: AnyBody;
    let groupOne: AnyBody;
    let groupTwo: AnyBody;
    let event: AnyBody;
    /** Oldest first: group one created (delivered), updated (dead), group two (pending), the event (pending). */
    let d: { created: string; updated: string; second: string; event: string };
    let bobsJob: string;

    beforeAll(async () => {
      alice = await app.createCaller('alice');
      bob = await app.createCaller('bob');
      onGroupCreate = await createWebhook(alice, { element: 'group', trigger: 'create' });
      onGroupUpdate = await createWebhook(alice, { element: 'group', trigger: 'update' });
      onEventCreate = await createWebhook(alice, { element: 'event', trigger: 'create' });
      const bobsHook = await createWebhook(bob, { element: 'group', trigger: 'create' });

      groupOne = (await alice.post('/v1/groups', { name: 'one' })).body;
      await alice.patch(`/v1/groups/${groupOne.id}`, { name: 'one, renamed' });
      groupTwo = (await alice.post('/v1/groups', { name: 'two' })).body;
      event = (await alice.post('/v1/events', { title: 'Launch' })).body;
      const bobsGroup = (await bob.post('/v1/groups', { name: 'bob' })).body;

      d = {
        created: await jobOf(onGroupCreate.id, groupOne.id),
        updated: await jobOf(onGroupUpdate.id, groupOne.id, 'update'),
        second: await jobOf(onGroupCreate.id, groupTwo.id),
        event: await jobOf(onEventCreate.id, event.id),
      };
      bobsJob = await jobOf(bobsHook.id, bobsGroup.id);
      const placed: [string, string, string][] = [
        [d.created, '2026-01-01T10:00:00Z', 'delivered'],
        [d.updated, '2026-01-01T11:00:00Z', 'dead'],
        [d.second, '2026-01-01T12:00:00Z', 'pending'],
        [d.event, '2026-01-01T13:00:00Z', 'pending'],
        [bobsJob, '2026-01-01T12:30:00Z', 'pending'],
      ];
      for (const [id, createdAt, status] of placed) {
        await app.db.query(
          `UPDATE deliveries SET created_at = $2, status = $3,
                  completed_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END WHERE id = $1`,
          [id, createdAt, status],
        );
      }
    });

    it('lists every delivery of the account, newest first, each with the change it delivers', async () => {
      const all = await alice.get('/v1/deliveries');
      expect(all.status).toBe(200);
      expect(ids(all)).toEqual([d.event, d.second, d.updated, d.created]);
      expect(all.body.next_cursor).toBeNull();
      expect(all.body.items[2]).toMatchObject({
        id: d.updated,
        webhook_id: onGroupUpdate.id,
        status: 'dead',
        element: 'group',
        element_id: groupOne.id,
        trigger: 'update',
      });
      expect(all.body.items[0]).toMatchObject({ element: 'event', element_id: event.id, trigger: 'create' });
      expect(ids(await bob.get('/v1/deliveries'))).toEqual([bobsJob]);
    });

    it('filters by each parameter alone', async () => {
      const cases: [string, string[]][] = [
        ['status=pending', [d.event, d.second]],
        ['status=delivered', [d.created]],
        ['status=cancelled', []],
        [`webhook_id=${onGroupCreate.id}`, [d.second, d.created]],
        ['element=group', [d.second, d.updated, d.created]],
        ['element=event', [d.event]],
        ['element=rsvp', []],
        [`element_id=${groupOne.id}`, [d.updated, d.created]],
        [`element_id=${event.id}`, [d.event]],
        [`element_id=${randomUUID()}`, []],
        ['since=2026-01-01T11:00:00Z', [d.event, d.second, d.updated]],
        ['until=2026-01-01T12:00:00Z', [d.updated, d.created]],
        ['since=2026-01-01T12:00:00%2B01:00', [d.event, d.second, d.updated]],
      ];
      for (const [query, expected] of cases) {
        const response = await alice.get(`/v1/deliveries?${query}`);
        expect(response.status, query).toBe(200);
        expect(ids(response), query).toEqual(expected);
      }
    });

    it('combines filters: every one given must hold', async () => {
      const cases: [string, string[]][] = [
        ['element=group&status=pending', [d.second]],
        [`element_id=${groupOne.id}&webhook_id=${onGroupUpdate.id}`, [d.updated]],
        [`element_id=${groupOne.id}&element=event`, []],
        [`element_id=${groupOne.id}&element=group&status=delivered`, [d.created]],
        [`webhook_id=${onGroupCreate.id}&since=2026-01-01T10:30:00Z&until=2026-01-01T12:30:00Z`, [d.second]],
        [`status=pending&since=2026-01-01T12:00:00Z&until=2026-01-01T12:59:59.999Z`, [d.second]],
        [`webhook_id=${onEventCreate.id}&element=group`, []],
      ];
      for (const [query, expected] of cases) {
        const response = await alice.get(`/v1/deliveries?${query}`);
        expect(response.status, query).toBe(200);
        expect(ids(response), query).toEqual(expected);
      }
    });

    it('paginates with limit and cursor, alone and with filters', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: AnyBody } = await alice.get(
          `/v1/deliveries?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.body.items).toHaveLength(1);
        seen.push(...ids(page));
        cursor = page.body.next_cursor;
      } while (cursor);
      expect(seen).toEqual([d.event, d.second, d.updated, d.created]);

      const first = await alice.get('/v1/deliveries?element=group&limit=2');
      expect(ids(first)).toEqual([d.second, d.updated]);
      const second = await alice.get(`/v1/deliveries?element=group&limit=2&cursor=${first.body.next_cursor}`);
      expect(ids(second)).toEqual([d.created]);
      expect(second.body.next_cursor).toBeNull();
    });

    it('refuses each bad parameter with 400 problem+json naming it', async () => {
      const cases: [string, string][] = [
        ['status=lost', 'status'],
        ['webhook_id=not-a-uuid', 'webhook_id'],
        ['element=widget', 'element'],
        ['element_id=42', 'element_id'],
        ['since=yesterday', 'since'],
        ['since=2026-01-01', 'since'],
        ['since=2026-01-01T10:00:00', 'since'],
        ['until=2026-02-30T00:00:00Z', 'until'],
        ['until=2026-W01-1', 'until'],
        ['since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'until'],
        ['since=2026-01-01T00:00:00Z&until=2026-01-01T00:00:00Z', 'until'],
        ['limit=0', 'limit'],
        ['cursor=bogus', 'cursor'],
        ['colour=red', 'colour'],
      ];
      for (const [query, field] of cases) {
        const response = await alice.get(`/v1/deliveries?${query}`);
        expect(response.status, query).toBe(400);
        expect(response.headers.get('content-type'), query).toContain('application/problem+json');
        expect(
          response.body.errors.map((e: { field: string }) => e.field),
          query,
        ).toContain(field);
      }
    });

    it("never shows another account's deliveries; another account's webhook is a 404", async () => {
      expect(ids(await bob.get(`/v1/deliveries?element_id=${groupOne.id}`))).toEqual([]);
      expect(ids(await bob.get('/v1/deliveries?element=group'))).toEqual([bobsJob]);
      for (const webhookId of [onGroupCreate.id, randomUUID()]) {
        const response = await bob.get(`/v1/deliveries?webhook_id=${webhookId}`);
        expect(response.status).toBe(404);
        expect(response.body.detail).toBe('webhook not found');
      }
    });

    it('gives the change in every delivery answer: per-webhook list, one delivery, retry, cancel', async () => {
      const change = { element: 'group', element_id: groupTwo.id, trigger: 'create' };
      const list = await alice.get(`/v1/webhooks/${onGroupCreate.id}/deliveries`);
      expect(list.body.items.find((x: { id: string }) => x.id === d.second)).toMatchObject(change);
      expect((await alice.get(`/v1/deliveries/${d.second}`)).body).toMatchObject({
        ...change,
        snapshot: { ...change, data: { id: groupTwo.id, name: 'two' } },
      });
      expect((await alice.post(`/v1/deliveries/${d.created}/retry`)).body).toMatchObject({
        element_id: groupOne.id,
        trigger: 'create',
        status: 'pending',
      });
      expect((await alice.post(`/v1/deliveries/${d.created}/cancel`)).body).toMatchObject({
        element_id: groupOne.id,
        trigger: 'create',
        status: 'cancelled',
      });
    });
  });

  describe('POST /v1/deliveries/cancel', () => {
    let carol: Caller;
    let dan: Caller;

    beforeAll(async () => {
      carol = await app.createCaller('carol');
      dan = await app.createCaller('dan');
    });

    /**
     * `count` pending jobs of the webhook (sharing one snapshot), created `stepUs` microseconds apart from
     * `createdAt`; 0 gives them all one created_at, as the jobs of one change to many webhooks have.
     */
    const insertPending = async (
      caller: Caller,
      webhookId: string,
      count: number,
      createdAt: string,
      stepUs = 1,
    ) => {
      const { rows } = await app.db.query(
        `WITH snapshot AS (
           INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
           VALUES ($1, 'group', gen_random_uuid(), 'create', '{}') RETURNING id
         )
         INSERT INTO deliveries (account_id, webhook_id, snapshot_id, created_at)
         SELECT $1, $2, snapshot.id, $4::timestamptz + n * $5 * interval '1 microsecond'
           FROM snapshot, generate_series(1, $3) AS n
         RETURNING id`,
        [caller.accountId, webhookId, count, createdAt, stepUs],
      );
      return rows.map((r) => r.id as string);
    };
    const countByStatus = async (webhookId: string) =>
      Object.fromEntries(
        (
          await app.db.query(
            'SELECT status, count(*)::int AS n FROM deliveries WHERE webhook_id = $1 GROUP BY status',
            [webhookId],
          )
        ).rows.map((r) => [r.status, r.n]),
      );

    it("cancels one webhook's pending deliveries, paused and leased ones too, and leaves the rest alone", async () => {
      const target = await createWebhook(carol, { element: 'group', trigger: 'create' });
      const other = await createWebhook(carol, { element: 'group', trigger: 'create' });
      const dans = await createWebhook(dan, { element: 'group', trigger: 'create' });
      const group = (await carol.post('/v1/groups', { name: 'g' })).body;
      const viaApi = await jobOf(target.id, group.id);
      await insertPending(dan, dans.id, 3, '2026-01-01T00:00:00Z');
      const [leased, paused, delivered] = await insertPending(carol, target.id, 3, '2026-01-01T00:00:00Z');
      await app.db.query(
        `UPDATE deliveries SET locked_by = 'relay-1', locked_until = now() + interval '1 minute' WHERE id = $1`,
        [leased],
      );
      await app.db.query('UPDATE deliveries SET paused = true WHERE id = $1', [paused]);
      await app.db.query(`UPDATE deliveries SET status = 'delivered', completed_at = now() WHERE id = $1`, [
        delivered,
      ]);

      const response = await carol.post('/v1/deliveries/cancel', {
        webhook_id: target.id,
        status: 'pending',
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ cancelled: 3 });
      expect(await countByStatus(target.id)).toEqual({ cancelled: 3, delivered: 1 });
      expect(await countByStatus(other.id)).toEqual({ pending: 1 });
      expect(await countByStatus(dans.id)).toEqual({ pending: 3 });
      const { rows } = await app.db.query(
        `SELECT count(*)::int AS n FROM deliveries WHERE id = ANY($1) AND status = 'cancelled'
            AND completed_at IS NOT NULL AND locked_by IS NULL AND locked_until IS NULL`,
        [[viaApi, leased, paused]],
      );
      expect(rows[0].n).toBe(3);
      expect((await carol.get(`/v1/deliveries/${leased}`)).body).toMatchObject({
        status: 'cancelled',
        paused: false,
      });
      expect(
        (await carol.post('/v1/deliveries/cancel', { webhook_id: target.id, status: 'pending' })).body,
      ).toEqual({ cancelled: 0 });
    });

    it('cancels by created_at range [since, until), across webhooks, in batches', async () => {
      const first = await createWebhook(carol, { element: 'event', trigger: 'create' });
      const second = await createWebhook(carol, { element: 'event', trigger: 'update' });
      await insertPending(carol, first.id, 2, '2025-06-01T00:00:00Z');
      const inRange = await insertPending(carol, first.id, 6_000, '2025-06-02T00:00:00Z');
      // ties on created_at across a batch boundary: the batches go on by id
      await insertPending(carol, second.id, 5_000, '2025-06-02T12:00:00Z', 0);
      await insertPending(carol, second.id, 2, '2025-06-03T00:00:00Z');

      const response = await carol.post('/v1/deliveries/cancel', {
        status: 'pending',
        since: '2025-06-02T00:00:00Z',
        until: '2025-06-03T00:00:00Z',
      });
      expect(response.body).toEqual({ cancelled: 11_000 });
      expect(await countByStatus(first.id)).toEqual({ pending: 2, cancelled: 6_000 });
      expect(await countByStatus(second.id)).toEqual({ pending: 2, cancelled: 5_000 });
      expect(await statusOf(inRange[0]!)).toBe('cancelled');

      // no range: everything pending up to now; the other account's jobs stay
      const rest = await carol.post('/v1/deliveries/cancel', { status: 'pending' });
      expect(rest.body.cancelled).toBeGreaterThanOrEqual(5);
      expect(
        (
          await app.db.query(
            `SELECT count(*)::int AS n FROM deliveries WHERE account_id = $1 AND status = 'pending'`,
            [carol.accountId],
          )
        ).rows[0].n,
      ).toBe(0);
      expect(
        (
          await app.db.query(
            `SELECT count(*)::int AS n FROM deliveries WHERE account_id = $1 AND status = 'pending'`,
            [dan.accountId],
          )
        ).rows[0].n,
      ).toBe(3);
    });

    it('refuses a bad body with 400 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'status'],
        [{ status: 'dead' }, 'status'],
        [{ status: ['pending'] }, 'status'],
        [{ status: 'pending', webhook_id: 'nope' }, 'webhook_id'],
        [{ status: 'pending', since: 'last week' }, 'since'],
        [{ status: 'pending', until: '2026-01-01' }, 'until'],
        [{ status: 'pending', since: '2026-01-02T00:00:00Z', until: '2026-01-01T00:00:00Z' }, 'until'],
        [{ status: 'pending', colour: 'red' }, 'colour'],
      ];
      for (const [body, field] of cases) {
        const response = await carol.post('/v1/deliveries/cancel', body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(
          response.body.errors.map((e: { field: string }) => e.field),
          JSON.stringify(body),
        ).toContain(field);
      }
    });

    it("answers 404 for another account's (or an unknown) webhook and cancels nothing", async () => {
      const carols = await createWebhook(carol, { element: 'rsvp', trigger: 'create' });
      await insertPending(carol, carols.id, 2, '2026-01-01T00:00:00Z');
      for (const webhookId of [carols.id, randomUUID()]) {
        const response = await dan.post('/v1/deliveries/cancel', {
          webhook_id: webhookId,
          status: 'pending',
        });
        expect(response.status).toBe(404);
        expect(response.body.detail).toBe('webhook not found');
      }
      expect(await countByStatus(carols.id)).toEqual({ pending: 2 });
    });
  });

  describe('POST /v1/webhooks/:id/test', () => {
    let erin: Caller;
    let frank: Caller;

    beforeAll(async () => {
      erin = await app.createCaller('erin');
      frank = await app.createCaller('frank');
    });

    const snapshotOf = async (deliveryId: string) =>
      (
        await app.db.query(
          `SELECT s.element, s.element_id, s.trigger, s.data FROM deliveries d
             JOIN element_snapshots s ON s.id = d.snapshot_id WHERE d.id = $1`,
          [deliveryId],
        )
      ).rows[0];

    /**
     * Plays the relay for the webhook's next test delivery: waits for the job, then records its first
     * attempt and the transition in one statement, as the relay does.
     */
    const relayAnswers = (
      webhookId: string,
      attempt: { status: number | null; body: string | null; outcome: string; next: string; error?: string },
    ) =>
      waitUntil(
        async () => {
          const { rows } = await app.db.query(
            `WITH job AS (
                 UPDATE deliveries SET attempts = 1, status = $2, last_status_code = $3,
                        completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
                  WHERE webhook_id = $1 AND attempts = 0 AND status = 'pending'
                  RETURNING id, account_id
               )
               INSERT INTO delivery_attempts (account_id, delivery_id, attempt, request, response_status,
                                              response_headers, response_body, duration_ms, error, outcome)
               SELECT account_id, id, 1, '{}', $3, CASE WHEN $3::int IS NULL THEN NULL ELSE '{"x-receiver":"yes"}'::jsonb END,
                      $4, 12, $5, $6 FROM job
               RETURNING delivery_id`,
            [webhookId, attempt.next, attempt.status, attempt.body, attempt.error ?? null, attempt.outcome],
          );
          return rows[0]?.delivery_id as string | undefined;
        },
        { timeoutMs: 2_000, describe: 'the test delivery to be queued' },
      );

    it('reads the wait from HOOKRELAY_TEST_DELIVERY_WAIT: a duration, 20 s by default, at most 5 min', () => {
      const env = {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
        HOOKRELAY_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
      };
      expect(loadConfig(env).testDeliveryWaitMs).toBe(20_000);
      expect(loadConfig({ ...env, HOOKRELAY_TEST_DELIVERY_WAIT: '15s' }).testDeliveryWaitMs).toBe(15_000);
      expect(loadConfig({ ...env, HOOKRELAY_TEST_DELIVERY_WAIT: '750' }).testDeliveryWaitMs).toBe(750);
      for (const bad of ['soon', '10m', '-1s']) {
        expect(() => loadConfig({ ...env, HOOKRELAY_TEST_DELIVERY_WAIT: bad }), bad).toThrow(ConfigError);
      }
    });

    it('answers 202 with the queued delivery when no relay attempts it within the wait', async () => {
      const hook = await createWebhook(erin, { element: 'group', trigger: 'create' });
      const started = Date.now();
      // no body at all: the body is optional
      const response = await erin.request('POST', `/v1/webhooks/${hook.id}/test`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(TEST_WAIT_MS - 50);
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ delivery_id: expect.any(String), status: 'pending', attempt: null });
      const listed = await erin.get(`/v1/deliveries?webhook_id=${hook.id}`);
      expect(ids(listed)).toEqual([response.body.delivery_id]);
      // sample data carries the catalog's example id, the same for every test
      const sample = sampleElement('group');
      expect(await snapshotOf(response.body.delivery_id)).toMatchObject({
        element_id: sample.id,
        trigger: 'create',
        data: sample,
      });
    });

    it("answers 200 with the relay's first attempt, the element's current data queued", async () => {
      const hook = await createWebhook(erin, { element: 'group', trigger: 'update' });
      const group = (await erin.post('/v1/groups', { name: 'before' })).body;
      await erin.patch(`/v1/groups/${group.id}`, { name: 'now' });
      // the rename's own job is not the one the stand-in relay should answer
      await app.db.query(`UPDATE deliveries SET status = 'delivered' WHERE webhook_id = $1`, [hook.id]);
      const [response, deliveryId] = await Promise.all([
        erin.post(`/v1/webhooks/${hook.id}/test`, { element_id: group.id }),
        relayAnswers(hook.id, { status: 200, body: '{"ok":true}', outcome: 'delivered', next: 'delivered' }),
      ]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        delivery_id: deliveryId,
        status: 'delivered',
        attempt: {
          response_status: 200,
          response_headers: { 'x-receiver': 'yes' },
          response_body: '{"ok":true}',
          duration_ms: 12,
          error: null,
          outcome: 'delivered',
        },
      });
      expect(await snapshotOf(deliveryId)).toMatchObject({
        element: 'group',
        element_id: group.id,
        trigger: 'update',
        data: { id: group.id, name: 'now' },
      });
    });

    it('answers 200 with a failed attempt that will be retried, and with no attempt once cancelled', async () => {
      const hook = await createWebhook(erin, { element: 'event', trigger: 'create' });
      const [failed] = await Promise.all([
        erin.post(`/v1/webhooks/${hook.id}/test`),
        relayAnswers(hook.id, {
          status: null,
          body: null,
          outcome: 'retry',
          next: 'pending',
          error: 'timeout',
        }),
      ]);
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({
        status: 'pending',
        attempt: { response_status: null, response_body: null, error: 'timeout', outcome: 'retry' },
      });
      expect(failed.body.attempt).not.toHaveProperty('response_headers');

      const cancelling = waitUntil(
        async () =>
          (
            await app.db.query(
              `SELECT id FROM deliveries WHERE webhook_id = $1 AND status = 'pending' AND attempts = 0`,
              [hook.id],
            )
          ).rows[0]?.id as string | undefined,
        { timeoutMs: 2_000, describe: 'the test delivery to be queued' },
      ).then((id) => erin.post(`/v1/deliveries/${id}/cancel`));
      const [cancelled] = await Promise.all([erin.post(`/v1/webhooks/${hook.id}/test`), cancelling]);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', attempt: null });
    });

    it('sends {id} only for a delete webhook given an element_id', async () => {
      const hook = await createWebhook(erin, { element: 'rsvp', trigger: 'delete', method: 'DELETE' });
      const gone = randomUUID();
      const [response, deliveryId] = await Promise.all([
        erin.post(`/v1/webhooks/${hook.id}/test`, { element_id: gone }),
        relayAnswers(hook.id, { status: 204, body: '', outcome: 'delivered', next: 'delivered' }),
      ]);
      expect(response.status).toBe(200);
      expect(await snapshotOf(deliveryId)).toEqual({
        element: 'rsvp',
        element_id: gone,
        trigger: 'delete',
        data: { id: gone },
      });
    });

    it("answers 404 naming the element type for an unknown or another account's element, and queues nothing", async () => {
      const hook = await createWebhook(erin, { element: 'event', trigger: 'update' });
      const franksEvent = (await frank.post('/v1/events', { title: 'mine' })).body;
      for (const elementId of [randomUUID(), franksEvent.id]) {
        const response = await erin.post(`/v1/webhooks/${hook.id}/test`, { element_id: elementId });
        expect(response.status).toBe(404);
        expect(response.body.detail).toBe('event not found');
      }
      expect(ids(await erin.get(`/v1/deliveries?webhook_id=${hook.id}`))).toEqual([]);
    });

    it('refuses a malformed element_id (400), a disabled webhook (409) and another account (404)', async () => {
      const hook = await createWebhook(erin, { element: 'group', trigger: 'create' });
      const malformed = await erin.post(`/v1/webhooks/${hook.id}/test`, { element_id: 'abc' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('element_id');
      expect((await frank.post(`/v1/webhooks/${hook.id}/test`)).status).toBe(404);
      await erin.patch(`/v1/webhooks/${hook.id}`, { status: 'disabled' });
      expect((await erin.post(`/v1/webhooks/${hook.id}/test`)).status).toBe(409);
      expect(ids(await erin.get(`/v1/deliveries?webhook_id=${hook.id}`))).toEqual([]);
    });
  });
});
