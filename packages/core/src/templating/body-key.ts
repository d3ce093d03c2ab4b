import { hasControlCharacter } from './control-characters';

export type BodyPath = readonly (string | number)[];

/** Array indexes above this are refused: `items.999999999` would allocate a huge array. */
export const MAX_BODY_ARRAY_INDEX = 999;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
export const RESERVED_BODY_KEY = 'element_data';

export type ParsedBodyKey = { path: BodyPath } | { problem: string };
/** Keys are parsed on every render: remember them (bounded; keys are few and reused). */
const parsedKeys = new Map<string, ParsedBodyKey>();
const MAX_CACHED_KEYS = 10_000;

/**
 * Parses a dotted body key. The first segment is always an object key (the body is an object);
 * later all-digit segments are array indexes.
 */
export function parseBodyKey(key: string): ParsedBodyKey {
  let parsed = parsedKeys.get(key);
  if (!parsed) {
    parsed = parseUncached(key);
    if (parsedKeys.size >= MAX_CACHED_KEYS) parsedKeys.clear();
    parsedKeys.set(key, parsed);
  }
  return parsed;
}

function parseUncached(key: string): ParsedBodyKey {
  if (key.length === 0) return { problem: 'body key must not be empty' };
  const segments = key.split('.');
  if (segments[0] === RESERVED_BODY_KEY)
    return { problem: `'${RESERVED_BODY_KEY}' is reserved for the element data` };
  const path: (string | number)[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment.length === 0)
      return { problem: `'${key}' has an empty segment (two dots, or a dot at an end)` };
    if (FORBIDDEN_SEGMENTS.has(segment)) return { problem: `'${segment}' is not allowed in a body key` };
    if (hasControlCharacter(segment)) return { problem: 'body key must not contain control characters' };
    if (i > 0 && /^\d+$/.test(segment)) {
      const index = Number(segment);
      if (index > MAX_BODY_ARRAY_INDEX)
        return { problem: `array index ${segment} is above ${MAX_BODY_ARRAY_INDEX}` };
      if (segment !== String(index))
        return { problem: `array index '${segment}' must not have leading zeros` };
      path.push(index);
    } else {
      path.push(segment);
    }
  }
  return { path };
}
