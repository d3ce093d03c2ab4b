import type { ElementType } from '../domain/vocabulary';
import type { FieldSpec } from './field-spec';

const timestamps: readonly FieldSpec[] = [
  {
    name: 'created_at',
    type: 'string',
    description: 'When it was created (ISO 8601, UTC)',
    example: '2025-03-01T09:30:00.000Z',
  },
  {
    name: 'updated_at',
    type: 'string',
    description: 'When it was last changed (ISO 8601, UTC)',
    example: '2025-03-02T16:05:00.000Z',
  },
];

/** The fields of each item of an event's `dates`. */
export const eventDateFields: readonly FieldSpec[] = [
  { name: 'name', type: 'string', description: 'Name of this date (may be null)', example: 'Day 1' },
  { name: 'start', type: 'string', description: 'Start (ISO 8601)', example: '2025-06-12T18:00:00.000Z' },
  {
    name: 'end',
    type: 'string',
    description: 'End (ISO 8601, may be null)',
    example: '2025-06-12T21:00:00.000Z',
  },
  { name: 'time_zone', type: 'string', description: 'IANA time zone', example: 'Europe/Amsterdam' },
  {
    name: 'location',
    type: 'string',
    description: 'Where (may be null)',
    example: 'Pakhuis de Zwijger, Amsterdam',
  },
  {
    name: 'description',
    type: 'string',
    description: 'Details of this date (may be null)',
    example: 'Doors open at 17:30',
  },
];

/**
 * The catalog: every element type and its fields (snake_case, as on the wire).
 * Adding an element type = one entry here (plus its vocabulary entry and data type).
 */
export const ELEMENT_CATALOG: { readonly [E in ElementType]: readonly FieldSpec[] } = {
  group: [
    {
      name: 'id',
      type: 'string',
      description: 'Group id (UUID)',
      example: '5d0f6f2e-8a86-4c3e-9d4e-2b1f0c9a7e11',
    },
    { name: 'name', type: 'string', description: 'Group name', example: 'Amsterdam TypeScript Meetup' },
    {
      name: 'description',
      type: 'string',
      description: 'Group description (may be null)',
      example: 'Monthly talks about TypeScript.',
    },
    ...timestamps,
  ],
  event: [
    {
      name: 'id',
      type: 'string',
      description: 'Event id (UUID)',
      example: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
    },
    {
      name: 'group_id',
      type: 'string',
      description: 'Id of the group it belongs to (may be null)',
      example: '5d0f6f2e-8a86-4c3e-9d4e-2b1f0c9a7e11',
    },
    { name: 'title', type: 'string', description: 'Event title', example: 'TypeScript 6 launch party' },
    { name: 'status', type: 'string', description: "'draft' or 'published'", example: 'published' },
    {
      name: 'dates',
      type: 'array',
      description: 'Dates of the event, each with name, start, end, time_zone, location, description',
      example: [
        {
          name: 'Day 1',
          start: '2025-06-12T18:00:00.000Z',
          end: '2025-06-12T21:00:00.000Z',
          time_zone: 'Europe/Amsterdam',
          location: 'Pakhuis de Zwijger, Amsterdam',
          description: 'Doors open at 17:30',
        },
      ],
      fields: eventDateFields,
    },
    { name: 'rsvp_enabled', type: 'boolean', description: 'Whether sign-ups are open', example: true },
    {
      name: 'url',
      type: 'string',
      description: 'Public page of the event (may be null)',
      example: 'https://events.example.com/e/ts6-launch',
    },
    ...timestamps,
  ],
  rsvp: [
    {
      name: 'id',
      type: 'string',
      description: 'Sign-up id (UUID)',
      example: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
    },
    {
      name: 'event_id',
      type: 'string',
      description: 'Id of the event signed up for',
      example: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
    },
    { name: 'email', type: 'string', description: 'Email address of the person', example: 'ada@example.com' },
    { name: 'name', type: 'string', description: 'Name of the person', example: 'Ada Lovelace' },
    { name: 'status', type: 'string', description: "'yes', 'maybe' or 'no'", example: 'yes' },
    { name: 'seats', type: 'number', description: 'Number of seats taken', example: 2 },
    {
      name: 'fields',
      type: 'object',
      description: 'Custom form answers (name → string, number or boolean); use `default` for optional ones',
      example: { company: 'Analytical Engines Ltd', newsletter: true },
      openKeys: true,
    },
    ...timestamps,
  ],
};
