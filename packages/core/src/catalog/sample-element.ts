import type { JsonObject } from '../domain/json';
import type { ElementType } from '../domain/vocabulary';
import { ELEMENT_CATALOG } from './element-catalog';

/** Realistic data for previews and validation, built from the catalog's examples. */
export function sampleElement(element: ElementType): JsonObject {
  const sample: JsonObject = {};
  for (const field of ELEMENT_CATALOG[element]) sample[field.name] = structuredClone(field.example);
  return sample;
}

/** What the sample update changed, per element: these are the values before it. */
const SAMPLE_BEFORE: { readonly [E in ElementType]: JsonObject } = {
  group: { description: null },
  event: { status: 'draft' },
  rsvp: { status: 'maybe' },
};

/** The sample element before a sample update (its own fields only, as `previous` holds them). */
export function samplePrevious(element: ElementType): JsonObject {
  const sample = sampleElement(element);
  return { ...sample, ...structuredClone(SAMPLE_BEFORE[element]), updated_at: sample['created_at'] ?? null };
}
