import type { JsonObject } from '@hookrelay/core';
import type { SettingField } from './contract';

/** Keys of the settings that are secret: encrypted at rest, masked in responses. */
export function secretSettingKeys(schema: readonly SettingField[]): string[] {
  return schema.filter((field) => field.secret === true).map((field) => field.key);
}

export function isSecretSetting(schema: readonly SettingField[], key: string): boolean {
  return schema.some((field) => field.key === key && field.secret === true);
}

/**
 * A copy of settings whose secret string values went through `transform` (encrypt, decrypt, mask);
 * other values are copied as they are.
 */
export function mapSecretSettings(input: {
  schema: readonly SettingField[];
  settings: JsonObject;
  transform: (value: string, key: string) => string;
}): JsonObject {
  const secret = new Set(secretSettingKeys(input.schema));
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(input.settings)) {
    result[key] = secret.has(key) && typeof value === 'string' ? input.transform(value, key) : value;
  }
  return result;
}
