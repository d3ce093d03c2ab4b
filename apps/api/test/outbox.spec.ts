import { describe, expect, it } from 'vitest';
import { type Caller } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** Outbox: element, snapshot and one job per matching active webhook commit together or not at all. */
describe('transactional outbox', () => {
  const { app, alice, bob } = useTestApp({
    config: { allowPrivateTargets: true },
    callers: ['alice', 'bob'],
  });

  const webhook = (caller: Caller, fields: Record<string, unknown>) =>
    caller.post('/v1/webhooks', { name: 'w', method: 'POST', url: 'http://127.0.0.1:9/hook', ...fields });

  const jobsFor = async (webhookId: string) =>
    (
      await app.db.query(
        `SELECT d.status, s.element, s.element_id, s.trigger, s.data
           FROM deliveries d JOIN element_snapshots s ON s.id = d.snapshot_id
          WHERE d.webhook_id = $1 ORDER BY d.created_at, d.id`,
        [webhookId],
      )
    ).rows;

  it('writes one job per matching active webhook, with a snapshot of the element after the change', async () => {
    const onCreate = (await webhook(alice, { element: 'group', trigger: 'create' })).body;
    const onCreate2 = (await webhook(alice, { element: 'group', trigger: 'create' })).body;
    const onUpdate = (await webhook(alice, { element: 'group', trigger: 'update' })).body;
    const onDelete = (await webhook(alice, { element: 'group', trigger: 'delete' })).body;
    const disabled = (await webhook(alice, { element: 'group', trigger: 'create', status: 'disabled' })).body;
    const otherElement = (await webhook(alice, { element: 'event', trigger: 'create' })).body;
    const otherAccount = (await webhook(bob, { element: 'group', trigger: 'create' })).body;

    const group = (await alice.post('/v1/groups', { name: 'before' })).body;
    await alice.patch(`/v1/groups/${group.id}`, { name: 'after' });
    await alice.delete(`/v1/groups/${group.id}`);

    expect(await jobsFor(onCreate.id)).toEqual([
      { status: 'pending', element: 'group', element_id: group.id, trigger: 'create', data: group },
    ]);
    expect(await jobsFor(onCreate2.id)).toHaveLength(1);
    const [updateJob] = await jobsFor(onUpdate.id);
    expect(updateJob.data).toMatchObject({ id: group.id, name: 'after' });
    expect(await jobsFor(onDelete.id)).toEqual([
      {
        status: 'pending',
        element: 'group',
        element_id: group.id,
        trigger: 'delete',
        data: { id: group.id },
      },
    ]);
    expect(await jobsFor(disabled.id)).toEqual([]);
    expect(await jobsFor(otherElement.id)).toEqual([]);
    expect(await jobsFor(otherAccount.id)).toEqual([]);
  });

  it('writes no snapshot for a change that no active webhook matches', async () => {
    const carol = await app.createCaller('carol');
    const snapshots = async () =>
      (
        await app.db.query(
          'SELECT element, trigger FROM element_snapshots WHERE account_id = $1 ORDER BY created_at, id',
          [carol.accountId],
        )
      ).rows;
    const deliveries = async () =>
      (
        await app.db.query('SELECT count(*)::int AS n FROM deliveries WHERE account_id = $1', [
          carol.accountId,
        ])
      ).rows[0].n;
    await webhook(carol, { element: 'group', trigger: 'create', status: 'disabled' });

    const group = (await carol.post('/v1/groups', { name: 'g' })).body;
    await carol.patch(`/v1/groups/${group.id}`, { name: 'g2' });
    const event = (await carol.post('/v1/events', { title: 'E', group_id: group.id })).body;
    await carol.post(`/v1/events/${event.id}/rsvps`, { email: 'a@example.com', name: 'A' });
    await carol.delete(`/v1/groups/${group.id}`); // cascades an event update
    await carol.delete(`/v1/events/${event.id}`); // cascades an rsvp delete
    expect(await snapshots()).toEqual([]);
    expect(await deliveries()).toBe(0);

    await webhook(carol, { element: 'group', trigger: 'create' });
    await webhook(carol, { element: 'rsvp', trigger: 'delete' });
    await carol.post('/v1/groups', { name: 'h' });
    const event2 = (await carol.post('/v1/events', { title: 'E2' })).body;
    await carol.post(`/v1/events/${event2.id}/rsvps`, { email: 'b@example.com', name: 'B' });
    await carol.delete(`/v1/events/${event2.id}`);
    expect(await snapshots()).toEqual([
      { element: 'group', trigger: 'create' },
      { element: 'rsvp', trigger: 'delete' },
    ]);
    expect(await deliveries()).toBe(2);
  });

  it('announces nothing for an empty or same-values PATCH, and answers the element as it is', async () => {
    const dave = await app.createCaller('dave');
    const updates = async () =>
      (
        await app.db.query(
          `SELECT s.element FROM deliveries d JOIN element_snapshots s ON s.id = d.snapshot_id
            WHERE d.account_id = $1 AND s.trigger = 'update' ORDER BY d.created_at, d.id`,
          [dave.accountId],
        )
      ).rows.map((r) => r.element);
    for (const element of ['group', 'event', 'rsvp']) await webhook(dave, { element, trigger: 'update' });
    const group = (await dave.post('/v1/groups', { name: 'G', description: 'd' })).body;
    const dates = [
      { name: 'Day 1', start: '2026-05-01T18:00:00.000Z', time_zone: 'Europe/Berlin', location: 'Hall' },
    ];
    const event = (
      await dave.post('/v1/events', { title: 'E', group_id: group.id, dates, url: 'https://example.com/e' })
    ).body;
    const rsvp = (
      await dave.post(`/v1/events/${event.id}/rsvps`, {
        email: 'a@example.com',
        name: 'A',
        seats: 2,
        fields: { diet: 'veg', age: 40 },
      })
    ).body;

    const noChanges: [string, unknown, unknown][] = [
      [`/v1/groups/${group.id}`, {}, group],
      [`/v1/groups/${group.id}`, { name: 'G', description: 'd' }, group],
      [`/v1/events/${event.id}`, {}, event],
      [
        `/v1/events/${event.id}`,
        { title: 'E', group_id: group.id, dates, url: event.url, status: event.status },
        event,
      ],
      [`/v1/rsvps/${rsvp.id}`, {}, rsvp],
      [`/v1/rsvps/${rsvp.id}`, { seats: 2, name: 'A', fields: { age: 40, diet: 'veg' } }, rsvp],
    ];
    for (const [path, patch, element] of noChanges) {
      const answer = await dave.patch(path, patch);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(element); // updated_at included: unchanged
      expect((await dave.get(path)).body).toEqual(element);
    }
    expect(await updates()).toEqual([]);
    const snapshots = await app.db.query(
      `SELECT 1 FROM element_snapshots WHERE account_id = $1 AND trigger = 'update'`,
      [dave.accountId],
    );
    expect(snapshots.rowCount).toBe(0);

    await dave.patch(`/v1/groups/${group.id}`, { name: 'G2' });
    await dave.patch(`/v1/events/${event.id}`, { title: 'E2' });
    await dave.patch(`/v1/rsvps/${rsvp.id}`, { fields: { diet: 'vegan', age: 40 } });
    expect(await updates()).toEqual(['group', 'event', 'rsvp']);
  });

  it('snapshots RSVPs and events as they were at the change, not as they are later', async () => {
    const hook = (await webhook(alice, { element: 'rsvp', trigger: 'update' })).body;
    const event = (await alice.post('/v1/events', { title: 'E' })).body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'a@example.com', name: 'A' }))
      .body;
    await alice.patch(`/v1/rsvps/${rsvp.id}`, { seats: 3 });
    await alice.patch(`/v1/rsvps/${rsvp.id}`, { seats: 5 });
    const jobs = await jobsFor(hook.id);
    expect(jobs.map((j) => j.data.seats)).toEqual([3, 5]);
  });

  it('rolls the element change back when the job insert fails', async () => {
    const hook = (await webhook(alice, { element: 'group', trigger: 'create' })).body;
    await app.db.query(`
      CREATE FUNCTION test_refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'job insert refused by test'; END $$;
      CREATE TRIGGER test_refuse_jobs BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION test_refuse_jobs();
    `);
    try {
      const response = await alice.post('/v1/groups', { name: 'doomed-by-job' });
      expect(response.status).toBe(500);
      expect(response.body).toMatchObject({ status: 500, title: 'Internal Server Error' });
      expect(JSON.stringify(response.body)).not.toContain('refused by test');
    } finally {
      await app.db.query('DROP TRIGGER test_refuse_jobs ON deliveries; DROP FUNCTION test_refuse_jobs();');
    }
    const groups = await app.db.query(`SELECT 1 FROM groups WHERE name = 'doomed-by-job'`);
    expect(groups.rowCount).toBe(0);
    const snapshots = await app.db.query(
      `SELECT 1 FROM element_snapshots WHERE data->>'name' = 'doomed-by-job'`,
    );
    expect(snapshots.rowCount).toBe(0);
    expect(await jobsFor(hook.id)).toEqual([]);
  });

  it('leaves no job behind when the element write is rolled back at commit', async () => {
    const hook = (await webhook(alice, { element: 'group', trigger: 'create' })).body;
    // A deferred constraint trigger fails the transaction at COMMIT, after element, snapshot and jobs were written.
    await app.db.query(`
      CREATE FUNCTION test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'element refused at commit by test'; END $$;
      CREATE CONSTRAINT TRIGGER test_fail_commit AFTER INSERT ON groups DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.name = 'doomed-at-commit') EXECUTE FUNCTION test_fail_commit();
    `);
    try {
      expect((await alice.post('/v1/groups', { name: 'doomed-at-commit' })).status).toBe(500);
      expect((await alice.post('/v1/groups', { name: 'fine' })).status).toBe(201);
    } finally {
      await app.db.query('DROP TRIGGER test_fail_commit ON groups; DROP FUNCTION test_fail_commit();');
    }
    const jobs = await jobsFor(hook.id);
    expect(jobs.map((j) => j.data.name)).toEqual(['fine']);
    const snapshots = await app.db.query(
      `SELECT 1 FROM element_snapshots WHERE data->>'name' = 'doomed-at-commit'`,
    );
    expect(snapshots.rowCount).toBe(0);
  });

  it('inserts all jobs of one change with one statement, whatever the number of webhooks', async () => {
    const caller = await app.createCaller('many');
    for (let i = 0; i < 12; i++) await webhook(caller, { element: 'group', trigger: 'create' });
    // Count INSERT statements on deliveries with a statement-level trigger.
    await app.db.query(`
      CREATE TABLE test_statement_count (n int);
      CREATE FUNCTION test_count_statements() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_statement_count VALUES (1); RETURN NULL; END $$;
      CREATE TRIGGER test_count_statements AFTER INSERT ON deliveries FOR EACH STATEMENT
        EXECUTE FUNCTION test_count_statements();
    `);
    try {
      await caller.post('/v1/groups', { name: 'fan-out' });
      const statements = await app.db.query('SELECT count(*)::int AS n FROM test_statement_count');
      expect(statements.rows[0].n).toBe(1);
      const jobs = await app.db.query('SELECT count(*)::int AS n FROM deliveries WHERE account_id = $1', [
        caller.accountId,
      ]);
      expect(jobs.rows[0].n).toBe(12);
    } finally {
      await app.db.query(
        'DROP TRIGGER test_count_statements ON deliveries; DROP FUNCTION test_count_statements(); DROP TABLE test_statement_count;',
      );
    }
  });

  it('wakes relays: committed jobs NOTIFY hookrelay_deliveries', async () => {
    await webhook(alice, { element: 'event', trigger: 'update' });
    const { Client } = await import('pg');
    const listener = new Client({ connectionString: app.config.databaseUrl });
    await listener.connect();
    try {
      const notified = new Promise<string>((resolve) =>
        listener.on('notification', (n) => resolve(n.channel)),
      );
      await listener.query('LISTEN hookrelay_deliveries');
      const event = (await alice.post('/v1/events', { title: 'E' })).body;
      await alice.patch(`/v1/events/${event.id}`, { title: 'E2' });
      expect(await notified).toBe('hookrelay_deliveries');
    } finally {
      await listener.end();
    }
  });

  it('counts committed jobs in /metrics', async () => {
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    const line = metrics
      .split('\n')
      .find((l) =>
        l.startsWith('hookrelay_api_outbox_jobs_inserted_total{element="group",trigger="create"}'),
      );
    expect(Number(line?.split(' ').pop())).toBeGreaterThan(0);
  });
});
