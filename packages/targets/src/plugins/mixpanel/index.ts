import type { ElementType, Trigger } from '@hookrelay/core';
import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { elementFieldNames } from '../shared/element-fields';
import { personTemplate } from '../shared/identity';
import { eventName } from '../shared/naming';

const HOSTS = {
  us: 'https://api.mixpanel.com',
  eu: 'https://api-eu.mixpanel.com',
  in: 'https://api-in.mixpanel.com',
} as const;

const SETTINGS: readonly SettingField[] = [
  {
    key: 'project_token',
    label: 'Project token',
    type: 'string',
    required: true,
    // Not a secret: Mixpanel project tokens are public by design (they ship in browser JS), and this one
    // travels base64-encoded inside the `data` query parameter, where log redaction could not hide it anyway.
    secret: false,
    example: '0123456789abcdef0123456789abcdef',
  },
  {
    key: 'region',
    label: 'Data residency',
    type: 'enum',
    required: false,
    options: Object.keys(HOSTS),
    default: 'us',
  },
];

/**
 * The event as one JSON object, built in Liquid with `json` (every value JSON-encoded) so that `time`
 * can be a number: Mixpanel deduplicates on event + distinct_id + time + $insert_id, so all four must
 * be the same on a retry. A delete has no timestamp of its own; the delivery's is the best there is.
 */
function eventJson(element: ElementType, trigger: Trigger): string {
  const time =
    trigger === 'delete'
      ? "{{ delivery.timestamp | date: '%s' }}"
      : `{{ ${trigger === 'create' ? 'created_at' : 'updated_at'} | date: '%s' }}`;
  const distinctId = personTemplate(element, trigger).known
    ? '{{ email | json }}'
    : `{{ '${element}-' | append: id | json }}`;
  const properties = [
    `"token":{{ settings.project_token | json }}`,
    `"time":${time}`,
    `"distinct_id":${distinctId}`,
    `"$insert_id":{{ delivery.id | json }}`,
    ...elementFieldNames(element, trigger).map((name) => `"${name}":{{ ${name} | json }}`),
  ];
  return `{"event":"${eventName(element, trigger)}","properties":{${properties.join(',')}}}`;
}

export const mixpanel: TargetPlugin = {
  kind: 'mixpanel',
  displayName: 'Mixpanel',
  category: 'analytics',
  description:
    'Tracks each change as an event ("RSVP Created") with $insert_id = delivery id, so retries count once.',
  docsUrl: 'https://docs.mixpanel.com/reference/track-event',
  settings: SETTINGS,
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ settings, element, trigger }) => ({
    // /track takes the event as base64 JSON in `data`; a GET carries the body pairs as the query.
    method: 'GET',
    url: `${HOSTS[settings.region === 'eu' ? 'eu' : settings.region === 'in' ? 'in' : 'us']}/track`,
    headers: [],
    body: [
      {
        key: 'data',
        value: `{% capture event %}${eventJson(element, trigger)}{% endcapture %}{{ event | base64_encode }}`,
      },
      // Don't geolocate the relay's own address; answer {"status":0,"error":...} rather than a bare 0.
      { key: 'ip', value: '0' },
      { key: 'verbose', value: '1' },
    ],
    includeElementData: false,
  }),
  // /track answers 200 even when it drops the event: `0`, or {"status":0,"error":"..."} with verbose=1.
  classifyResponse: ({ status, body }) => {
    if (status < 200 || status > 299) return undefined;
    const text = body.trim();
    if (text === '0') return { outcome: 'dead', reason: 'Mixpanel refused the event (answered 0)' };
    if (text.startsWith('{')) {
      try {
        const parsed = JSON.parse(text) as { status?: unknown; error?: unknown };
        if (parsed.status === 0) {
          return {
            outcome: 'dead',
            reason: `Mixpanel refused the event: ${String(parsed.error ?? 'unknown error')}`,
          };
        }
      } catch {
        return undefined;
      }
    }
    return undefined;
  },
};
