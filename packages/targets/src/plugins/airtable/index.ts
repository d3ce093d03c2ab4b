import type { ElementType } from '@hookrelay/core';
import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';
import { checkPatterns } from '../shared/patterns';
import { pathSegment } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'access_token',
    label: 'Personal access token',
    type: 'string',
    required: true,
    secret: true,
    example: 'patAbCdEfGhIjKlMn.0123456789abcdef',
    description: 'With the data.records:write scope on the base.',
  },
  { key: 'base_id', label: 'Base ID', type: 'string', required: true, example: 'appAbCdEfGhIjKlMn' },
  {
    key: 'table',
    label: 'Table name or ID',
    type: 'string',
    required: true,
    example: 'RSVPs',
    description: 'The table needs the fields listed in the README (e.g. a text field `rsvp_id`).',
  },
];

/** The columns written, per element; the first is the merge key (the element's id). */
const COLUMNS = {
  rsvp: [
    ['rsvp_id', '{{id}}'],
    ['event_id', '{{event_id}}'],
    ['email', '{{email}}'],
    ['name', '{{name}}'],
    ['status', '{{status}}'],
    ['seats', '{{seats}}'],
    ['created_at', '{{created_at}}'],
    ['updated_at', '{{updated_at}}'],
  ],
  event: [
    ['event_id', '{{id}}'],
    ['title', '{{title}}'],
    ['status', '{{status}}'],
    ['url', '{{url}}'],
    ['rsvp_enabled', '{{rsvp_enabled}}'],
    ['created_at', '{{created_at}}'],
    ['updated_at', '{{updated_at}}'],
  ],
  group: [
    ['group_id', '{{id}}'],
    ['name', '{{name}}'],
    ['description', '{{description}}'],
    ['created_at', '{{created_at}}'],
    ['updated_at', '{{updated_at}}'],
  ],
} as const satisfies Record<ElementType, readonly (readonly [string, string])[]>;

export const airtable: TargetPlugin = {
  kind: 'airtable',
  displayName: 'Airtable',
  category: 'data',
  description:
    'Creates or updates one record per element, matched on its id (`rsvp_id`, `event_id`, `group_id`).',
  docsUrl: 'https://airtable.com/developers/web/api/update-multiple-records',
  settings: SETTINGS,
  supports: { triggers: ['create', 'update'] },
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      base_id: { pattern: /^app[A-Za-z0-9]{14}$/, message: 'must look like appXXXXXXXXXXXXXX' },
    }),
  ],
  prefill: ({ settings, element }) => {
    const columns = COLUMNS[element];
    return {
      method: 'PATCH',
      url: `https://api.airtable.com/v0/${pathSegment(settings.base_id)}/${pathSegment(settings.table)}`,
      headers: [bearerAuth('access_token')],
      body: [
        // Upsert: a retried or repeated delivery updates the same record instead of adding one.
        { key: 'performUpsert.fieldsToMergeOn.0', value: columns[0][0] },
        ...columns.map(([column, value]) => ({ key: `records.0.fields.${column}`, value })),
      ],
      includeElementData: false,
    };
  },
};
