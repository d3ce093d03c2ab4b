import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { snakeEventName } from '../shared/naming';
import { checkPatterns } from '../shared/patterns';
import { baseUrl } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'domain',
    label: 'Site domain',
    type: 'string',
    required: true,
    example: 'events.example.com',
    description: 'The site as registered in Plausible.',
  },
  { key: 'host', label: 'Plausible URL', type: 'url', required: false, default: 'https://plausible.io' },
];

export const plausible: TargetPlugin = {
  kind: 'plausible',
  displayName: 'Plausible',
  category: 'analytics',
  description: 'Records each change as a custom event (goal) with the element id and status as properties.',
  docsUrl: 'https://plausible.io/docs/events-api',
  settings: SETTINGS,
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      domain: { pattern: /^[a-z0-9.-]+$/i, message: 'must be a domain name like example.com' },
    }),
  ],
  prefill: ({ settings, element, trigger }) => ({
    method: 'POST',
    url: `${baseUrl(settings.host)}/api/event`,
    // Plausible requires a User-Agent and drops requests whose agent looks like a bot.
    headers: [{ key: 'User-Agent', value: 'Mozilla/5.0 (compatible; hookrelay)' }],
    body: [
      { key: 'name', value: snakeEventName(element, trigger) },
      { key: 'domain', value: '{{settings.domain}}' },
      { key: 'url', value: `https://{{settings.domain}}/${element}/{{id}}` },
      { key: 'props.id', value: '{{id}}' },
      ...(element !== 'group' && trigger !== 'delete' ? [{ key: 'props.status', value: '{{status}}' }] : []),
    ],
    includeElementData: false,
  }),
  // Plausible answers 202 even when it ignores the event, saying so in a header.
  classifyResponse: ({ status, headers }) =>
    status >= 200 && status < 300 && headers['x-plausible-dropped'] !== undefined
      ? { outcome: 'dead', reason: 'Plausible dropped the event (x-plausible-dropped)' }
      : undefined,
};
