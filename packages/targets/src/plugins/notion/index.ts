import type { ElementType } from '@hookrelay/core';
import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';
import { checkPatterns } from '../shared/patterns';
import { textSummary } from '../shared/text-summary';

/** The API version this plugin's body follows (`parent.database_id`). */
export const NOTION_VERSION = '2022-06-28';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'access_token',
    label: 'Integration secret',
    type: 'string',
    required: true,
    secret: true,
    example: 'ntn_123456789012345678901234567890123456789012345',
    description: 'Of an internal integration the database is shared with.',
  },
  {
    key: 'database_id',
    label: 'Database ID',
    type: 'string',
    required: true,
    example: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    description: 'The 32 hex digits in the database URL.',
  },
  {
    key: 'title_property',
    label: 'Title property',
    type: 'string',
    required: false,
    default: 'Name',
    description: "The name of the database's title column.",
  },
];

const TITLES = {
  rsvp: '{{name}} ({{email}})',
  event: '{{title}}',
  group: '{{name}}',
} as const satisfies Record<ElementType, string>;

export const notion: TargetPlugin = {
  kind: 'notion',
  displayName: 'Notion',
  category: 'data',
  description: 'Adds a page to a database for each new element: the title column plus a summary paragraph.',
  docsUrl: 'https://developers.notion.com/reference/post-page',
  settings: SETTINGS,
  // Notion has no upsert by an outside id: updates would add duplicate pages.
  supports: { triggers: ['create'] },
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      database_id: {
        pattern: /^[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$/i,
        message: 'must be 32 hex digits',
      },
      // Written into a body key: no dots (they would nest), no leading/trailing spaces.
      title_property: { pattern: /^[^.\s](?:[^.]*[^.\s])?$/, message: 'must not contain dots' },
    }),
  ],
  prefill: ({ settings, element, trigger }) => ({
    method: 'POST',
    url: 'https://api.notion.com/v1/pages',
    headers: [bearerAuth('access_token'), { key: 'Notion-Version', value: NOTION_VERSION }],
    body: [
      { key: 'parent.database_id', value: '{{settings.database_id}}' },
      { key: `properties.${String(settings.title_property)}.title.0.text.content`, value: TITLES[element] },
      { key: 'children.0.object', value: 'block' },
      { key: 'children.0.type', value: 'paragraph' },
      { key: 'children.0.paragraph.rich_text.0.text.content', value: textSummary({ element, trigger }) },
    ],
    includeElementData: false,
  }),
};
