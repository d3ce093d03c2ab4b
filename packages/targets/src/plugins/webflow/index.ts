import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';
import { titleTemplate } from '../shared/element-fields';
import { checkPatterns } from '../shared/patterns';
import { pathSegment } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'api_token',
    label: 'Site API token',
    type: 'string',
    required: true,
    secret: true,
    example: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2',
    description: 'With the CMS:write scope.',
  },
  {
    key: 'collection_id',
    label: 'Collection ID',
    type: 'string',
    required: true,
    example: '580e63fc8c9a982ac9b8b745',
  },
  {
    key: 'publish',
    label: 'Publish immediately',
    type: 'boolean',
    required: false,
    default: false,
    description: 'Create live items instead of staged ones.',
  },
];

export const webflow: TargetPlugin = {
  kind: 'webflow',
  displayName: 'Webflow CMS',
  category: 'cms',
  description:
    'Creates a CMS collection item (name and slug; slug = element id) for each new element (Data API v2).',
  docsUrl: 'https://developers.webflow.com/data/reference/cms/collection-items/staged-items/create-item',
  settings: SETTINGS,
  // Updating needs Webflow's own item id, which the element does not know.
  supports: { triggers: ['create'] },
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      collection_id: { pattern: /^[0-9a-f]{24}$/, message: 'must be 24 hex digits' },
    }),
  ],
  prefill: ({ settings, element }) => ({
    method: 'POST',
    url: `https://api.webflow.com/v2/collections/${pathSegment(settings.collection_id)}/items${settings.publish === true ? '/live' : ''}`,
    headers: [bearerAuth('api_token')],
    body: [
      { key: 'fieldData.name', value: titleTemplate(element) },
      // Unique per element, so a repeated create fails on the slug instead of adding a twin.
      { key: 'fieldData.slug', value: '{{id}}' },
    ],
    includeElementData: false,
  }),
};
