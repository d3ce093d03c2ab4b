import { describe, expect, it } from 'vitest';
import { type ApiResponse } from './support/test-app';
import { useTestApp } from './support/use-test-app';

describe('elements: groups, events, RSVPs', () => {
  const { app, alice, bob } = useTestApp({ callers: ['alice', 'bob'] });

  it('creates, reads, updates, lists and deletes a group', async () => {
    const created = await alice.post('/v1/groups', { name: 'Berlin meetups', description: 'monthly' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Berlin meetups', description: 'monthly' });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(created.body.created_at)).not.toBeNaN();
    const id = created.body.id;

    expect((await alice.get(`/v1/groups/${id}`)).body).toEqual(created.body);
    const updated = await alice.patch(`/v1/groups/${id}`, { description: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, name: 'Berlin meetups', description: null });

    const list = await alice.get('/v1/groups');
    expect(list.status).toBe(200);
    expect(list.body.items.map((g: { id: string }) => g.id)).toContain(id);

    expect((await alice.delete(`/v1/groups/${id}`)).status).toBe(204);
    expect((await alice.get(`/v1/groups/${id}`)).status).toBe(404);
    expect((await alice.delete(`/v1/groups/${id}`)).status).toBe(404);
  });

  it('creates an event with dates in a group, and updates it', async () => {
    const group = (await alice.post('/v1/groups', { name: 'G' })).body;
    const created = await alice.post('/v1/events', {
      group_id: group.id,
      title: 'Spring meetup',
      status: 'published',
      rsvp_enabled: true,
      url: 'https://example.com/spring',
      dates: [
        {
          start: '2026-03-14T18:00:00Z',
          end: '2026-03-14T21:00:00Z',
          time_zone: 'Europe/Berlin',
          location: 'Hall 1',
        },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      group_id: group.id,
      title: 'Spring meetup',
      status: 'published',
      rsvp_enabled: true,
      dates: [
        {
          name: null,
          start: '2026-03-14T18:00:00Z',
          end: '2026-03-14T21:00:00Z',
          time_zone: 'Europe/Berlin',
          location: 'Hall 1',
          description: null,
        },
      ],
    });
    const updated = await alice.patch(`/v1/events/${created.body.id}`, { status: 'draft', group_id: null });
    expect(updated.body).toMatchObject({ status: 'draft', group_id: null, title: 'Spring meetup' });
    expect((await alice.get(`/v1/events/${created.body.id}`)).body.status).toBe('draft');
    expect((await alice.delete(`/v1/events/${created.body.id}`)).status).toBe(204);
  });

  it('creates RSVPs under an event, lists them per event, updates and deletes one', async () => {
    const event = (await alice.post('/v1/events', { title: 'E' })).body;
    expect(event.status).toBe('draft');
    const rsvp = await alice.post(`/v1/events/${event.id}/rsvps`, {
      email: 'ada@example.com',
      name: 'Ada',
      status: 'maybe',
      seats: 2,
      fields: { diet: 'vegan', plus_one: true, age: 36 },
    });
    expect(rsvp.status).toBe(201);
    expect(rsvp.body).toMatchObject({
      event_id: event.id,
      email: 'ada@example.com',
      seats: 2,
      fields: { diet: 'vegan' },
    });
    const list = await alice.get(`/v1/events/${event.id}/rsvps`);
    expect(list.body.items).toHaveLength(1);
    const updated = await alice.patch(`/v1/rsvps/${rsvp.body.id}`, { status: 'yes' });
    expect(updated.body).toMatchObject({ status: 'yes', seats: 2 });
    expect((await alice.get(`/v1/rsvps/${rsvp.body.id}`)).body.status).toBe('yes');
    expect((await alice.delete(`/v1/rsvps/${rsvp.body.id}`)).status).toBe(204);
    expect((await alice.get(`/v1/rsvps/${rsvp.body.id}`)).status).toBe(404);
  });

  it('answers invalid elements with 400 problem+json naming each field', async () => {
    const group = await alice.post('/v1/groups', { name: '', extra: 1 });
    expect(group.status).toBe(400);
    expect(group.headers.get('content-type')).toContain('application/problem+json');
    expect(group.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'name']);

    const event = await alice.post('/v1/events', {
      title: 'x',
      status: 'live',
      dates: [{ start: 'tomorrow', time_zone: 'Mars/Olympus' }],
    });
    expect(event.status).toBe(400);
    expect(event.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'dates[0].start',
      'dates[0].time_zone',
      'status',
    ]);

    const foreignGroup = (await bob.post('/v1/groups', { name: 'bob' })).body;
    const withForeignGroup = await alice.post('/v1/events', { title: 'x', group_id: foreignGroup.id });
    expect(withForeignGroup.status).toBe(400);
    expect(withForeignGroup.body.errors).toEqual([{ field: 'group_id', message: 'no such group' }]);

    const ev = (await alice.post('/v1/events', { title: 'E' })).body;
    const rsvp = await alice.post(`/v1/events/${ev.id}/rsvps`, {
      email: 'not-an-email',
      name: 'N',
      seats: -1,
      fields: { nested: { a: 1 } },
    });
    expect(rsvp.status).toBe(400);
    expect(rsvp.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'fields',
      'seats',
    ]);

    const nullName = await alice.patch(`/v1/rsvps/00000000-0000-4000-8000-000000000000`, { name: null });
    expect(nullName.status).toBe(400);
  });

  it('paginates with an opaque cursor, newest first, without gaps or repeats', async () => {
    const caller = await app.createCaller('pages');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await caller.post('/v1/groups', { name: `g${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ApiResponse = await caller.get(`/v1/groups?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((g: { id: string }) => g.id));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    expect((await caller.get('/v1/groups?limit=0')).status).toBe(400);
    expect((await caller.get('/v1/groups?limit=201')).status).toBe(400);
    const badCursor = await caller.get('/v1/groups?cursor=nonsense');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('cursor');
  });

  it("isolates accounts: another account's elements are 404, never listed", async () => {
    const group = (await alice.post('/v1/groups', { name: 'private' })).body;
    const event = (await alice.post('/v1/events', { title: 'private' })).body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'a@example.com', name: 'A' }))
      .body;

    for (const path of [
      `/v1/groups/${group.id}`,
      `/v1/events/${event.id}`,
      `/v1/rsvps/${rsvp.id}`,
      `/v1/events/${event.id}/rsvps`,
    ]) {
      expect((await bob.get(path)).status).toBe(404);
    }
    expect((await bob.patch(`/v1/groups/${group.id}`, { name: 'x' })).status).toBe(404);
    expect((await bob.patch(`/v1/events/${event.id}`, { title: 'x' })).status).toBe(404);
    expect((await bob.patch(`/v1/rsvps/${rsvp.id}`, { name: 'x' })).status).toBe(404);
    expect(
      (await bob.post(`/v1/events/${event.id}/rsvps`, { email: 'b@example.com', name: 'B' })).status,
    ).toBe(404);
    expect((await bob.delete(`/v1/groups/${group.id}`)).status).toBe(404);
    expect((await bob.delete(`/v1/events/${event.id}`)).status).toBe(404);
    expect((await bob.delete(`/v1/rsvps/${rsvp.id}`)).status).toBe(404);

    const bobsGroups = (await bob.get('/v1/groups?limit=200')).body.items.map((g: { id: string }) => g.id);
    expect(bobsGroups).not.toContain(group.id);
    const bobsEvents = (await bob.get('/v1/events?limit=200')).body.items.map((g: { id: string }) => g.id);
    expect(bobsEvents).not.toContain(event.id);
    // Still there for its owner.
    expect((await alice.get(`/v1/rsvps/${rsvp.id}`)).status).toBe(200);
  });

  it('answers a malformed id with 404, as any unknown id', async () => {
    const response = await alice.get('/v1/groups/not-a-uuid');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
