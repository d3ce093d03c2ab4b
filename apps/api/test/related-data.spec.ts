import { describe, expect, it } from 'vitest';
import { type AnyBody } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const namesOf = (body: { variables: { name: string }[] }) => body.variables.map((v) => v.name);

/** DESIGN §1 "Related data": snapshots carry the parents as at the change, and updates what changed. */
describe('related data in snapshots', () => {
  const { alice } = useTestApp({ config: { allowPrivateTargets: true }, callers: ['alice'] });

  const webhook = async (element: string, trigger: string, body: unknown[] = []): Promise<string> => {
    const response = await alice.post('/v1/webhooks', {
      name: `${element} ${trigger}`,
      method: 'POST',
      url: 'http://127.0.0.1:9/hook',
      element,
      trigger,
      body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  };

  /** The snapshots of a webhook's deliveries, read through GET /v1/deliveries/:id, by element id. */
  const snapshotsOf = async (webhookId: string): Promise<Map<string, AnyBody>> => {
    const list = await alice.get(`/v1/webhooks/${webhookId}/deliveries?limit=100`);
    expect(list.status).toBe(200);
    const snapshots = new Map<string, AnyBody>();
    for (const item of list.body.items as { id: string }[]) {
      const delivery = await alice.get(`/v1/deliveries/${item.id}`);
      expect(delivery.status).toBe(200);
      snapshots.set(delivery.body.snapshot.element_id, delivery.body.snapshot.data);
    }
    return snapshots;
  };
  const snapshotOf = async (webhookId: string, elementId: string): Promise<AnyBody> => {
    const snapshot = (await snapshotsOf(webhookId)).get(elementId);
    expect(snapshot, `snapshot of ${elementId}`).toBeDefined();
    return snapshot;
  };

  const dates = [
    { name: 'Day 1', start: '2027-01-15T18:00:00Z', time_zone: 'Europe/Berlin', location: 'Hall A' },
  ];

  it('an RSVP carries its event and group, an event its group; API answers stay as they are', async () => {
    const onRsvp = await webhook('rsvp', 'create');
    const onEvent = await webhook('event', 'create');
    const group = (await alice.post('/v1/groups', { name: 'Meetups', description: 'Monthly' })).body;
    const event = (
      await alice.post('/v1/events', {
        group_id: group.id,
        title: 'Launch',
        status: 'published',
        dates,
        url: 'https://events.example.com/launch',
      })
    ).body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'ada@example.com', name: 'Ada' }))
      .body;
    expect(rsvp).not.toHaveProperty('event');
    expect(event).not.toHaveProperty('group');

    const related = {
      id: event.id,
      group_id: group.id,
      title: 'Launch',
      status: 'published',
      dates: event.dates,
      url: 'https://events.example.com/launch',
    };
    expect(await snapshotOf(onRsvp, rsvp.id)).toEqual({
      ...rsvp,
      event: related,
      group: { id: group.id, name: 'Meetups' },
    });
    expect(await snapshotOf(onEvent, event.id)).toEqual({
      ...event,
      group: { id: group.id, name: 'Meetups' },
    });

    const lonely = (await alice.post('/v1/events', { title: 'No group' })).body;
    expect((await snapshotOf(onEvent, lonely.id)).group).toBeNull();
    const signUp = (await alice.post(`/v1/events/${lonely.id}/rsvps`, { email: 'b@example.com', name: 'B' }))
      .body;
    expect(await snapshotOf(onRsvp, signUp.id)).toMatchObject({ event: { id: lonely.id }, group: null });
  });

  it('an update holds previous and the names of the changed fields; a delete only the id', async () => {
    const onRsvpUpdate = await webhook('rsvp', 'update');
    const onRsvpDelete = await webhook('rsvp', 'delete');
    const onGroupUpdate = await webhook('group', 'update');
    const onEventUpdate = await webhook('event', 'update');
    const group = (await alice.post('/v1/groups', { name: 'Book club' })).body;
    const other = (await alice.post('/v1/groups', { name: 'Chess club' })).body;
    const event = (await alice.post('/v1/events', { group_id: group.id, title: 'Reading', dates })).body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'ada@example.com', name: 'Ada' }))
      .body;

    const renamed = (await alice.patch(`/v1/rsvps/${rsvp.id}`, { name: 'Ada Lovelace' })).body;
    expect(renamed).not.toHaveProperty('previous');
    expect(await snapshotOf(onRsvpUpdate, rsvp.id)).toEqual({
      ...renamed,
      event: expect.objectContaining({ id: event.id, title: 'Reading', group_id: group.id }),
      group: { id: group.id, name: 'Book club' },
      previous: rsvp,
      changed_fields: ['name'],
    });

    const groupRenamed = (await alice.patch(`/v1/groups/${group.id}`, { name: 'Readers' })).body;
    expect(await snapshotOf(onGroupUpdate, group.id)).toEqual({
      ...groupRenamed,
      previous: group,
      changed_fields: ['name'],
    });

    const moved = (await alice.patch(`/v1/events/${event.id}`, { group_id: other.id, status: 'published' }))
      .body;
    const eventUpdate = await snapshotOf(onEventUpdate, event.id);
    expect(eventUpdate).toEqual({
      ...moved,
      group: { id: other.id, name: 'Chess club' },
      previous: event,
      changed_fields: ['group_id', 'status'],
    });
    expect(eventUpdate.previous).not.toHaveProperty('group');

    expect((await alice.delete(`/v1/rsvps/${rsvp.id}`)).status).toBe(204);
    expect(await snapshotOf(onRsvpDelete, rsvp.id)).toEqual({ id: rsvp.id });
  });

  it('deleting a group announces its events with group null, previous and changed_fields', async () => {
    const onEventUpdate = await webhook('event', 'update');
    const group = (await alice.post('/v1/groups', { name: 'Going away' })).body;
    const a = (await alice.post('/v1/events', { group_id: group.id, title: 'A' })).body;
    const b = (await alice.post('/v1/events', { group_id: group.id, title: 'B', dates })).body;

    expect((await alice.delete(`/v1/groups/${group.id}`)).status).toBe(204);

    const snapshots = await snapshotsOf(onEventUpdate);
    for (const before of [a, b]) {
      const now = (await alice.get(`/v1/events/${before.id}`)).body;
      const snapshot = snapshots.get(before.id);
      expect(snapshot).toEqual({ ...now, group: null, previous: before, changed_fields: ['group_id'] });
      expect(snapshot.previous.group_id).toBe(group.id);
    }
  });

  it('lists related, update and settings variables', async () => {
    const create = await alice.get('/v1/variables?element=rsvp&trigger=create');
    expect(create.status).toBe(200);
    expect(namesOf(create.body)).toEqual(
      expect.arrayContaining([
        'email',
        'rsvp.email',
        'event.title',
        'event.dates',
        'event.dates[0].start',
        'event.dates[0].location',
        'group.name',
      ]),
    );
    expect(namesOf(create.body)).not.toContain('previous.status');
    const start = create.body.variables.find((v: { name: string }) => v.name === 'event.dates[0].start');
    expect(start).toMatchObject({ type: 'string', description: expect.stringContaining('[0] is the first') });

    const update = await alice.get('/v1/variables?element=rsvp&trigger=update');
    expect(namesOf(update.body)).toEqual(expect.arrayContaining(['previous.status', 'changed_fields']));
    const del = await alice.get('/v1/variables?element=rsvp&trigger=delete');
    expect(namesOf(del.body)).not.toContain('event.title');

    const wordpress = await alice.get('/v1/variables?element=event&trigger=create&target=wordpress');
    expect(wordpress.status).toBe(200);
    expect(wordpress.body.target).toBe('wordpress');
    const settings = namesOf(wordpress.body).filter((name) => name.startsWith('settings'));
    expect(settings).toEqual([
      'settings.site_url',
      'settings.username',
      'settings.application_password',
      'settings.post_status',
    ]);
    expect(create.body.target).toBeNull();
    expect(namesOf(create.body)).toContain('settings');

    const unknown = await alice.get('/v1/variables?element=event&trigger=create&target=nope');
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['target']);
    const proto = await alice.get('/v1/variables?element=event&trigger=create&target=__proto__');
    expect(fieldsOf(proto.body)).toEqual(['target']);
  });

  it('accepts related variables where the snapshot has them and refuses them elsewhere', async () => {
    await webhook('rsvp', 'create', [{ key: 'title', value: '{{event.title}} in {{group.name}}' }]);
    await webhook('event', 'create', [{ key: 'group', value: '{{group.name}} {{event.title}}' }]);
    await webhook('event', 'update', [{ key: 'was', value: '{{previous.status}} {{changed_fields}}' }]);

    const refused = await alice.post('/v1/webhooks', {
      name: 'group with an event',
      method: 'POST',
      url: 'http://127.0.0.1:9/hook',
      element: 'group',
      trigger: 'create',
      body: [{ key: 'title', value: '{{event.title}}' }],
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['body[0].value']);
    const onCreate = await alice.post('/v1/webhooks', {
      name: 'previous on create',
      method: 'POST',
      url: 'http://127.0.0.1:9/hook',
      element: 'rsvp',
      trigger: 'create',
      body: [{ key: 'was', value: '{{previous.status}}' }],
    });
    expect(onCreate.status).toBe(400);
    expect(fieldsOf(onCreate.body)).toEqual(['body[0].value']);
  });

  it('previews with the related data of a real element and of the sample', async () => {
    const body = [
      { key: 'title', value: '{{event.title}}' },
      { key: 'group', value: '{{group.name}}' },
      { key: 'first', value: '{{event.dates[0].start}}' },
    ];
    const onCreate = await webhook('rsvp', 'create', body);
    const onUpdate = await webhook('rsvp', 'update', [
      { key: 'was', value: '{{previous.status}}' },
      { key: 'changed', value: '{{changed_fields}}' },
    ]);
    const group = (await alice.post('/v1/groups', { name: 'Previewers' })).body;
    const event = (await alice.post('/v1/events', { group_id: group.id, title: 'Preview night', dates }))
      .body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'p@example.com', name: 'P' }))
      .body;

    const real = await alice.post(`/v1/webhooks/${onCreate}/preview`, { element_id: rsvp.id });
    expect(real.status).toBe(200);
    expect(JSON.parse(real.body.body)).toMatchObject({
      title: 'Preview night',
      group: 'Previewers',
      first: event.dates[0].start,
      element_data: { id: rsvp.id, event: { title: 'Preview night' }, group: { name: 'Previewers' } },
    });

    const sample = await alice.post(`/v1/webhooks/${onCreate}/preview`, { sample: true });
    expect(sample.status).toBe(200);
    const rendered = JSON.parse(sample.body.body);
    expect(rendered.title).toBe(rendered.element_data.event.title);
    expect(rendered.group).toBe(rendered.element_data.group.name);
    expect(rendered.title).not.toBe('');

    // an element read now shows no change: previous is the element itself
    const update = await alice.post(`/v1/webhooks/${onUpdate}/preview`, { element_id: rsvp.id });
    expect(JSON.parse(update.body.body)).toMatchObject({
      was: 'yes',
      changed: [],
      element_data: { previous: rsvp, changed_fields: [] },
    });
    const sampleUpdate = JSON.parse(
      (await alice.post(`/v1/webhooks/${onUpdate}/preview`, { sample: true })).body.body,
    );
    expect(sampleUpdate.was).toBe(sampleUpdate.element_data.previous.status);
    expect(sampleUpdate.changed).toEqual(sampleUpdate.element_data.changed_fields);
  });
});
