import { describe, expect, it } from 'vitest';
import { type Caller } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** Changes the database makes on its own (FK cascades) are announced like any other change. */
describe('cascaded changes produce their webhooks', () => {
  const { app, alice, bob } = useTestApp({
    config: { allowPrivateTargets: true },
    callers: ['alice', 'bob'],
  });

  const webhook = async (caller: Caller, element: string, trigger: string): Promise<string> =>
    (
      await caller.post('/v1/webhooks', {
        name: 'w',
        method: 'POST',
        url: 'http://127.0.0.1:9/hook',
        element,
        trigger,
      })
    ).body.id;

  const jobsFor = async (webhookId: string) =>
    (
      await app.db.query(
        `SELECT s.element, s.element_id, s.trigger, s.data
           FROM deliveries d JOIN element_snapshots s ON s.id = d.snapshot_id
          WHERE d.webhook_id = $1 ORDER BY s.element_id`,
        [webhookId],
      )
    ).rows;

  const countStatements = async (
    run: () => Promise<void>,
  ): Promise<{ deliveries: number; snapshots: number }> => {
    await app.db.query(`
      CREATE TABLE test_statements (tbl text);
      CREATE FUNCTION test_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_statements VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
      CREATE TRIGGER test_count_d AFTER INSERT ON deliveries FOR EACH STATEMENT EXECUTE FUNCTION test_count();
      CREATE TRIGGER test_count_s AFTER INSERT ON element_snapshots FOR EACH STATEMENT EXECUTE FUNCTION test_count();
    `);
    try {
      await run();
      const { rows } = await app.db.query(`SELECT tbl, count(*)::int AS n FROM test_statements GROUP BY tbl`);
      const n = (tbl: string) => rows.find((r) => r.tbl === tbl)?.n ?? 0;
      return { deliveries: n('deliveries'), snapshots: n('element_snapshots') };
    } finally {
      await app.db.query(`
        DROP TRIGGER test_count_d ON deliveries; DROP TRIGGER test_count_s ON element_snapshots;
        DROP FUNCTION test_count(); DROP TABLE test_statements;
      `);
    }
  };

  it('deleting an event announces the delete of each of its RSVPs, batched in one statement', async () => {
    const onRsvpDelete = await webhook(alice, 'rsvp', 'delete');
    const onRsvpDelete2 = await webhook(alice, 'rsvp', 'delete');
    const onEventDelete = await webhook(alice, 'event', 'delete');
    const bobsHook = await webhook(bob, 'rsvp', 'delete');
    const event = (await alice.post('/v1/events', { title: 'E' })).body;
    const other = (await alice.post('/v1/events', { title: 'other' })).body;
    const rsvps = [];
    for (let i = 0; i < 5; i++) {
      rsvps.push(
        (await alice.post(`/v1/events/${event.id}/rsvps`, { email: `g${i}@example.com`, name: `G${i}` }))
          .body,
      );
    }
    const untouched = (
      await alice.post(`/v1/events/${other.id}/rsvps`, { email: 'o@example.com', name: 'O' })
    ).body;

    const statements = await countStatements(async () => {
      expect((await alice.delete(`/v1/events/${event.id}`)).status).toBe(204);
    });
    // One statement for all RSVP snapshots and jobs, one for the event's: not one per RSVP.
    expect(statements).toEqual({ deliveries: 2, snapshots: 2 });

    const expected = rsvps
      .map((r) => ({ element: 'rsvp', element_id: r.id, trigger: 'delete', data: { id: r.id } }))
      .sort((a, b) => a.element_id.localeCompare(b.element_id));
    expect(await jobsFor(onRsvpDelete)).toEqual(expected);
    expect(await jobsFor(onRsvpDelete2)).toEqual(expected);
    expect(await jobsFor(onEventDelete)).toEqual([
      { element: 'event', element_id: event.id, trigger: 'delete', data: { id: event.id } },
    ]);
    expect(await jobsFor(bobsHook)).toEqual([]);
    for (const r of rsvps) expect((await alice.get(`/v1/rsvps/${r.id}`)).status).toBe(404);
    expect((await alice.get(`/v1/rsvps/${untouched.id}`)).status).toBe(200);
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/hookrelay_api_outbox_jobs_inserted_total\{element="rsvp",trigger="delete"\} 10/);
  });

  it('deleting a group announces each of its events as updated, with the event as it is afterwards', async () => {
    const onEventUpdate = await webhook(alice, 'event', 'update');
    const group = (await alice.post('/v1/groups', { name: 'G' })).body;
    const otherGroup = (await alice.post('/v1/groups', { name: 'other' })).body;
    const a = (await alice.post('/v1/events', { title: 'A', group_id: group.id })).body;
    const b = (
      await alice.post('/v1/events', {
        title: 'B',
        group_id: group.id,
        dates: [{ start: '2026-03-14T18:00:00Z', time_zone: 'Europe/Berlin' }],
      })
    ).body;
    const stays = (await alice.post('/v1/events', { title: 'C', group_id: otherGroup.id })).body;

    expect((await alice.delete(`/v1/groups/${group.id}`)).status).toBe(204);

    const jobs = await jobsFor(onEventUpdate);
    expect(jobs.map((j) => j.element_id).sort()).toEqual([a.id, b.id].sort());
    for (const before of [a, b]) {
      const now = (await alice.get(`/v1/events/${before.id}`)).body;
      expect(now).toMatchObject({ ...before, group_id: null, updated_at: expect.any(String) });
      expect(Date.parse(now.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
      expect(jobs.find((j) => j.element_id === before.id)).toEqual({
        element: 'event',
        element_id: before.id,
        trigger: 'update',
        data: { ...now, group: null, previous: before, changed_fields: ['group_id'] },
      });
    }
    expect((await alice.get(`/v1/events/${stays.id}`)).body.group_id).toBe(otherGroup.id);
  });

  it('rolls the whole delete back (event and RSVPs stay) when the cascaded jobs cannot be written', async () => {
    await webhook(alice, 'rsvp', 'delete');
    const event = (await alice.post('/v1/events', { title: 'kept' })).body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'k@example.com', name: 'K' }))
      .body;
    await app.db.query(`
      CREATE FUNCTION test_refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'job insert refused by test'; END $$;
      CREATE TRIGGER test_refuse_jobs BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION test_refuse_jobs();
    `);
    try {
      expect((await alice.delete(`/v1/events/${event.id}`)).status).toBe(500);
    } finally {
      await app.db.query('DROP TRIGGER test_refuse_jobs ON deliveries; DROP FUNCTION test_refuse_jobs();');
    }
    expect((await alice.get(`/v1/events/${event.id}`)).status).toBe(200);
    expect((await alice.get(`/v1/rsvps/${rsvp.id}`)).status).toBe(200);
  });

  it("keeps tenants apart: deleting another account's event or group is a 404 and announces nothing", async () => {
    const hook = await webhook(alice, 'rsvp', 'delete');
    const event = (await alice.post('/v1/events', { title: 'mine' })).body;
    await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'm@example.com', name: 'M' });
    const before = (await jobsFor(hook)).length;
    expect((await bob.delete(`/v1/events/${event.id}`)).status).toBe(404);
    const group = (await alice.post('/v1/groups', { name: 'mine' })).body;
    expect((await bob.delete(`/v1/groups/${group.id}`)).status).toBe(404);
    expect(await jobsFor(hook)).toHaveLength(before);
  });
});
