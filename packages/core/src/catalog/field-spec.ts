import type { JsonValue } from '../domain/json';

export const VARIABLE_TYPES = ['string', 'number', 'boolean', 'array', 'object'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/**
 * One field of an element (or of a meta object). Drives the variable list, template validation
 * (which paths exist) and sample data, so an element type is described in one place.
 */
export interface FieldSpec {
  name: string;
  type: VariableType;
  description: string;
  example: JsonValue;
  /** Sub-fields of an object, or of each item of an array. */
  fields?: readonly FieldSpec[];
  /** An object whose keys are not known in advance (custom form answers, plugin settings). */
  openKeys?: boolean;
}

/** What the API shows behind the "show variables" button. */
export interface VariableInfo {
  name: string;
  type: VariableType;
  description: string;
  example: JsonValue;
}
