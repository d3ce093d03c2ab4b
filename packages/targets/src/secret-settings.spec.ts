import { describe, expect, it } from 'vitest';
import type { SettingField } from './contract';
import { isSecretSetting, mapSecretSettings, secretSettingKeys } from './secret-settings';

const schema: readonly SettingField[] = [
  { key: 'api_key', label: 'API key', type: 'string', required: true, secret: true },
  { key: 'webhook_url', label: 'URL', type: 'url', required: true, secret: true },
  { key: 'region', label: 'Region', type: 'enum', required: false, options: ['us', 'eu'] },
];

describe('secret settings', () => {
  it('lists the secret keys', () => {
    expect(secretSettingKeys(schema)).toEqual(['api_key', 'webhook_url']);
    expect(isSecretSetting(schema, 'api_key')).toBe(true);
    expect(isSecretSetting(schema, 'region')).toBe(false);
  });

  it('transforms only secret string values (e.g. to mask or encrypt them)', () => {
    const masked = mapSecretSettings({
      schema,
      settings: { api_key: 'sk_live_1234', region: 'eu' },
      transform: (value) => `••••${value.slice(-4)}`,
    });
    expect(masked).toEqual({ api_key: '••••1234', region: 'eu' });
  });
});
