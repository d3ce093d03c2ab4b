import { describe, expect, it } from 'vitest';
import { PUBLIC_URL, type Caller } from './support/test-app';
import { useTestApp } from './support/use-test-app';

describe('webhook stats in the webhooks list and page', () => {
  const { app, alice } = useTestApp({ callers: ['alice'] });

  const createWebhook = async (caller: Caller, name: string, element = 'group') =>
    (await caller.post('/v1/webhooks', { name, trigger: 'create', element, method: 'POST', url: PUBLIC_URL }))
      .body as { id: string };

  /** Deliveries of the webhook, oldest first. */
  const deliveriesOf = async (webhookId: string): Promise<string[]> =>
    (
      await app.db.query('SELECT id FROM deliveries WHERE webhook_id = $1 ORDER BY created_at, id', [
        webhookId,
      ])
    ).rows.map((r: { id: string }) => r.id);

  /** Puts a delivery at a known age and status (finished ones finished at their creation). */
  const setDelivery = (id: string, status: string, ageMinutes: number) =>
    app.db.query(
      `UPDATE deliveries
          SET status = $2,
              created_at = now() - make_interval(mins => $3),
              completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() - make_interval(mins => $3) END
        WHERE id = $1`,
      [id, status, ageMinutes],
    );

  it('counts the last 24 h and shows the newest delivery, for each webhook of the page', async () => {
    const mixed = await createWebhook(alice, 'mixed');
    const allGood = await createWebhook(alice, 'all good');
    const quiet = await createWebhook(alice, 'quiet', 'event');
    for (let i = 0; i < 8; i++) await alice.post('/v1/groups', { name: `group ${i}` });
    const [d1, d2, d3, d4, d5, d6, d7, d8] = await deliveriesOf(mixed.id);
    await setDelivery(d1!, 'delivered', 60);
    await setDelivery(d2!, 'delivered', 120);
    await setDelivery(d3!, 'delivered', 180);
    await setDelivery(d4!, 'dead', 240);
    await setDelivery(d5!, 'pending', 5);
    await setDelivery(d6!, 'cancelled', 360);
    await setDelivery(d7!, 'delivered', 30 * 60);
    await setDelivery(d8!, 'dead', 48 * 60);
    const good = await deliveriesOf(allGood.id);
    for (const [i, id] of good.entries()) await setDelivery(id, 'delivered', 10 + i);

    const list = await alice.get('/v1/webhooks');
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.items.map((w: { name: string }) => [w.name, w]));

    expect(byName.mixed.stats).toEqual({
      last_delivery: { id: d5, status: 'pending', at: expect.any(String) },
      deliveries_24h: 6,
      delivered_24h: 3,
      dead_24h: 1,
      success_rate_24h: 0.75,
    });
    const queuedAt = Date.parse(byName.mixed.stats.last_delivery.at);
    expect(Math.abs(Date.now() - 5 * 60_000 - queuedAt)).toBeLessThan(60_000);

    expect(byName['all good'].stats).toMatchObject({
      last_delivery: { id: good[0], status: 'delivered' },
      deliveries_24h: 8,
      delivered_24h: 8,
      dead_24h: 0,
      success_rate_24h: 1,
    });
    const deliveredAt = Date.parse(byName['all good'].stats.last_delivery.at);
    expect(Math.abs(Date.now() - 10 * 60_000 - deliveredAt)).toBeLessThan(60_000);

    expect(byName.quiet.stats).toEqual({
      last_delivery: null,
      deliveries_24h: 0,
      delivered_24h: 0,
      dead_24h: 0,
      success_rate_24h: null,
    });

    const one = await alice.get(`/v1/webhooks/${mixed.id}`);
    expect(one.status).toBe(200);
    expect(one.body.stats).toEqual(byName.mixed.stats);
    expect((await alice.get(`/v1/webhooks/${quiet.id}`)).body.stats.last_delivery).toBeNull();
  });

  it('counts only pending work as not finished: a rate is null while nothing has finished', async () => {
    const waiting = await createWebhook(alice, 'waiting');
    await alice.post('/v1/groups', { name: 'one more' });
    const [only] = await deliveriesOf(waiting.id);
    const stats = (await alice.get(`/v1/webhooks/${waiting.id}`)).body.stats;
    expect(stats).toMatchObject({
      last_delivery: { id: only, status: 'pending' },
      deliveries_24h: 1,
      delivered_24h: 0,
      dead_24h: 0,
      success_rate_24h: null,
    });
  });

  it("never counts another account's deliveries", async () => {
    const bob = await app.createCaller('bob');
    const bobs = await createWebhook(bob, 'bob hook');
    await bob.post('/v1/groups', { name: 'bob group' });
    expect((await bob.get(`/v1/webhooks/${bobs.id}`)).body.stats.deliveries_24h).toBe(1);
    const carol = await app.createCaller('carol');
    await createWebhook(carol, 'carol hook');
    const carols = (await carol.get('/v1/webhooks')).body.items;
    expect(carols.map((w: { stats: { deliveries_24h: number } }) => w.stats.deliveries_24h)).toEqual([0]);
    expect((await carol.get(`/v1/webhooks/${bobs.id}`)).status).toBe(404);
  });
});
