import { elementFields, snapshotFields } from '../catalog/scope-fields';
import type { FieldSpec, VariableType } from '../catalog/field-spec';
import type { JsonValue } from '../domain/json';
import type { ElementType, Trigger } from '../domain/vocabulary';
import type { FieldError } from '../templating/field-error';
import { FILTER_LIMITS, FILTER_OPS, fieldPath, isFilterOp } from './filter-condition';

type Scalar = string | number | boolean | null;

/** What a path names in the catalog: its type, or `any` below an object with open keys (custom fields). */
type FieldType = VariableType | 'any';

function resolveField(fields: readonly FieldSpec[], path: readonly string[]): FieldType | undefined {
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (!field) return undefined;
  if (rest.length === 0) return field.type;
  if (field.type === 'object' && field.openKeys) return rest.length === 1 ? 'any' : undefined;
  if (field.type === 'array') {
    const [index, ...below] = rest;
    if (!/^\d+$/.test(index ?? '')) return undefined;
    if (below.length === 0) return field.fields ? 'object' : 'any';
    return field.fields ? resolveField(field.fields, below) : undefined;
  }
  return field.fields ? resolveField(field.fields, rest) : undefined;
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function matchesType(type: FieldType, value: Scalar): boolean {
  if (type === 'any' || value === null) return true;
  return typeof value === type;
}

const describeType = (type: FieldType) => (type === 'any' ? 'a string, number or boolean' : `a ${type}`);

/** The problem with one condition's value for this field type and op, or undefined. */
function valueProblem(op: string, type: FieldType, value: JsonValue | undefined): string | undefined {
  switch (op) {
    case 'exists':
      return value === undefined || typeof value === 'boolean'
        ? undefined
        : 'must be true, false or left out';
    case 'changed':
      return value === undefined
        ? undefined
        : 'must be left out: changed compares the field before and after';
    case 'in':
    case 'not_in':
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list';
      if (value.length > FILTER_LIMITS.values) return `must list at most ${FILTER_LIMITS.values} values`;
      return value.every((v) => isScalar(v) && matchesType(type, v))
        ? undefined
        : `must list only ${describeType(type)} values`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (type !== 'number' && type !== 'string' && type !== 'any')
        return `${op} compares numbers or strings (dates), not a ${type}`;
      return (typeof value === 'number' || typeof value === 'string') && matchesType(type, value)
        ? undefined
        : `must be ${type === 'any' ? 'a number or a string' : describeType(type)}`;
    case 'contains':
      if (type === 'array') return isScalar(value) ? undefined : 'must be a string, number or boolean';
      if (type !== 'string' && type !== 'any') return `contains looks into strings and lists, not a ${type}`;
      return typeof value === 'string' ? undefined : 'must be a string';
    default:
      // eq, ne
      if (value === undefined) return 'is required';
      if (type === 'object' || type === 'array')
        return `${op} compares single values; this field is a ${type}`;
      return isScalar(value) && matchesType(type, value) ? undefined : `must be ${describeType(type)}`;
  }
}

/**
 * Checks a webhook's filter at save (DESIGN §2): every field must exist in the snapshot of this element
 * and trigger, the op must be known and fit the field, the value must fit both. Errors name the
 * condition (`filter[1].value`).
 */
export function validateFilter(input: {
  element: ElementType;
  trigger: Trigger;
  filter: readonly { field?: unknown; op?: unknown; value?: JsonValue }[];
}): FieldError[] {
  const { element, trigger, filter } = input;
  if (filter.length > FILTER_LIMITS.conditions)
    return [
      { field: 'filter', message: `has ${filter.length} conditions; at most ${FILTER_LIMITS.conditions}` },
    ];
  const fields = snapshotFields(element, trigger);
  const errors: FieldError[] = [];
  filter.forEach((condition, i) => {
    const at = `filter[${i}]`;
    if (typeof condition.field !== 'string' || condition.field === '') {
      errors.push({ field: `${at}.field`, message: 'is required' });
      return;
    }
    const type = resolveField(fields, fieldPath(condition.field));
    if (type === undefined) {
      errors.push({
        field: `${at}.field`,
        message: `'${condition.field}' is not a field of ${element} ${trigger} (GET /v1/variables?element=${element}&trigger=${trigger} lists them)`,
      });
      return;
    }
    if (!isFilterOp(condition.op)) {
      errors.push({ field: `${at}.op`, message: `must be one of ${FILTER_OPS.join(', ')}` });
      return;
    }
    if (condition.op === 'changed' && trigger !== 'update') {
      errors.push({
        field: `${at}.op`,
        message: `changed needs the update trigger; this webhook is on ${trigger}`,
      });
      return;
    }
    // `previous` holds the element's own fields: a change of its related data is not seen
    const own = resolveField(elementFields(element, trigger), fieldPath(condition.field));
    if (condition.op === 'changed' && own === undefined) {
      errors.push({
        field: `${at}.field`,
        message: `changed compares the ${element}'s own fields; '${condition.field}' is not one`,
      });
      return;
    }
    const problem = valueProblem(condition.op, type, condition.value);
    if (problem) errors.push({ field: `${at}.value`, message: problem });
  });
  return errors;
}
