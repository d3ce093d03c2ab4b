import { jsonEqual } from '../domain/json-equal';
import type { JsonObject, JsonValue } from '../domain/json';
import { fieldPath, type FilterCondition } from './filter-condition';

export type FilterResult =
  | { pass: true }
  /** The first condition that does not hold, and the snapshot's value of its field (undefined: absent). */
  | { pass: false; index: number; condition: FilterCondition; actual: JsonValue | undefined };

function valueAt(data: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[key];
  }
  return current;
}

function compare(a: JsonValue | undefined, b: JsonValue | undefined): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function holds(condition: FilterCondition, snapshot: JsonObject, actual: JsonValue | undefined): boolean {
  const { op, value } = condition;
  const present = actual !== undefined && actual !== null;
  switch (op) {
    case 'eq':
      return jsonEqual(actual ?? null, value ?? null);
    case 'ne':
      return !jsonEqual(actual ?? null, value ?? null);
    case 'in':
      return Array.isArray(value) && value.some((v) => jsonEqual(actual ?? null, v));
    case 'not_in':
      return Array.isArray(value) && !value.some((v) => jsonEqual(actual ?? null, v));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      // values of different types (or an absent field) are not ordered: the condition does not hold
      const order = compare(actual, value);
      if (order === undefined) return false;
      return op === 'gt' ? order > 0 : op === 'gte' ? order >= 0 : op === 'lt' ? order < 0 : order <= 0;
    }
    case 'contains':
      if (typeof actual === 'string') return typeof value === 'string' && actual.includes(value);
      return Array.isArray(actual) && actual.some((item) => jsonEqual(item, value ?? null));
    case 'exists':
      return value === false ? !present : present;
    case 'changed': {
      const before = valueAt(snapshot['previous'], fieldPath(condition.field));
      return !jsonEqual(before ?? null, actual ?? null);
    }
  }
}

/**
 * Whether a change passes a webhook's filter (every condition holds), evaluated on the change's
 * snapshot: the element as it is after the change, its related data and, for an update, `previous`.
 * A field the snapshot lacks is absent: only `ne`, `not_in` and `exists: false` hold for it.
 */
export function evaluateFilter(filter: readonly FilterCondition[], snapshot: JsonObject): FilterResult {
  for (const [index, condition] of filter.entries()) {
    const actual = valueAt(snapshot, fieldPath(condition.field));
    if (!holds(condition, snapshot, actual)) return { pass: false, index, condition, actual };
  }
  return { pass: true };
}

/** One line that says why a condition failed: `status eq "yes", but status is "no"`. */
export function describeFailedCondition(result: Extract<FilterResult, { pass: false }>): string {
  const { condition, actual } = result;
  const wanted =
    condition.op === 'changed' || (condition.op === 'exists' && condition.value === undefined)
      ? `${condition.field} ${condition.op}`
      : `${condition.field} ${condition.op} ${JSON.stringify(condition.value)}`;
  if (condition.op === 'changed') {
    return `filter[${result.index}] ${wanted}: only an update that changes ${condition.field} fires (it is ${JSON.stringify(actual ?? null)})`;
  }
  const is =
    actual === undefined ? `${condition.field} is absent` : `${condition.field} is ${JSON.stringify(actual)}`;
  return `filter[${result.index}] ${wanted}, but ${is}`;
}
