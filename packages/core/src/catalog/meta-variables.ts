import type { FieldSpec } from './field-spec';

/** Names that are never element fields: meta variables own them in the template scope. */
export const META_VARIABLES: readonly FieldSpec[] = [
  {
    name: 'delivery',
    type: 'object',
    description: 'The delivery',
    example: { id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e', timestamp: '2025-03-02T16:05:01.000Z' },
    fields: [
      {
        name: 'id',
        type: 'string',
        description: 'Delivery id, stable across retries (also webhook-id)',
        example: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
      },
      {
        name: 'timestamp',
        type: 'string',
        description: 'When this attempt was rendered (ISO 8601, UTC)',
        example: '2025-03-02T16:05:01.000Z',
      },
    ],
  },
  {
    name: 'webhook',
    type: 'object',
    description: 'The webhook',
    example: { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', name: 'Sign-ups to CRM' },
    fields: [
      {
        name: 'id',
        type: 'string',
        description: 'Webhook id',
        example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
      },
      { name: 'name', type: 'string', description: 'Webhook name', example: 'Sign-ups to CRM' },
    ],
  },
  { name: 'trigger', type: 'string', description: "'create', 'update' or 'delete'", example: 'create' },
  {
    name: 'element',
    type: 'string',
    description: "The element type: 'group', 'event' or 'rsvp'",
    example: 'rsvp',
  },
  {
    name: 'settings',
    type: 'object',
    description: "The target plugin's settings (settings.<key>)",
    example: {},
    openKeys: true,
  },
];
