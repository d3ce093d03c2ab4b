import type { JsonObject, JsonValue } from '@hookrelay/core';
import type { FieldError, SettingField } from './contract';

/** The field name an error about setting `key` carries, as the API reports it. */
export function settingField(key: string): string {
  return `target.settings.${key}`;
}

/**
 * Generic validation of settings against a plugin's schema: unknown keys, required, type, url, enum.
 * Plugins' `validate()` start from this and add their own rules.
 */
export function validateSettings(schema: readonly SettingField[], settings: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(schema.map((field) => field.key));
  for (const key of Object.keys(settings)) {
    if (!known.has(key))
      errors.push({ field: settingField(key), message: 'is not a setting of this target' });
  }
  for (const field of schema) {
    const value = Object.hasOwn(settings, field.key) ? settings[field.key] : undefined;
    if (isBlank(value)) {
      if (field.required) errors.push({ field: settingField(field.key), message: 'is required' });
      continue;
    }
    const problem = checkSettingValue(field, value);
    if (problem) errors.push({ field: settingField(field.key), message: problem });
  }
  return errors;
}

/** Settings with defaults filled in for absent keys, so templates may reference every defaulted key. */
export function applySettingDefaults(schema: readonly SettingField[], settings: JsonObject): JsonObject {
  const result: JsonObject = { ...settings };
  for (const field of schema) {
    if (field.default !== undefined && isBlank(result[field.key])) result[field.key] = field.default;
  }
  return result;
}

function isBlank(value: JsonValue | undefined): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

function checkSettingValue(field: SettingField, value: JsonValue): string | undefined {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'url':
      return typeof value === 'string' && isHttpUrl(value) ? undefined : 'must be an http(s) URL';
    case 'enum':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? undefined
        : `must be one of: ${(field.options ?? []).join(', ')}`;
  }
}

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}
