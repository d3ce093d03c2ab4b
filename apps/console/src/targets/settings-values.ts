import type { SettingField } from '../api/types';

/** What a settings input holds: text for text-like fields, a flag for booleans. */
export type SettingInput = string | boolean;

export function initialSettingInputs(fields: readonly SettingField[]): Record<string, SettingInput> {
  return Object.fromEntries(
    fields.map((field) => [
      field.key,
      field.type === 'boolean'
        ? field.default === true
        : field.default === undefined || field.default === null
          ? ''
          : String(field.default),
    ]),
  );
}

/** The settings object the API validates: numbers as numbers, empty optional fields left out. */
export function toSettings(
  fields: readonly SettingField[],
  inputs: Readonly<Record<string, SettingInput>>,
): Record<string, string | number | boolean> {
  const settings: Record<string, string | number | boolean> = Object.create(null);
  for (const field of fields) {
    const input = inputs[field.key];
    if (typeof input === 'boolean') {
      settings[field.key] = input;
      continue;
    }
    const text = (input ?? '').trim();
    if (text === '') continue;
    settings[field.key] = field.type === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return settings;
}
