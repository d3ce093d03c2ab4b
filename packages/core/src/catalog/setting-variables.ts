import type { VariableInfo, VariableType } from './field-spec';

/**
 * One field of a target plugin's settings schema, as much of it as the variable list needs (the shape of
 * `SettingField` in @hookrelay/targets, which depends on core and so can't be imported here).
 */
export interface SettingVariableSource {
  key: string;
  label?: string;
  description?: string;
  /** `string`, `url`, `number`, `boolean` or `enum`. */
  type?: string;
  secret?: boolean;
  example?: string | number | boolean;
  default?: string | number | boolean;
}

function variableType(type: string | undefined): VariableType {
  return type === 'number' || type === 'boolean' ? type : 'string';
}

/**
 * `settings.<key>` for each setting of the schema. The example is the schema's own (never a webhook's
 * value), and a placeholder for a secret so the list never shows anything that looks like a credential.
 */
export function settingVariables(schema: readonly SettingVariableSource[]): VariableInfo[] {
  return schema.map((setting) => {
    const about = [setting.label, setting.description].filter((text) => text).join(': ');
    const secret = setting.secret ? ' (secret: masked in previews and logs)' : '';
    return {
      name: `settings.${setting.key}`,
      type: variableType(setting.type),
      description: `${about || `Target setting '${setting.key}'`}${secret}`,
      example: setting.secret ? '********' : (setting.example ?? setting.default ?? ''),
    };
  });
}
