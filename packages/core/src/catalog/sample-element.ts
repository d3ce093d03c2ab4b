import type { JsonObject } from '../domain/json';
import type { ElementType } from '../domain/vocabulary';
import { ELEMENT_CATALOG } from './element-catalog';

/** Realistic data for previews and validation, built from the catalog's examples. */
export function sampleElement(element: ElementType): JsonObject {
  const sample: JsonObject = {};
  for (const field of ELEMENT_CATALOG[element]) sample[field.name] = structuredClone(field.example);
  return sample;
}
