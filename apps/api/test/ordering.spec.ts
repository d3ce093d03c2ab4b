import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_URL } from './support/test-app';
import { useTestApp } from './support/use-test-app';

interface Delivery {
  id: string;
  webhook_id: string;
  status: string;
  waiting_for: string | null;
}

/**
 * Per-element ordering as the API writes it: no relay runs here, so each change's jobs stay pending and
 * the queue of each element can be read through the deliveries API.
 */
describe('per-element ordering', () => {
  const { app, alice } = useTestApp({ callers: ['alice'] });
  const mirror: Record<'create' | 'update' | 'delete', string> = { create: '', update: '', delete: '' };

  const webhook = (trigger: string, extra: Record<string, unknown> = {}) =>
    alice.post('/v1/webhooks', {
      name: `mirror ${trigger}`,
      element: 'group',
      trigger,
      method: 'POST',
      url: `${PUBLIC_URL}/groups/{{id}}`,
      ordering: 'per_element',
      ...extra,
    });

  /**
   * The element's deliveries as the deliveries API lists them, in queue order: jobs written in one
   * transaction share their created_at, so the order comes from the queue's own sequence.
   */
  const queueOf = async (groupId: string): Promise<Delivery[]> => {
    const res = await alice.get(`/v1/deliveries?element=group&element_id=${groupId}&limit=50`);
    expect(res.status).toBe(200);
    const items = res.body.items as Delivery[];
    const { rows } = await app.db.query('SELECT id FROM deliveries WHERE id = ANY($1) ORDER BY seq', [
      items.map((d) => d.id),
    ]);
    return rows.map((row: { id: string }) => items.find((d) => d.id === row.id) as Delivery);
  };

  /** A group created, renamed and deleted: one job for each of the three mirror webhooks. */
  const liveAndDie = async (): Promise<string> => {
    const group = (await alice.post('/v1/groups', { name: 'v0' })).body;
    expect((await alice.patch(`/v1/groups/${group.id}`, { name: 'v1' })).status).toBe(200);
    expect((await alice.delete(`/v1/groups/${group.id}`)).status).toBe(204);
    return group.id;
  };

  beforeAll(async () => {
    for (const trigger of ['create', 'update', 'delete'] as const) {
      const res = await webhook(trigger);
      expect(res.status).toBe(201);
      expect(res.body.ordering).toBe('per_element');
      mirror[trigger] = res.body.id;
    }
  });
  beforeEach(async () => {
    await app.db.query('DELETE FROM deliveries');
  });

  it('defaults to none and refuses anything but none and per_element, naming the field', async () => {
    const plain = await alice.post('/v1/webhooks', {
      name: 'plain',
      element: 'event',
      trigger: 'create',
      method: 'POST',
      url: PUBLIC_URL,
    });
    expect(plain.body.ordering).toBe('none');
    const bad = await webhook('create', { ordering: 'fifo' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/ordering/);
    const badPatch = await alice.patch(`/v1/webhooks/${plain.body.id}`, { ordering: 'strict' });
    expect(badPatch.status).toBe(400);
    expect((await alice.get(`/v1/webhooks/${plain.body.id}`)).body.ordering).toBe('none');
    await alice.delete(`/v1/webhooks/${plain.body.id}`);
  });

  it("queues an element's jobs across the mirror's webhooks in commit order; each says what it waits for", async () => {
    const first = await liveAndDie();
    const other = await liveAndDie();
    const [create, update, del] = await queueOf(first);
    expect([create?.webhook_id, update?.webhook_id, del?.webhook_id]).toEqual([
      mirror.create,
      mirror.update,
      mirror.delete,
    ]);
    expect(create?.waiting_for).toBeNull();
    expect(update?.waiting_for).toBe(create?.id);
    expect(del?.waiting_for).toBe(update?.id);
    // another element has its own queue: its first job waits for nothing
    expect((await queueOf(other))[0]?.waiting_for).toBeNull();
  });

  it('a cancelled job lets the next one of its element go', async () => {
    const group = await liveAndDie();
    const [create, update, del] = await queueOf(group);
    expect((await alice.post(`/v1/deliveries/${create?.id}/cancel`)).status).toBe(200);
    const after = await queueOf(group);
    expect(after.find((d) => d.id === update?.id)?.waiting_for).toBeNull();
    expect(after.find((d) => d.id === del?.id)?.waiting_for).toBe(update?.id);
    const { rows } = await app.db.query('SELECT held FROM deliveries WHERE id = $1', [update?.id]);
    expect(rows[0].held).toBe(false);
  });

  it("a deleted webhook's jobs leave the queue, and the element's next job goes", async () => {
    // only the extra webhook fires on create meanwhile: its job heads the element's queue
    await alice.patch(`/v1/webhooks/${mirror.create}`, { status: 'disabled' });
    const extra = (await webhook('create')).body;
    const group = (await alice.post('/v1/groups', { name: 'v0' })).body;
    await alice.patch(`/v1/webhooks/${mirror.create}`, { status: 'active' });
    await alice.patch(`/v1/groups/${group.id}`, { name: 'v1' });
    const [head, update] = await queueOf(group.id);
    expect([head?.webhook_id, update?.webhook_id]).toEqual([extra.id, mirror.update]);
    expect(update?.waiting_for).toBe(head?.id);

    expect((await alice.delete(`/v1/webhooks/${extra.id}`)).status).toBe(204);
    expect(await queueOf(group.id)).toEqual([expect.objectContaining({ id: update?.id, waiting_for: null })]);
    const { rows } = await app.db.query('SELECT held FROM deliveries WHERE id = $1', [update?.id]);
    expect(rows[0].held).toBe(false);
  });

  it('a replay queues behind the pending jobs of each element and keeps their relative order', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const group = (await alice.post('/v1/groups', { name: 'v0' })).body;
    await alice.patch(`/v1/groups/${group.id}`, { name: 'v1' });
    await alice.patch(`/v1/groups/${group.id}`, { name: 'v2' });
    const [, firstUpdate, secondUpdate] = await queueOf(group.id);
    // the relay delivered all three; then the element is deleted, and that job waits in the queue
    await app.db.query(
      `UPDATE deliveries SET status = 'delivered', completed_at = now(), attempts = 1, held = false
        WHERE ordering_key IS NOT NULL`,
    );
    await alice.delete(`/v1/groups/${group.id}`);
    const [deleteJob] = (await queueOf(group.id)).filter((d) => d.status === 'pending');

    const replay = await alice.post(`/v1/webhooks/${mirror.update}/replay`, { since });
    expect(replay.status).toBe(202);
    expect(replay.body.replayed).toBe(2);
    const pending = (await queueOf(group.id)).filter((d) => d.status === 'pending');
    expect(pending.map((d) => d.webhook_id)).toEqual([mirror.delete, mirror.update, mirror.update]);
    const [, replayedFirst, replayedSecond] = pending;
    expect(replayedFirst?.waiting_for).toBe(deleteJob?.id);
    expect(replayedSecond?.waiting_for).toBe(replayedFirst?.id);
    const snapshotOf = async (id: string | undefined) =>
      (await app.db.query('SELECT snapshot_id FROM deliveries WHERE id = $1', [id])).rows[0].snapshot_id;
    expect(await snapshotOf(replayedFirst?.id)).toBe(await snapshotOf(firstUpdate?.id));
    expect(await snapshotOf(replayedSecond?.id)).toBe(await snapshotOf(secondUpdate?.id));
  });

  it('switching ordering off with a backlog: new jobs go at once, the queued ones still go one by one', async () => {
    const group = (await alice.post('/v1/groups', { name: 'v0' })).body;
    await alice.patch(`/v1/groups/${group.id}`, { name: 'v1' });
    expect((await alice.patch(`/v1/webhooks/${mirror.update}`, { ordering: 'none' })).body.ordering).toBe(
      'none',
    );
    try {
      await alice.patch(`/v1/groups/${group.id}`, { name: 'v2' });
      const [create, queuedUpdate, freeUpdate] = await queueOf(group.id);
      expect(queuedUpdate?.waiting_for).toBe(create?.id);
      expect(freeUpdate?.webhook_id).toBe(mirror.update);
      expect(freeUpdate?.waiting_for).toBeNull();
      const { rows } = await app.db.query('SELECT ordering_key, held FROM deliveries WHERE id = $1', [
        freeUpdate?.id,
      ]);
      expect(rows[0]).toEqual({ ordering_key: null, held: false });
    } finally {
      await alice.patch(`/v1/webhooks/${mirror.update}`, { ordering: 'per_element' });
    }
  });
});
