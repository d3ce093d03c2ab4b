import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';
import { contentFieldNames } from '../shared/element-fields';
import { checkPatterns } from '../shared/patterns';
import { baseUrl, pathSegment } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  { key: 'base_url', label: 'Strapi URL', type: 'url', required: true, example: 'https://cms.example.com' },
  {
    key: 'api_token',
    label: 'API token',
    type: 'string',
    required: true,
    secret: true,
    example: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
    description: 'Settings → API Tokens, with create permission on the collection.',
  },
  {
    key: 'collection',
    label: 'Collection (plural API ID)',
    type: 'string',
    required: true,
    example: 'events',
    description: 'Its content type needs `external_id` (text) plus the fields listed in the README.',
  },
];

export const strapi: TargetPlugin = {
  kind: 'strapi',
  displayName: 'Strapi',
  category: 'cms',
  description: 'Creates an entry in a collection type for each new element (REST API, `data` wrapper).',
  docsUrl: 'https://docs.strapi.io/cms/api/rest#create',
  settings: SETTINGS,
  // Updating needs Strapi's own documentId, which the element does not know.
  supports: { triggers: ['create'] },
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      collection: { pattern: /^[a-z][a-z0-9-]*$/, message: 'must be a plural API ID like "events"' },
    }),
  ],
  prefill: ({ settings, element }) => ({
    method: 'POST',
    url: `${baseUrl(settings.base_url)}/api/${pathSegment(settings.collection)}`,
    headers: [bearerAuth('api_token')],
    body: [
      // `id` is Strapi's own; the element id goes to external_id.
      { key: 'data.external_id', value: '{{id}}' },
      ...contentFieldNames(element).map((name) => ({ key: `data.${name}`, value: `{{${name}}}` })),
    ],
    includeElementData: false,
  }),
};
