import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { changeTimestamp, elementFieldPairs } from '../shared/element-fields';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'web_app_url',
    label: 'Apps Script web app URL',
    type: 'url',
    required: true,
    secret: true,
    example: 'https://script.google.com/macros/s/AKfycbx1234567890abcdefghijklmnopqrstuvwxyz/exec',
    description:
      'Deploy the script in this plugin\'s README as a web app ("Anyone") and paste its /exec URL.',
  },
  {
    key: 'shared_secret',
    label: 'Shared secret',
    type: 'string',
    required: true,
    secret: true,
    example: 'c2hhcmVkLXNlY3JldC1mb3Itc2hlZXRz',
    description:
      'The SECRET the script checks (Apps Script cannot read request headers, so it travels in the body).',
  },
];

/** Apps Script answers a POST with a 302 to script.googleusercontent.com once doPost has run. */
const SCRIPT_OUTPUT_HOST = /^https:\/\/script\.googleusercontent\.com\//;

export const googleSheets: TargetPlugin = {
  kind: 'google-sheets',
  displayName: 'Google Sheets',
  category: 'data',
  description:
    'Appends one row per change to a sheet through a small Apps Script web app (deduplicated by delivery id).',
  docsUrl: 'https://developers.google.com/apps-script/guides/web',
  settings: SETTINGS,
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ element, trigger }) => ({
    method: 'POST',
    url: '{{settings.web_app_url}}',
    headers: [],
    body: [
      { key: 'secret', value: '{{settings.shared_secret}}' },
      { key: 'delivery_id', value: '{{delivery.id}}' },
      { key: 'element', value: element },
      { key: 'trigger', value: trigger },
      { key: 'occurred_at', value: changeTimestamp(trigger) },
      ...elementFieldPairs({ element, trigger, prefix: 'row' }),
    ],
    includeElementData: false,
  }),
  classifyResponse: ({ status, headers, body }) => {
    // Redirects are not followed; this one only points at the script's output, so the row is written.
    if (status === 302 && SCRIPT_OUTPUT_HOST.test(headers.location ?? '')) return { outcome: 'delivered' };
    if (status === 200 && body.includes('"ok":false')) {
      return { outcome: 'dead', reason: `The Apps Script refused the row: ${body.slice(0, 200)}` };
    }
    return undefined;
  },
};
