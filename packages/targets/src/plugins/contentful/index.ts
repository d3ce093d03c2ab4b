import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';
import { contentFieldNames } from '../shared/element-fields';
import { checkPatterns } from '../shared/patterns';
import { pathSegment } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  { key: 'space_id', label: 'Space ID', type: 'string', required: true, example: 'yadj1kx9rmg0' },
  { key: 'environment', label: 'Environment', type: 'string', required: false, default: 'master' },
  {
    key: 'management_token',
    label: 'Content Management API token',
    type: 'string',
    required: true,
    secret: true,
    example: 'CFPAT-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
  },
  {
    key: 'content_type_id',
    label: 'Content type ID',
    type: 'string',
    required: true,
    example: 'event',
    description: 'Its field IDs must match the element fields listed in the README.',
  },
  { key: 'locale', label: 'Locale', type: 'string', required: false, default: 'en-US' },
];

const ID = /^[A-Za-z0-9._-]{1,64}$/;

export const contentful: TargetPlugin = {
  kind: 'contentful',
  displayName: 'Contentful',
  category: 'cms',
  description:
    'Creates a draft entry whose entry ID is the element id (PUT), so a repeated create cannot duplicate it.',
  docsUrl:
    'https://www.contentful.com/developers/docs/references/content-management-api/#/reference/entries/entry/create-update-an-entry',
  settings: SETTINGS,
  // Updating an entry needs its current version (X-Contentful-Version), which only Contentful knows.
  supports: { triggers: ['create'] },
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      space_id: { pattern: ID, message: 'must be a Contentful ID' },
      environment: { pattern: ID, message: 'must be a Contentful ID' },
      content_type_id: { pattern: ID, message: 'must be a Contentful ID' },
      locale: { pattern: /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/, message: 'must be a locale code like en-US' },
    }),
  ],
  prefill: ({ settings, element }) => ({
    method: 'PUT',
    url: `https://api.contentful.com/spaces/${pathSegment(settings.space_id)}/environments/${pathSegment(settings.environment)}/entries/{{id}}`,
    headers: [
      bearerAuth('management_token'),
      { key: 'Content-Type', value: 'application/vnd.contentful.management.v1+json' },
      { key: 'X-Contentful-Content-Type', value: '{{settings.content_type_id}}' },
    ],
    // Locale validated above, so it can be part of the keys: fields.<field>.<locale>.
    body: contentFieldNames(element).map((name) => ({
      key: `fields.${name}.${String(settings.locale)}`,
      value: `{{${name}}}`,
    })),
    includeElementData: false,
  }),
  // A retried create finds the entry it already made: the entry ID is the element id, so it is ours.
  classifyResponse: ({ status, body }) =>
    status === 409 && body.includes('VersionMismatch') ? { outcome: 'delivered' } : undefined,
};
