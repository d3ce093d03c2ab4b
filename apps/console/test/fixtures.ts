import type { components } from '../src/api/schema';
import type { ConsoleSession, ElementType, ListedWebhook, Trigger, Variable } from '../src/api/types';

type Schemas = components['schemas'];

export const API_KEY = 'hr_test_0123456789abcdefghijklmnop';

export const SESSION: ConsoleSession = {
  account_id: '3f1c2b7a-5d4e-4f6a-9b8c-0d1e2f3a4b5c',
  csrf_token: 'csrf-5b8d0c3e9f',
  expires_at: '2030-01-01T00:00:00.000Z',
};

export function aWebhook(overrides: Partial<ListedWebhook> = {}): ListedWebhook {
  return {
    id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    name: 'Sign-ups to CRM',
    status: 'active',
    disabled_reason: null,
    trigger: 'create',
    element: 'rsvp',
    method: 'POST',
    url: 'https://crm.example.com/contacts',
    headers: [],
    body: [],
    include_element_data: true,
    target: null,
    retry_schedule: null,
    rate_limit: null,
    filter: [],
    destination: null,
    stats: { last_delivery: null, deliveries_24h: 0, delivered_24h: 0, dead_24h: 0, success_rate_24h: null },
    ordering: 'none',
    retired_secrets: [],
    previous_secret_expires_at: null,
    created_at: '2026-01-01T10:00:00.000Z',
    updated_at: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

const META: Variable[] = [
  { name: 'delivery.id', type: 'string', description: 'Delivery id', example: '0b6f7c1e' },
  { name: 'webhook.name', type: 'string', description: 'Webhook name', example: 'Sign-ups to CRM' },
  { name: 'trigger', type: 'string', description: 'The trigger', example: 'create' },
];

const ELEMENT_VARIABLES: Record<ElementType, Variable[]> = {
  rsvp: [
    { name: 'id', type: 'string', description: 'Sign-up id (UUID)', example: 'c3d4e5f6' },
    { name: 'email', type: 'string', description: 'Email address of the person', example: 'ada@example.com' },
    { name: 'seats', type: 'number', description: 'Seats taken', example: 2 },
    { name: 'status', type: 'string', description: 'yes, maybe or no', example: 'yes' },
    { name: 'event.title', type: 'string', description: 'Event title', example: 'TypeScript 6 launch party' },
  ],
  event: [
    { name: 'id', type: 'string', description: 'Event id (UUID)', example: '9b2c4e1a' },
    { name: 'title', type: 'string', description: 'Event title', example: 'TypeScript 6 launch party' },
    { name: 'group.name', type: 'string', description: 'Group name', example: 'Amsterdam TS' },
  ],
  group: [
    { name: 'id', type: 'string', description: 'Group id (UUID)', example: '5d0f6f2e' },
    { name: 'name', type: 'string', description: 'Group name', example: 'Amsterdam TS' },
  ],
};

/** The catalog as GET /v1/variables answers it: a delete knows only the element's id. */
export function variablesOf(element: ElementType, trigger: Trigger): Schemas['VariablesResponse'] {
  const own = ELEMENT_VARIABLES[element];
  const variables = trigger === 'delete' ? own.filter((variable) => variable.name === 'id') : own;
  return { element, trigger, target: null, variables: [...variables, ...META] };
}
