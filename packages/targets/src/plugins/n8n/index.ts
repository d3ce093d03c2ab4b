import type { SettingField, TargetPlugin } from '../../contract';
import { settingField } from '../../settings';
import { catchHookPlugin } from '../shared/catch-hook';

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const AUTH_SETTINGS: readonly SettingField[] = [
  {
    key: 'auth_header_name',
    label: 'Auth header name',
    type: 'string',
    required: false,
    description: 'With the Webhook node\'s "Header Auth": the header name of its credential.',
  },
  {
    key: 'auth_header_value',
    label: 'Auth header value',
    type: 'string',
    required: false,
    secret: true,
    description: 'The header value of that credential.',
  },
];

const base = catchHookPlugin({
  kind: 'n8n',
  displayName: 'n8n',
  description: 'Starts an n8n workflow through its Webhook node (optionally with Header Auth).',
  docsUrl: 'https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.webhook/',
  urlExample: 'https://n8n.example.com/webhook/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  urlDescription: 'The production URL of the Webhook node (the workflow must be active).',
  extraSettings: AUTH_SETTINGS,
});

export const n8n: TargetPlugin = {
  ...base,
  validate: (settings) => {
    const errors = base.validate(settings);
    const name = settings.auth_header_name;
    const value = settings.auth_header_value;
    if (typeof name === 'string' && name !== '' && !HEADER_NAME.test(name)) {
      errors.push({ field: settingField('auth_header_name'), message: 'must be a valid HTTP header name' });
    }
    if (Boolean(name) !== Boolean(value)) {
      const missing = name ? 'auth_header_value' : 'auth_header_name';
      errors.push({
        field: settingField(missing),
        message: 'is required when the other auth header setting is set',
      });
    }
    return errors;
  },
  prefill: (input) => {
    const prefill = base.prefill(input);
    const name = input.settings.auth_header_name;
    // The name was validated as an HTTP token, so it is safe to write literally.
    if (typeof name === 'string' && name !== '') {
      prefill.headers.push({ key: name, value: '{{settings.auth_header_value}}', secret: true });
    }
    return prefill;
  },
};
