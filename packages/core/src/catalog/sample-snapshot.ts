import type { JsonObject } from '../domain/json';
import type { ElementType, Trigger } from '../domain/vocabulary';
import { snapshotFields } from './scope-fields';

/**
 * A realistic snapshot for previews and save-time checks, built from the catalog's examples: the
 * element, its related data and, for an update, `previous` and `changed_fields`; a delete the id only.
 */
export function sampleSnapshot(element: ElementType, trigger: Trigger): JsonObject {
  const sample: JsonObject = {};
  for (const field of snapshotFields(element, trigger)) sample[field.name] = structuredClone(field.example);
  return sample;
}
