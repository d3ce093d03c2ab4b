import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import { describeFailedCondition, evaluateFilter } from './evaluate-filter';
import type { FilterCondition } from './filter-condition';
import { validateFilter } from './validate-filter';

const rsvp: JsonObject = {
  id: 'r1',
  event_id: 'e1',
  email: 'ada@example.com',
  name: 'Ada',
  status: 'yes',
  seats: 2,
  fields: { company: 'Engines Ltd', newsletter: true },
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-02T16:05:00.000Z',
};

const passes = (filter: FilterCondition[], data: JsonObject = rsvp) => evaluateFilter(filter, data).pass;

describe('evaluateFilter', () => {
  it.each<[FilterCondition, boolean]>([
    [{ field: 'status', op: 'eq', value: 'yes' }, true],
    [{ field: 'status', op: 'eq', value: 'no' }, false],
    [{ field: 'status', op: 'ne', value: 'no' }, true],
    [{ field: 'status', op: 'in', value: ['yes', 'maybe'] }, true],
    [{ field: 'status', op: 'not_in', value: ['yes', 'maybe'] }, false],
    [{ field: 'seats', op: 'gt', value: 1 }, true],
    [{ field: 'seats', op: 'gte', value: 2 }, true],
    [{ field: 'seats', op: 'lt', value: 2 }, false],
    [{ field: 'seats', op: 'lte', value: 2 }, true],
    [{ field: 'created_at', op: 'gte', value: '2025-03-01' }, true],
    [{ field: 'email', op: 'contains', value: '@example.com' }, true],
    [{ field: 'fields.company', op: 'eq', value: 'Engines Ltd' }, true],
    [{ field: 'fields.newsletter', op: 'eq', value: true }, true],
    [{ field: 'fields.missing', op: 'exists' }, false],
    [{ field: 'fields.missing', op: 'exists', value: false }, true],
    [{ field: 'fields.missing', op: 'ne', value: 'x' }, true],
    [{ field: 'fields.missing', op: 'gt', value: 1 }, false],
    [{ field: 'seats', op: 'gt', value: 'a' }, false],
  ])('%j → %s', (condition, expected) => {
    expect(passes([condition])).toBe(expected);
  });

  it('reads related data, array items and previous values', () => {
    const event: JsonObject = {
      id: 'e1',
      title: 'Launch',
      status: 'published',
      dates: [{ start: '2027-01-15T18:00:00Z' }],
      group: { id: 'g1', name: 'Meetups' },
      previous: { title: 'Draft title', status: 'draft', dates: [] },
      changed_fields: ['title', 'status', 'dates'],
    };
    expect(passes([{ field: 'group.name', op: 'eq', value: 'Meetups' }], event)).toBe(true);
    expect(passes([{ field: 'dates[0].start', op: 'gte', value: '2027-01-01' }], event)).toBe(true);
    expect(passes([{ field: 'dates.0.start', op: 'lt', value: '2027-01-01' }], event)).toBe(false);
    expect(passes([{ field: 'status', op: 'changed' }], event)).toBe(true);
    expect(
      passes([{ field: 'group.name', op: 'changed' }], {
        ...event,
        previous: { group: { name: 'Meetups' } },
      }),
    ).toBe(false);
    expect(passes([{ field: 'changed_fields', op: 'contains', value: 'title' }], event)).toBe(true);
  });

  it('names the first condition that fails, with the element value', () => {
    const result = evaluateFilter(
      [
        { field: 'seats', op: 'gte', value: 1 },
        { field: 'status', op: 'eq', value: 'no' },
        { field: 'email', op: 'exists' },
      ],
      rsvp,
    );
    expect(result).toEqual({
      pass: false,
      index: 1,
      condition: { field: 'status', op: 'eq', value: 'no' },
      actual: 'yes',
    });
    if (result.pass) throw new Error('unreachable');
    expect(describeFailedCondition(result)).toBe('filter[1] status eq "no", but status is "yes"');
  });

  it('holds for an empty filter', () => {
    expect(passes([])).toBe(true);
  });
});

describe('validateFilter', () => {
  const check = (filter: unknown[], trigger: 'create' | 'update' | 'delete' = 'create') =>
    validateFilter({ element: 'rsvp', trigger, filter: filter as FilterCondition[] });

  it('accepts conditions that fit their fields', () => {
    expect(
      check([
        { field: 'status', op: 'in', value: ['yes', 'maybe'] },
        { field: 'seats', op: 'gte', value: 2 },
        { field: 'fields.company', op: 'contains', value: 'Ltd' },
        { field: 'email', op: 'exists' },
      ]),
    ).toEqual([]);
    expect(check([{ field: 'status', op: 'changed' }], 'update')).toEqual([]);
  });

  it.each<[unknown, string, string]>([
    [{ field: 'colour', op: 'eq', value: 'x' }, 'filter[0].field', "'colour' is not a field of rsvp create"],
    [{ field: 'status', op: 'like', value: 'x' }, 'filter[0].op', 'must be one of'],
    [{ field: 'status', op: 'eq' }, 'filter[0].value', 'is required'],
    [{ field: 'seats', op: 'eq', value: 'two' }, 'filter[0].value', 'must be a number'],
    [{ field: 'status', op: 'in', value: 'yes' }, 'filter[0].value', 'non-empty list'],
    [{ field: 'seats', op: 'in', value: [1, 'x'] }, 'filter[0].value', 'only a number'],
    [{ field: 'fields', op: 'gt', value: 1 }, 'filter[0].value', 'not a object'],
    [{ field: 'seats', op: 'contains', value: 1 }, 'filter[0].value', 'not a number'],
    [{ field: 'status', op: 'changed' }, 'filter[0].op', 'needs the update trigger'],
    [{ field: 'email', op: 'exists', value: 'yes' }, 'filter[0].value', 'true, false or left out'],
    [{ op: 'eq', value: 1 }, 'filter[0].field', 'is required'],
  ])('refuses %j at %s', (condition, field, message) => {
    const errors = check([condition]);
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0]?.message).toContain(message);
  });

  it("accepts `changed` only on the element's own fields, which `previous` holds", () => {
    expect(check([{ field: 'fields.company', op: 'changed' }], 'update')).toEqual([]);
    expect(check([{ field: 'event.status', op: 'changed' }], 'update')).toEqual([
      {
        field: 'filter[0].field',
        message: "changed compares the rsvp's own fields; 'event.status' is not one",
      },
    ]);
  });

  it('knows only the id for a delete', () => {
    expect(check([{ field: 'id', op: 'exists' }], 'delete')).toEqual([]);
    expect(check([{ field: 'status', op: 'eq', value: 'yes' }], 'delete')[0]?.field).toBe('filter[0].field');
  });

  it('caps the number of conditions', () => {
    const many = Array.from({ length: 21 }, () => ({ field: 'status', op: 'eq', value: 'yes' }));
    expect(check(many)).toEqual([{ field: 'filter', message: 'has 21 conditions; at most 20' }]);
  });
});
