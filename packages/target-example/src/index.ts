import type { FieldError, Prefill, SettingField, TargetPlugin } from '@hookrelay/targets';

/**
 * An example third-party target plugin, published as its own npm package. It depends on
 * @hookrelay/targets for types only: a plugin is a plain object, so it needs nothing at run time.
 * Enable it with HOOKRELAY_TARGET_PLUGINS=hookrelay-target-example.
 */

const SETTINGS: readonly SettingField[] = [
  {
    key: 'server_url',
    label: 'Server URL',
    type: 'url',
    required: false,
    default: 'https://ntfy.sh',
    description: 'ntfy.sh or your own ntfy server.',
  },
  { key: 'topic', label: 'Topic', type: 'string', required: true, description: 'Letters, digits, _ and -.' },
  {
    key: 'access_token',
    label: 'Access token',
    type: 'string',
    required: false,
    secret: true,
    description: 'tk_… for protected topics.',
  },
];

const TOPIC = /^[A-Za-z0-9_-]{1,64}$/;

function validate(settings: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(settings)) {
    if (!SETTINGS.some((field) => field.key === key)) {
      errors.push({ field: `target.settings.${key}`, message: 'is not a setting of this target' });
    }
  }
  const { topic, server_url: serverUrl, access_token: token } = settings;
  if (topic === undefined || topic === null || topic === '') {
    errors.push({ field: 'target.settings.topic', message: 'is required' });
  } else if (typeof topic !== 'string' || !TOPIC.test(topic)) {
    errors.push({ field: 'target.settings.topic', message: 'must be 1-64 letters, digits, _ or -' });
  }
  if (serverUrl !== undefined && !(typeof serverUrl === 'string' && /^https?:\/\/[^/]+/.test(serverUrl))) {
    errors.push({ field: 'target.settings.server_url', message: 'must be an http(s) URL' });
  }
  if (token !== undefined && typeof token !== 'string') {
    errors.push({ field: 'target.settings.access_token', message: 'must be a string' });
  }
  return errors;
}

const TITLES = { create: 'New', update: 'Updated', delete: 'Deleted' } as const;

export const plugin: TargetPlugin = {
  kind: 'ntfy',
  displayName: 'ntfy (example plugin)',
  category: 'notification',
  description: 'Push notifications to phones and desktops through an ntfy topic.',
  docsUrl: 'https://docs.ntfy.sh/publish/#publish-as-json',
  settings: SETTINGS,
  validate,
  prefill: ({ settings, element, trigger }): Prefill => ({
    method: 'POST',
    // ntfy's JSON publishing goes to the server root, with the topic in the body.
    url: '{{settings.server_url}}',
    headers:
      typeof settings.access_token === 'string' && settings.access_token !== ''
        ? [{ key: 'Authorization', value: 'Bearer {{settings.access_token}}', secret: true }]
        : [],
    body: [
      { key: 'topic', value: '{{settings.topic}}' },
      { key: 'title', value: `${TITLES[trigger]} ${element}` },
      { key: 'message', value: trigger === 'delete' ? `${element} {{id}} was deleted` : messageFor(element) },
      { key: 'tags.0', value: element },
    ],
    includeElementData: false,
  }),
};

function messageFor(element: 'group' | 'event' | 'rsvp'): string {
  switch (element) {
    case 'rsvp':
      return '{{name}} ({{email}}) answered {{status}} for {{seats}} seat(s)';
    case 'event':
      return '{{title}} ({{status}})';
    case 'group':
      return '{{name}}';
  }
}

export default plugin;
