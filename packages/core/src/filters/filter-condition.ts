import type { JsonValue } from '../domain/json';

/** The comparisons a webhook filter can make (DESIGN §2). */
export const FILTER_OPS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'exists',
  'changed',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** One condition on a change; a webhook's filter holds when all of its conditions do. */
export interface FilterCondition {
  /** A path in the change's snapshot: `status`, `event.status`, `fields.company`, `dates.0.start`. */
  field: string;
  op: FilterOp;
  /** What the field is compared with; `exists` and `changed` take none (`exists: false` asks for absence). */
  value?: JsonValue;
}

/** At most this many conditions per webhook, and values per `in` / `not_in`. */
export const FILTER_LIMITS = { conditions: 20, values: 100 } as const;

export function isFilterOp(value: unknown): value is FilterOp {
  return (FILTER_OPS as readonly unknown[]).includes(value);
}

/** `dates[0].start` and `dates.0.start` name the same field. */
export function fieldPath(field: string): string[] {
  return field.replace(/\[(\d+)\]/g, '.$1').split('.');
}
