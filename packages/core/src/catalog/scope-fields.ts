import type { ElementType, Trigger } from '../domain/vocabulary';
import { changedFields } from './change-snapshot';
import { ELEMENT_CATALOG } from './element-catalog';
import type { FieldSpec } from './field-spec';
import { META_VARIABLES } from './meta-variables';
import { relatedFields } from './related-data';
import { sampleElement, samplePrevious } from './sample-element';

/** The fields of an element as a trigger sees them: a delete keeps the id only. */
export function elementFields(element: ElementType, trigger: Trigger): readonly FieldSpec[] {
  const fields = ELEMENT_CATALOG[element];
  return trigger === 'delete' ? fields.filter((field) => field.name === 'id') : fields;
}

function updateFields(element: ElementType): FieldSpec[] {
  const previous = samplePrevious(element);
  return [
    {
      name: 'previous',
      type: 'object',
      description: `The ${element} before the change (its own fields, without related data)`,
      example: previous,
      fields: ELEMENT_CATALOG[element].map((field) => ({
        ...field,
        description: `Before the change: ${field.description}`,
        example: previous[field.name] ?? null,
      })),
    },
    {
      name: 'changed_fields',
      type: 'array',
      description: `Names of the ${element}'s fields that changed (list of strings, without updated_at)`,
      example: changedFields(previous, sampleElement(element)),
    },
  ];
}

function buildSnapshotFields(element: ElementType, trigger: Trigger): readonly FieldSpec[] {
  if (trigger === 'delete') return elementFields(element, trigger);
  const fields = [...ELEMENT_CATALOG[element], ...relatedFields(element)];
  return trigger === 'update' ? [...fields, ...updateFields(element)] : fields;
}

/** Built once per element and trigger: save-time checks ask for every template and filter condition. */
const SNAPSHOT_FIELDS = new Map<string, readonly FieldSpec[]>();

/**
 * Everything a change's snapshot holds for this trigger, what element_data carries and filters read: the
 * element and its related data; for an update also `previous` and `changed_fields`; a delete the id only.
 */
export function snapshotFields(element: ElementType, trigger: Trigger): readonly FieldSpec[] {
  const key = `${element}:${trigger}`;
  let fields = SNAPSHOT_FIELDS.get(key);
  if (!fields) {
    fields = buildSnapshotFields(element, trigger);
    SNAPSHOT_FIELDS.set(key, fields);
  }
  return fields;
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
