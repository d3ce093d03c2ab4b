import type { Trigger } from '@hookrelay/core';
import type { Prefill, SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';
import { elementFieldNames } from '../shared/element-fields';
import { checkPatterns } from '../shared/patterns';
import { baseUrl, pathSegment } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'base_url',
    label: 'Directus URL',
    type: 'url',
    required: true,
    example: 'https://directus.example.com',
  },
  {
    key: 'access_token',
    label: 'Static token',
    type: 'string',
    required: true,
    secret: true,
    example: 'u7Gk2mQ9xR4tW1yZ3aB5cD7eF9hJ0kL2',
    description: "A user's static token with create/update/delete on the collection.",
  },
  {
    key: 'collection',
    label: 'Collection',
    type: 'string',
    required: true,
    example: 'rsvps',
    description: 'Its primary key `id` must be a manually entered UUID/string, so items keep the element id.',
  },
];

const METHODS = { create: 'POST', update: 'PATCH', delete: 'DELETE' } as const satisfies Record<
  Trigger,
  Prefill['method']
>;

export const directus: TargetPlugin = {
  kind: 'directus',
  displayName: 'Directus',
  category: 'cms',
  description:
    'Mirrors elements into a collection whose primary key is the element id: create, update and delete.',
  docsUrl: 'https://directus.io/docs/api/items',
  settings: SETTINGS,
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      collection: { pattern: /^[A-Za-z0-9_-]+$/, message: 'must be a collection name' },
    }),
  ],
  prefill: ({ settings, element, trigger }) => {
    const collection = `${baseUrl(settings.base_url)}/items/${pathSegment(settings.collection)}`;
    const fields =
      trigger === 'delete'
        ? []
        : elementFieldNames(element, trigger).filter((name) => trigger === 'create' || name !== 'id');
    return {
      method: METHODS[trigger],
      url: trigger === 'create' ? collection : `${collection}/{{id}}`,
      headers: [bearerAuth('access_token')],
      body: fields.map((name) => ({ key: name, value: `{{${name}}}` })),
      includeElementData: false,
    };
  },
};
