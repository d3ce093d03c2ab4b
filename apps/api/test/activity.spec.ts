import { describe, expect, it } from 'vitest';
import { type AnyBody, type Caller } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** GET /v1/elements/:element/:id/activity: the element's deliveries, and why each webhook fires or not. */
describe('element activity', () => {
  const { alice, bob } = useTestApp({
    config: { allowPrivateTargets: true },
    callers: ['alice', 'bob'],
  });

  const webhook = async (caller: Caller, fields: Record<string, unknown>) => {
    const response = await caller.post('/v1/webhooks', {
      name: 'w',
      method: 'POST',
      url: 'http://127.0.0.1:9/hook',
      element: 'rsvp',
      trigger: 'create',
      ...fields,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as AnyBody;
  };

  it("explains disabled, wrong trigger and a false filter, with the element's value", async () => {
    const fires = await webhook(alice, { name: 'fires' });
    const disabled = await webhook(alice, { name: 'off', status: 'disabled' });
    const onUpdate = await webhook(alice, { name: 'updates', trigger: 'update' });
    const yesOnly = await webhook(alice, {
      name: 'yes only',
      filter: [{ field: 'status', op: 'eq', value: 'yes' }],
    });
    const event = (await alice.post('/v1/events', { title: 'Launch', status: 'published' })).body;
    const rsvp = (
      await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'a@example.com', name: 'A', status: 'no' })
    ).body;

    const response = await alice.get(`/v1/elements/rsvp/${rsvp.id}/activity`);
    expect(response.status).toBe(200);
    const { body } = response;
    expect(body).toMatchObject({ element: 'rsvp', element_id: rsvp.id, exists: true });
    // the create went to the one unfiltered active create webhook
    expect(body.deliveries.items.map((d: AnyBody) => d.webhook_id)).toEqual([fires.id]);
    const byId = new Map(body.webhooks.map((w: AnyBody) => [w.id, w.fires]));
    expect((byId.get(fires.id) as AnyBody).create).toEqual({ would_fire: true, reason: null, message: null });
    expect((byId.get(disabled.id) as AnyBody).create).toMatchObject({
      would_fire: false,
      reason: 'disabled',
    });
    expect((byId.get(onUpdate.id) as AnyBody).create).toMatchObject({
      would_fire: false,
      reason: 'trigger',
      message: 'the webhook fires on update, not create',
    });
    expect((byId.get(onUpdate.id) as AnyBody).update).toMatchObject({ would_fire: true });
    expect((byId.get(yesOnly.id) as AnyBody).create).toEqual({
      would_fire: false,
      reason: 'filter',
      message: 'filter[0] status eq "yes", but status is "no"',
      condition: { field: 'status', op: 'eq', value: 'yes' },
      actual: 'no',
    });
  });

  it('keeps the story of a deleted element and 404s an unknown one', async () => {
    await webhook(alice, { element: 'group', trigger: 'delete' });
    const group = (await alice.post('/v1/groups', { name: 'Gone soon' })).body;
    await alice.delete(`/v1/groups/${group.id}`);
    const response = await alice.get(`/v1/elements/group/${group.id}/activity`);
    expect(response.status).toBe(200);
    expect(response.body.exists).toBe(false);
    expect(response.body.deliveries.items.map((d: AnyBody) => d.trigger)).toEqual(['delete']);

    expect((await alice.get(`/v1/elements/group/6f1c7a52-0b8e-4c61-9f6d-3a2e1b0c9d87/activity`)).status).toBe(
      404,
    );
    expect((await alice.get(`/v1/elements/group/not-a-uuid/activity`)).status).toBe(404);
    const bad = await alice.get(`/v1/elements/widget/${group.id}/activity`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: AnyBody) => e.field)).toEqual(['element']);
  });

  it("never shows another account's element, deliveries or webhooks", async () => {
    await webhook(alice, { name: 'alice' });
    const event = (await alice.post('/v1/events', { title: 'Private', status: 'published' })).body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'p@example.com', name: 'P' }))
      .body;
    expect((await bob.get(`/v1/elements/rsvp/${rsvp.id}/activity`)).status).toBe(404);
    await webhook(bob, { name: 'bob' });
    const mine = (await bob.post('/v1/events', { title: 'Bob', status: 'published' })).body;
    const bobRsvp = (await bob.post(`/v1/events/${mine.id}/rsvps`, { email: 'b@example.com', name: 'B' }))
      .body;
    const view = (await bob.get(`/v1/elements/rsvp/${bobRsvp.id}/activity`)).body;
    expect(view.webhooks.map((w: AnyBody) => w.name)).toEqual(['bob']);
  });
});
