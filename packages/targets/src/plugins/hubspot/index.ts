import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'access_token',
    label: 'Private app access token',
    type: 'string',
    required: true,
    secret: true,
    example: 'pat-na1-11111111-2222-3333-4444-555555555555',
    description: 'A private app token with the crm.objects.contacts.write scope.',
  },
];

export const hubspot: TargetPlugin = {
  kind: 'hubspot',
  displayName: 'HubSpot contacts',
  category: 'crm',
  description: 'Creates or updates the RSVP person as a HubSpot contact, matched on email (batch upsert).',
  docsUrl:
    'https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/batch/upsert-contacts',
  settings: SETTINGS,
  // A deleted RSVP is no reason to delete a person from the CRM.
  supports: { elements: ['rsvp'], triggers: ['create', 'update'] },
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: () => ({
    method: 'POST',
    url: 'https://api.hubapi.com/crm/v3/objects/contacts/batch/upsert',
    headers: [bearerAuth('access_token')],
    body: [
      { key: 'inputs.0.idProperty', value: 'email' },
      { key: 'inputs.0.id', value: '{{email}}' },
      { key: 'inputs.0.properties.email', value: '{{email}}' },
      { key: 'inputs.0.properties.firstname', value: "{{ name | split: ' ' | first }}" },
      { key: 'inputs.0.properties.lastname', value: "{{ name | split: ' ' | slice: 1, 100 | join: ' ' }}" },
    ],
    includeElementData: false,
  }),
  // Batch endpoints answer 207 Multi-Status when some inputs failed: for our single input, that is a failure.
  classifyResponse: ({ status, body }) =>
    status === 207
      ? { outcome: 'dead', reason: `HubSpot rejected the contact: ${firstErrorMessage(body)}` }
      : undefined,
};

function firstErrorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: unknown }[] };
    const message = parsed.errors?.[0]?.message;
    if (typeof message === 'string') return message;
  } catch {
    // Truncated or not JSON: fall through.
  }
  return 'multi-status response with errors';
}
