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
