import type { ElementType, Trigger } from '../domain/vocabulary';
import type { FieldSpec, VariableInfo } from './field-spec';
import { META_VARIABLES } from './meta-variables';
import { elementFields, snapshotFields } from './scope-fields';
import { settingVariables, type SettingVariableSource } from './setting-variables';

export interface ListVariablesOptions {
  /** The target plugin's settings schema: lists `settings.<key>` per key instead of `settings`. */
  settings?: readonly SettingVariableSource[];
}

function toInfo(field: FieldSpec, name: string): VariableInfo {
  return { name, type: field.type, description: field.description, example: field.example };
}

/**
 * Objects with known sub-fields are listed by their leaves (`delivery.id`); a list with known item
 * fields is listed as itself and then by its first item's fields (`dates[0].start`); others as themselves.
 */
function flatten(fields: readonly FieldSpec[], prefix: string): VariableInfo[] {
  return fields.flatMap((field) => {
    const name = prefix + field.name;
    if (field.type === 'object' && field.fields) return flatten(field.fields, `${name}.`);
    if (field.type !== 'array' || !field.fields) return [toInfo(field, name)];
    const items = flatten(field.fields, `${name}[0].`).map((item) => ({
      ...item,
      description: `${item.description}; of the first item of ${name} ([0] is the first, [1] the second, …)`,
    }));
    return [toInfo(field, name), ...items];
  });
}

/**
 * The variables a webhook on this element and trigger may use, for the "show variables" button: the
 * snapshot's fields (the element, its related data, `previous` and `changed_fields` for an update), the
 * element's own fields again under its name (`rsvp.email`), then the meta variables.
 */
export function listVariables(
  element: ElementType,
  trigger: Trigger,
  options: ListVariablesOptions = {},
): VariableInfo[] {
  const meta = META_VARIABLES.flatMap((field) =>
    field.name === 'settings' && options.settings ? settingVariables(options.settings) : flatten([field], ''),
  );
  return [
    ...flatten(snapshotFields(element, trigger), ''),
    ...flatten(elementFields(element, trigger), `${element}.`),
    ...meta,
  ];
}
