import { beforeAll, describe, expect, it } from 'vitest';
import { type AnyBody } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** Webhook filters: checked at save like templates, evaluated in the change's transaction. */
describe('webhook filters', () => {
  const { app, alice } = useTestApp({ config: { allowPrivateTargets: true }, callers: ['alice'] });
  let eventId: string;

  const webhook = async (fields: Record<string, unknown>) => {
    const response = await alice.post('/v1/webhooks', {
      name: 'filtered',
      method: 'POST',
      url: 'http://127.0.0.1:9/hook',
      element: 'rsvp',
      trigger: 'create',
      ...fields,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as AnyBody;
  };
  const jobsFor = async (webhookId: string): Promise<string[]> =>
    (
      await app.db.query<{ element_id: string }>(
        `SELECT s.element_id FROM deliveries d JOIN element_snapshots s ON s.id = d.snapshot_id
          WHERE d.webhook_id = $1 ORDER BY d.created_at, d.id`,
        [webhookId],
      )
    ).rows.map((r) => r.element_id);
  const rsvp = async (fields: Record<string, unknown>) =>
    (
      await alice.post(`/v1/events/${eventId}/rsvps`, {
        email: 'ada@example.com',
        name: 'Ada',
        ...fields,
      })
    ).body as AnyBody;

  beforeAll(async () => {
    const event = await alice.post('/v1/events', { title: 'Launch', status: 'published' });
    eventId = event.body.id;
  });

  it('stores the conditions and shows them on the webhook', async () => {
    const filter = [
      { field: 'status', op: 'in', value: ['yes', 'maybe'] },
      { field: 'seats', op: 'gte', value: 2 },
      { field: 'fields.company', op: 'exists' },
    ];
    const created = await webhook({ filter });
    expect(created.filter).toEqual(filter);
    expect((await alice.get(`/v1/webhooks/${created.id}`)).body.filter).toEqual(filter);
    const cleared = await alice.patch(`/v1/webhooks/${created.id}`, { filter: null });
    expect(cleared.body.filter).toEqual([]);
    expect((await webhook({})).filter).toEqual([]);
  });

  it('gives a job only to the changes that pass', async () => {
    const yesOnly = await webhook({ filter: [{ field: 'status', op: 'eq', value: 'yes' }] });
    const unfiltered = await webhook({});
    const yes = await rsvp({ status: 'yes' });
    const no = await rsvp({ status: 'no' });
    expect(await jobsFor(yesOnly.id)).toEqual([yes.id]);
    expect(await jobsFor(unfiltered.id)).toEqual([yes.id, no.id]);
  });

  it('writes no snapshot for a change that every matching webhook filters out', async () => {
    await webhook({ element: 'group', filter: [{ field: 'name', op: 'eq', value: 'Chosen' }] });
    const other = (await alice.post('/v1/groups', { name: 'Other' })).body;
    const chosen = (await alice.post('/v1/groups', { name: 'Chosen' })).body;
    const { rows } = await app.db.query<{ element_id: string }>(
      `SELECT element_id FROM element_snapshots WHERE element_id = ANY($1::uuid[])`,
      [[other.id, chosen.id]],
    );
    expect(rows.map((r) => r.element_id)).toEqual([chosen.id]);
  });

  it('filters on the related event: only sign-ups to published events', async () => {
    const published = await webhook({ filter: [{ field: 'event.status', op: 'eq', value: 'published' }] });
    const draft = (await alice.post('/v1/events', { title: 'Draft', status: 'draft' })).body;
    const toPublished = await rsvp({});
    const toDraft = (await alice.post(`/v1/events/${draft.id}/rsvps`, { email: 'x@example.com', name: 'X' }))
      .body;
    expect(await jobsFor(published.id)).toEqual([toPublished.id]);
    expect(await jobsFor(published.id)).not.toContain(toDraft.id);
  });

  it('`changed` sends an update only when that field changed', async () => {
    const statusChanged = await webhook({ trigger: 'update', filter: [{ field: 'status', op: 'changed' }] });
    const signUp = await rsvp({ status: 'maybe' });
    await alice.patch(`/v1/rsvps/${signUp.id}`, { name: 'Ada Lovelace' });
    expect(await jobsFor(statusChanged.id)).toEqual([]);
    await alice.patch(`/v1/rsvps/${signUp.id}`, { status: 'yes' });
    expect(await jobsFor(statusChanged.id)).toEqual([signUp.id]);
  });

  it.each([
    { field: 'status', op: 'eq', value: 'yes' },
    { field: 'status', op: 'ne', value: 'no' },
    { field: 'status', op: 'in', value: ['yes'] },
    { field: 'status', op: 'not_in', value: ['no'] },
    { field: 'seats', op: 'gt', value: 1 },
    { field: 'seats', op: 'gte', value: 1 },
    { field: 'seats', op: 'lt', value: 10 },
    { field: 'created_at', op: 'lte', value: '2100-01-01T00:00:00Z' },
    { field: 'email', op: 'contains', value: '@' },
    { field: 'fields.company', op: 'exists', value: false },
    { field: 'event.title', op: 'eq', value: 'Launch' },
  ])('accepts %j', async (condition) => {
    await webhook({ filter: [condition] });
  });

  it.each<[Record<string, unknown>, string, RegExp]>([
    [{ field: 'status', op: 'eq', value: 1 }, 'filter[0].value', /must be a string/],
    [{ field: 'status', op: 'ne' }, 'filter[0].value', /is required/],
    [{ field: 'status', op: 'in', value: [] }, 'filter[0].value', /non-empty list/],
    [{ field: 'status', op: 'not_in', value: 'no' }, 'filter[0].value', /non-empty list/],
    [{ field: 'seats', op: 'gt', value: '1' }, 'filter[0].value', /must be a number/],
    [{ field: 'seats', op: 'gte', value: true }, 'filter[0].value', /must be a number/],
    [{ field: 'fields', op: 'lt', value: 1 }, 'filter[0].value', /compares numbers or strings/],
    [{ field: 'email', op: 'lte', value: 5 }, 'filter[0].value', /must be a string/],
    [{ field: 'seats', op: 'contains', value: 'x' }, 'filter[0].value', /contains looks into strings/],
    [{ field: 'email', op: 'exists', value: 'yes' }, 'filter[0].value', /true, false or left out/],
    [{ field: 'status', op: 'changed' }, 'filter[0].op', /needs the update trigger/],
    [{ field: 'colour', op: 'eq', value: 'red' }, 'filter[0].field', /not a field of rsvp create/],
    [{ field: 'status', op: 'like', value: 'y%' }, 'filter[0].op', /must be one of/],
  ])('refuses %j naming %s', async (condition, field, message) => {
    const before = (await app.db.query(`SELECT count(*)::int AS n FROM webhooks`)).rows[0].n;
    const response = await alice.post('/v1/webhooks', {
      name: 'bad',
      method: 'POST',
      url: 'http://127.0.0.1:9/hook',
      element: 'rsvp',
      trigger: 'create',
      filter: [condition],
    });
    expect(response.status).toBe(400);
    const error = response.body.errors.find((e: { field: string }) => e.field === field);
    expect(error?.message, JSON.stringify(response.body.errors)).toMatch(message);
    expect((await app.db.query(`SELECT count(*)::int AS n FROM webhooks`)).rows[0].n).toBe(before);
  });

  it('checks the filter again when a PATCH changes the trigger', async () => {
    const onUpdate = await webhook({ trigger: 'update', filter: [{ field: 'status', op: 'changed' }] });
    const response = await alice.patch(`/v1/webhooks/${onUpdate.id}`, { trigger: 'create' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['filter[0].op']);
    expect((await alice.get(`/v1/webhooks/${onUpdate.id}`)).body.trigger).toBe('update');
  });
});
