import type { JsonObject } from '@hookrelay/core';
import type { FieldError } from '../../contract';
import { settingField } from '../../settings';

/** Field errors for settings present but not matching their pattern (missing ones are validateSettings' job). */
export function checkPatterns(
  settings: JsonObject,
  patterns: Record<string, { pattern: RegExp; message: string }>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, { pattern, message }] of Object.entries(patterns)) {
    const value = settings[key];
    if (typeof value === 'string' && value !== '' && !pattern.test(value)) {
      errors.push({ field: settingField(key), message });
    }
  }
  return errors;
}
