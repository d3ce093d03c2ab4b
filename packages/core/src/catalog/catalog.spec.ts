import { describe, expect, it } from 'vitest';
import { ELEMENT_TYPES, TRIGGERS } from '../domain/vocabulary';
import { ELEMENT_CATALOG } from './element-catalog';
import { listVariables } from './list-variables';
import { META_VARIABLES } from './meta-variables';
import { sampleElement } from './sample-element';

describe('element catalog', () => {
  it('describes the key fields of DESIGN §1', () => {
    const names = (element: keyof typeof ELEMENT_CATALOG) => ELEMENT_CATALOG[element].map((f) => f.name);
    expect(names('group')).toEqual(expect.arrayContaining(['id', 'name', 'description']));
    expect(names('event')).toEqual(
      expect.arrayContaining([
        'id',
        'group_id',
        'title',
        'status',
        'dates',
        'rsvp_enabled',
        'url',
        'created_at',
        'updated_at',
      ]),
    );
    expect(names('rsvp')).toEqual(
      expect.arrayContaining([
        'id',
        'event_id',
        'email',
        'name',
        'status',
        'seats',
        'fields',
        'created_at',
        'updated_at',
      ]),
    );
  });

  it('never lets an element field shadow a meta variable or an element namespace', () => {
    const reserved = new Set([...META_VARIABLES.map((m) => m.name), ...ELEMENT_TYPES]);
    for (const element of ELEMENT_TYPES) {
      for (const field of ELEMENT_CATALOG[element])
        expect(reserved.has(field.name), `${element}.${field.name}`).toBe(false);
    }
  });

  it('lists element variables at the top level and under the element name, plus meta variables', () => {
    const names = listVariables('rsvp', 'create').map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['email', 'seats', 'rsvp.email', 'rsvp.fields']));
    expect(names).toEqual(
      expect.arrayContaining([
        'delivery.id',
        'delivery.timestamp',
        'webhook.id',
        'webhook.name',
        'trigger',
        'element',
        'settings',
      ]),
    );
  });

  it('offers only the id in the element namespace for a delete', () => {
    for (const element of ELEMENT_TYPES) {
      const names = listVariables(element, 'delete').map((v) => v.name);
      expect(names.filter((n) => !['delivery', 'webhook', 'settings'].some((m) => n.startsWith(m)))).toEqual([
        'id',
        `${element}.id`,
        'trigger',
        'element',
      ]);
    }
  });

  it('lists the related data of an RSVP, with the items of its event dates', () => {
    const names = listVariables('rsvp', 'create').map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'event.id',
        'event.title',
        'event.status',
        'event.url',
        'event.group_id',
        'event.dates',
        'event.dates[0].name',
        'event.dates[0].start',
        'event.dates[0].time_zone',
        'group.id',
        'group.name',
      ]),
    );
    expect(names.filter((n) => n.startsWith('previous') || n === 'changed_fields')).toEqual([]);
    const start = listVariables('rsvp', 'create').find((v) => v.name === 'event.dates[0].start');
    expect(start).toMatchObject({ type: 'string', example: '2025-06-12T18:00:00.000Z' });
    expect(start?.description).toContain('[0] is the first');
  });

  it("lists an event's group and its own dates items, also under its name", () => {
    const names = listVariables('event', 'create').map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining(['group.id', 'group.name', 'dates', 'dates[0].start', 'event.dates[0].start']),
    );
    expect(names).not.toContain('event.group.name');
    expect(listVariables('group', 'create').map((v) => v.name)).not.toContain('event.title');
  });

  it('adds previous and changed_fields for an update', () => {
    const variables = listVariables('rsvp', 'update');
    const names = variables.map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining(['previous.status', 'previous.fields', 'changed_fields', 'event.title']),
    );
    expect(names).not.toContain('previous.event.title');
    expect(variables.find((v) => v.name === 'changed_fields')).toMatchObject({
      type: 'array',
      example: ['status'],
    });
    expect(variables.find((v) => v.name === 'previous.status')?.example).toBe('maybe');
    expect(listVariables('event', 'update').map((v) => v.name)).toContain('previous.dates[0].start');
  });

  it("lists the target's settings keys, with the schema's examples and no secret", () => {
    const settings = [
      { key: 'site_url', label: 'Site URL', type: 'url', example: 'https://blog.example.com' },
      { key: 'retries', label: 'Retries', description: 'How often', type: 'number', default: 3 },
      { key: 'password', label: 'Password', type: 'string', secret: true, example: 'hunter2' },
    ];
    const variables = listVariables('event', 'create', { settings });
    const listed = variables.filter((v) => v.name.startsWith('settings'));
    expect(listed).toEqual([
      {
        name: 'settings.site_url',
        type: 'string',
        description: 'Site URL',
        example: 'https://blog.example.com',
      },
      { name: 'settings.retries', type: 'number', description: 'Retries: How often', example: 3 },
      {
        name: 'settings.password',
        type: 'string',
        description: expect.stringContaining('secret'),
        example: '********',
      },
    ]);
    expect(JSON.stringify(variables)).not.toContain('hunter2');
    expect(listVariables('event', 'create', { settings: [] }).map((v) => v.name)).not.toContain('settings');
  });

  it('gives every variable a type, a description and an example', () => {
    for (const element of ELEMENT_TYPES) {
      for (const trigger of TRIGGERS) {
        for (const v of listVariables(element, trigger)) {
          expect(v.description.length, v.name).toBeGreaterThan(0);
          expect(v.example, v.name).not.toBeUndefined();
        }
      }
    }
  });

  it('samples every catalog field with its example', () => {
    const rsvp = sampleElement('rsvp');
    expect(rsvp['email']).toBe('ada@example.com');
    expect(rsvp['seats']).toBe(2);
    expect(Object.keys(sampleElement('event'))).toEqual(ELEMENT_CATALOG.event.map((f) => f.name));
  });
});
