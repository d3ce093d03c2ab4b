import { describe, expect, it } from 'vitest';
import type { SettingField } from './contract';
import { applySettingDefaults, validateSettings } from './settings';

const schema: readonly SettingField[] = [
  { key: 'api_key', label: 'API key', type: 'string', required: true, secret: true },
  { key: 'base_url', label: 'Base URL', type: 'url', required: false, default: 'https://api.example.com' },
  { key: 'region', label: 'Region', type: 'enum', required: false, options: ['us', 'eu'], default: 'us' },
  { key: 'limit', label: 'Limit', type: 'number', required: false },
  { key: 'dry_run', label: 'Dry run', type: 'boolean', required: false },
];

describe('validateSettings', () => {
  it('accepts valid settings', () => {
    expect(
      validateSettings(schema, {
        api_key: 'k',
        base_url: 'http://x.test/a',
        region: 'eu',
        limit: 3,
        dry_run: false,
      }),
    ).toEqual([]);
  });

  it('reports each missing required field, blank counting as missing', () => {
    expect(validateSettings(schema, {})).toEqual([
      { field: 'target.settings.api_key', message: 'is required' },
    ]);
    expect(validateSettings(schema, { api_key: '' })).toEqual([
      { field: 'target.settings.api_key', message: 'is required' },
    ]);
    expect(validateSettings(schema, { api_key: null })).toEqual([
      { field: 'target.settings.api_key', message: 'is required' },
    ]);
  });

  it('reports wrong types, bad URLs, values outside an enum and unknown keys', () => {
    expect(
      validateSettings(schema, {
        api_key: 42,
        base_url: 'ftp://x.test',
        region: 'mars',
        limit: '3',
        dry_run: 'yes',
        typo: 'x',
      }),
    ).toEqual([
      { field: 'target.settings.typo', message: 'is not a setting of this target' },
      { field: 'target.settings.api_key', message: 'must be a string' },
      { field: 'target.settings.base_url', message: 'must be an http(s) URL' },
      { field: 'target.settings.region', message: 'must be one of: us, eu' },
      { field: 'target.settings.limit', message: 'must be a number' },
      { field: 'target.settings.dry_run', message: 'must be true or false' },
    ]);
  });

  it('does not treat prototype names as settings', () => {
    expect(validateSettings(schema, JSON.parse('{"api_key":"k","__proto__":{"x":1}}'))).toEqual([
      { field: 'target.settings.__proto__', message: 'is not a setting of this target' },
    ]);
  });
});

describe('applySettingDefaults', () => {
  it('fills absent or blank settings that have a default, and keeps the rest', () => {
    expect(applySettingDefaults(schema, { api_key: 'k', region: '' })).toEqual({
      api_key: 'k',
      base_url: 'https://api.example.com',
      region: 'us',
    });
  });
});
