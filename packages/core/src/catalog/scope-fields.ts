import type { ElementType, Trigger } from '../domain/vocabulary';
import { ELEMENT_CATALOG } from './element-catalog';
import type { FieldSpec } from './field-spec';
import { META_VARIABLES } from './meta-variables';

/** The fields of an element as a trigger sees them: a delete keeps the id only. */
export function elementFields(element: ElementType, trigger: Trigger): readonly FieldSpec[] {
  const fields = ELEMENT_CATALOG[element];
  return trigger === 'delete' ? fields.filter((field) => field.name === 'id') : fields;
}

/** Everything a change's snapshot holds for this trigger: what element_data carries and filters read. */
export function snapshotFields(element: ElementType, trigger: Trigger): readonly FieldSpec[] {
  return elementFields(element, trigger);
}

/**
 * Everything a template may reference, as a tree: the snapshot's fields at the top level, the same
 * under the element's name (`{{rsvp.email}}`), then the meta variables (which win on a clash).
 */
export function scopeFields(element: ElementType, trigger: Trigger): readonly FieldSpec[] {
  const fields = snapshotFields(element, trigger);
  const namespace: FieldSpec = {
    name: element,
    type: 'object',
    description: `The ${element} (same fields as at the top level)`,
    example: null,
    fields,
  };
  return [...fields, namespace, ...META_VARIABLES];
}
