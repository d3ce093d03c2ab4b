import type { ElementDataByType } from '../domain/elements';
import type { JsonObject } from '../domain/json';
import { jsonEqual } from '../domain/json-equal';
import type { ElementType } from '../domain/vocabulary';
import type { RelatedDataByType } from './related-data';

/** Every write moves `updated_at`: listing it would make `changed_fields` never empty. */
const ALWAYS_CHANGES = 'updated_at';

/** Names of the top-level fields whose values differ (an absent field counts as null). */
export function changedFields(before: JsonObject, after: JsonObject): string[] {
  const names = new Set([...Object.keys(after), ...Object.keys(before)]);
  return [...names].filter(
    (name) => name !== ALWAYS_CHANGES && !jsonEqual(before[name] ?? null, after[name] ?? null),
  );
}

/** Element data is JSON by construction (strings, numbers, booleans, null, lists of them). */
function asJson(data: object): JsonObject {
  return data as JsonObject;
}

/**
 * The snapshot of a create or an update (DESIGN §1): the element after the change, its parents as they
 * were at the change and, for an update, `previous` (the element's own fields before) and
 * `changed_fields`. A delete's snapshot is `{id}` and is not built here.
 */
export function changeSnapshot<E extends ElementType>(
  _element: E,
  input: { data: ElementDataByType[E]; related: RelatedDataByType[E]; previous?: ElementDataByType[E] },
): JsonObject {
  const data = asJson(input.data);
  const snapshot: JsonObject = { ...data, ...asJson(input.related) };
  if (input.previous !== undefined) {
    const previous = asJson(input.previous);
    snapshot['previous'] = previous;
    snapshot['changed_fields'] = changedFields(previous, data);
  }
  return snapshot;
}
