import type { ElementType, Trigger } from '@hookrelay/core';
import type { Prefill, SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { changeTimestamp, elementFieldPairs } from '../shared/element-fields';
import { eventName } from '../shared/naming';

const REGION_HOSTS = {
  us: 'https://api.segment.io',
  eu: 'https://events.eu1.segmentapis.com',
} as const;

const SETTINGS: readonly SettingField[] = [
  {
    key: 'write_key',
    label: 'Write key',
    type: 'string',
    required: true,
    secret: true,
    example: 'wk_9f8e7d6c5b4a',
    description: 'Of an HTTP API source.',
  },
  {
    key: 'region',
    label: 'Region',
    type: 'enum',
    required: false,
    options: Object.keys(REGION_HOSTS),
    default: 'us',
    description: 'EU workspaces must use the EU endpoint, or events silently never appear.',
  },
  {
    key: 'call',
    label: 'Call',
    type: 'enum',
    required: false,
    options: ['track', 'identify'],
    default: 'track',
    description:
      '`identify` sends the RSVP person (email, name) as traits; other elements are always tracked.',
  },
];

/** An RSVP's person is the user; other changes (and a deleted RSVP, whose email is gone) are anonymous. */
function identity(element: ElementType, trigger: Trigger): Prefill['body'][number] {
  return element === 'rsvp' && trigger !== 'delete'
    ? { key: 'userId', value: '{{email}}' }
    : { key: 'anonymousId', value: `${element}-{{id}}` };
}

export const segment: TargetPlugin = {
  kind: 'segment',
  displayName: 'Segment',
  category: 'analytics',
  description: 'Sends each change as a Segment track call ("RSVP Created"), or identify for RSVP people.',
  docsUrl: 'https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/server/http-api',
  settings: SETTINGS,
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ settings, element, trigger }) => {
    const host = settings.region === 'eu' ? REGION_HOSTS.eu : REGION_HOSTS.us;
    const identify = settings.call === 'identify' && element === 'rsvp' && trigger !== 'delete';
    const common = [
      identity(element, trigger),
      // Segment deduplicates on messageId: a retried delivery is counted once.
      { key: 'messageId', value: '{{delivery.id}}' },
      { key: 'timestamp', value: changeTimestamp(trigger) },
    ];
    const body = identify
      ? [
          ...common,
          { key: 'traits.email', value: '{{email}}' },
          { key: 'traits.name', value: '{{name}}' },
          { key: 'traits.rsvp_status', value: '{{status}}' },
        ]
      : [
          ...common,
          { key: 'event', value: eventName(element, trigger) },
          ...elementFieldPairs({ element, trigger, prefix: 'properties' }),
        ];
    return {
      method: 'POST',
      url: `${host}/v1/${identify ? 'identify' : 'track'}`,
      // Basic auth with the write key as user name and an empty password (note the colon).
      headers: [
        {
          key: 'Authorization',
          value: "Basic {{ settings.write_key | append: ':' | base64_encode }}",
          secret: true,
        },
      ],
      body,
      includeElementData: false,
    };
  },
};
