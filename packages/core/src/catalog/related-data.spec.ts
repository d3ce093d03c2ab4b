import { describe, expect, it } from 'vitest';
import type { EventData, GroupData, RsvpData } from '../domain/elements';
import { ELEMENT_TYPES, TRIGGERS } from '../domain/vocabulary';
import { changeSnapshot, changedFields } from './change-snapshot';
import { ELEMENT_CATALOG } from './element-catalog';
import { META_VARIABLES } from './meta-variables';
import { relatedEvent, relatedGroup } from './related-data';
import { sampleSnapshot } from './sample-snapshot';
import { snapshotFields } from './scope-fields';

const group: GroupData = {
  id: 'g1',
  name: 'Meetups',
  description: null,
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-01T09:30:00.000Z',
};
const event: EventData = {
  id: 'e1',
  group_id: 'g1',
  title: 'Launch',
  status: 'published',
  dates: [
    {
      name: null,
      start: '2027-01-15T18:00:00Z',
      end: null,
      time_zone: 'UTC',
      location: null,
      description: null,
    },
  ],
  rsvp_enabled: true,
  url: null,
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-01T09:30:00.000Z',
};
const rsvp: RsvpData = {
  id: 'r1',
  event_id: 'e1',
  email: 'ada@example.com',
  name: 'Ada',
  status: 'yes',
  seats: 1,
  fields: {},
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-01T09:30:00.000Z',
};

describe('snapshots with related data', () => {
  it('carries the parents of an element with the fields DESIGN §1 names', () => {
    expect(relatedEvent(event)).toEqual({
      id: 'e1',
      group_id: 'g1',
      title: 'Launch',
      status: 'published',
      dates: event.dates,
      url: null,
    });
    expect(relatedGroup(group)).toEqual({ id: 'g1', name: 'Meetups' });
    const created = changeSnapshot('rsvp', {
      data: rsvp,
      related: { event: relatedEvent(event), group: relatedGroup(group) },
    });
    expect(created).toEqual({ ...rsvp, event: relatedEvent(event), group: { id: 'g1', name: 'Meetups' } });
    expect(changeSnapshot('event', { data: event, related: { group: null } })).toEqual({
      ...event,
      group: null,
    });
  });

  it('adds previous and the changed fields (never updated_at) for an update', () => {
    const after = { ...rsvp, name: 'Ada Lovelace', updated_at: '2025-03-02T00:00:00.000Z' };
    const updated = changeSnapshot('rsvp', {
      data: after,
      related: { event: relatedEvent(event), group: null },
      previous: rsvp,
    });
    expect(updated['previous']).toEqual(rsvp);
    expect(updated['changed_fields']).toEqual(['name']);
    expect(updated['group']).toBeNull();
    expect(changedFields({ a: 1, b: [1], c: { x: 1 } }, { a: 1, b: [2], c: { x: 1 }, d: null })).toEqual([
      'b',
    ]);
    expect(changedFields({ dates: [] }, { dates: [{ start: 'x' }] })).toEqual(['dates']);
  });

  it('lists the related objects in the catalog for create and update, only the id for delete', () => {
    const names = (element: (typeof ELEMENT_TYPES)[number], trigger: (typeof TRIGGERS)[number]) =>
      snapshotFields(element, trigger).map((f) => f.name);
    expect(names('rsvp', 'create')).toEqual([...ELEMENT_CATALOG.rsvp.map((f) => f.name), 'event', 'group']);
    expect(names('event', 'update')).toEqual([
      ...ELEMENT_CATALOG.event.map((f) => f.name),
      'group',
      'previous',
      'changed_fields',
    ]);
    expect(names('group', 'create')).toEqual(ELEMENT_CATALOG.group.map((f) => f.name));
    for (const element of ELEMENT_TYPES) expect(names(element, 'delete')).toEqual(['id']);
    const event = snapshotFields('rsvp', 'create').find((f) => f.name === 'event');
    const dates = event?.fields?.find((f) => f.name === 'dates');
    expect(dates?.fields?.map((f) => f.name)).toEqual([
      'name',
      'start',
      'end',
      'time_zone',
      'location',
      'description',
    ]);
  });

  it('never lets a snapshot field shadow another, a meta variable or the element namespace', () => {
    const meta = new Set(META_VARIABLES.map((m) => m.name));
    for (const element of ELEMENT_TYPES) {
      for (const trigger of TRIGGERS) {
        const names = snapshotFields(element, trigger).map((f) => f.name);
        expect(new Set(names).size, `${element} ${trigger}`).toBe(names.length);
        for (const name of names) {
          expect(meta.has(name), `${element} ${trigger}: ${name}`).toBe(false);
          expect(name, `${element} ${trigger}`).not.toBe(element);
        }
      }
    }
  });

  it('samples a snapshot per trigger whose related data fits the element', () => {
    const created = sampleSnapshot('rsvp', 'create');
    const sampleEvent = created['event'] as Record<string, unknown>;
    const sampleGroup = created['group'] as Record<string, unknown>;
    expect(sampleEvent['id']).toBe(created['event_id']);
    expect(sampleGroup['id']).toBe(sampleEvent['group_id']);
    expect(Object.keys(sampleEvent)).toEqual(['id', 'group_id', 'title', 'status', 'dates', 'url']);
    expect(created).not.toHaveProperty('previous');

    const updated = sampleSnapshot('event', 'update');
    const previous = updated['previous'] as Record<string, unknown>;
    expect(updated['changed_fields']).toEqual(['status']);
    expect(previous['status']).not.toEqual(updated['status']);
    expect(previous).not.toHaveProperty('group');
    expect(sampleSnapshot('group', 'update')['changed_fields']).toEqual(['description']);
    expect(sampleSnapshot('rsvp', 'delete')).toEqual({ id: created['id'] });
  });
});
