import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { changeTimestamp, elementFieldPairs } from '../shared/element-fields';
import { personTemplate } from '../shared/identity';
import { eventName } from '../shared/naming';

const HOSTS = { us: 'https://api2.amplitude.com', eu: 'https://api.eu.amplitude.com' } as const;

const SETTINGS: readonly SettingField[] = [
  {
    key: 'api_key',
    label: 'API key',
    type: 'string',
    required: true,
    secret: true,
    example: '0123456789abcdef0123456789abcdef',
  },
  {
    key: 'region',
    label: 'Data center',
    type: 'enum',
    required: false,
    options: Object.keys(HOSTS),
    default: 'us',
  },
];

export const amplitude: TargetPlugin = {
  kind: 'amplitude',
  displayName: 'Amplitude',
  category: 'analytics',
  description:
    'Sends each change as an event through the HTTP V2 API with insert_id = delivery id (deduplicated for 7 days).',
  docsUrl: 'https://amplitude.com/docs/apis/analytics/http-v2',
  settings: SETTINGS,
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ settings, element, trigger }) => {
    const person = personTemplate(element, trigger);
    return {
      method: 'POST',
      url: `${settings.region === 'eu' ? HOSTS.eu : HOSTS.us}/2/httpapi`,
      headers: [],
      body: [
        // The HTTP V2 API authenticates by the key in the body.
        { key: 'api_key', value: '{{settings.api_key}}' },
        // user_id must be at least 5 characters: an email or `<element>-<uuid>` always is.
        { key: 'events.0.user_id', value: person.value },
        { key: 'events.0.event_type', value: eventName(element, trigger) },
        { key: 'events.0.insert_id', value: '{{delivery.id}}' },
        ...elementFieldPairs({ element, trigger, prefix: 'events.0.event_properties' }),
        { key: 'events.0.event_properties.occurred_at', value: changeTimestamp(trigger) },
        ...(person.known
          ? [
              { key: 'events.0.user_properties.email', value: '{{email}}' },
              { key: 'events.0.user_properties.name', value: '{{name}}' },
            ]
          : []),
      ],
      includeElementData: false,
    };
  },
};
