import type { ElementType, Trigger } from '../domain/vocabulary';
import type { FieldSpec, VariableInfo } from './field-spec';
import { elementFields } from './scope-fields';
import { META_VARIABLES } from './meta-variables';

function toInfo(field: FieldSpec, prefix: string): VariableInfo {
  return {
    name: prefix + field.name,
    type: field.type,
    description: field.description,
    example: field.example,
  };
}

/** Objects with known sub-fields are listed by their leaves (`delivery.id`); others as themselves. */
function flatten(fields: readonly FieldSpec[], prefix: string): VariableInfo[] {
  return fields.flatMap((field) =>
    field.type === 'object' && field.fields
      ? flatten(field.fields, `${prefix}${field.name}.`)
      : [toInfo(field, prefix)],
  );
}

/** The variables a webhook on this element and trigger may use, for the "show variables" button. */
export function listVariables(element: ElementType, trigger: Trigger): VariableInfo[] {
  const fields = elementFields(element, trigger);
  return [...flatten(fields, ''), ...flatten(fields, `${element}.`), ...flatten(META_VARIABLES, '')];
}
