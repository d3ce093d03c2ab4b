import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { changeTimestamp, elementFieldPairs } from '../shared/element-fields';
import { personTemplate } from '../shared/identity';
import { snakeEventName } from '../shared/naming';
import { baseUrl } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'project_api_key',
    label: 'Project API key',
    type: 'string',
    required: true,
    secret: true,
    example: 'phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd',
  },
  {
    key: 'host',
    label: 'Ingestion host',
    type: 'url',
    required: false,
    default: 'https://us.i.posthog.com',
    description: 'https://eu.i.posthog.com for EU Cloud, or your own instance.',
  },
];

export const posthog: TargetPlugin = {
  kind: 'posthog',
  displayName: 'PostHog',
  category: 'analytics',
  description:
    'Captures each change as an event (rsvp_created); the event uuid is the delivery id, and RSVP people get $set.',
  docsUrl: 'https://posthog.com/docs/api/capture',
  settings: SETTINGS,
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ settings, element, trigger }) => {
    const person = personTemplate(element, trigger);
    return {
      method: 'POST',
      url: `${baseUrl(settings.host)}/i/v0/e/`,
      headers: [],
      body: [
        // The capture API authenticates by the key in the body (a write-only project key).
        { key: 'api_key', value: '{{settings.project_api_key}}' },
        { key: 'event', value: snakeEventName(element, trigger) },
        { key: 'distinct_id', value: person.value },
        // PostHog deduplicates on the event uuid: a retried delivery is stored once.
        { key: 'uuid', value: '{{delivery.id}}' },
        { key: 'timestamp', value: changeTimestamp(trigger) },
        ...elementFieldPairs({ element, trigger, prefix: 'properties' }),
        ...(person.known
          ? [
              { key: 'properties.$set.email', value: '{{email}}' },
              { key: 'properties.$set.name', value: '{{name}}' },
            ]
          : []),
      ],
      includeElementData: false,
    };
  },
};
