import type { JsonObject, JsonValue } from '../domain/json';
import type { BodyPath } from './body-key';

type Container = JsonObject | JsonValue[];

function isContainer(value: JsonValue | undefined): value is Container {
  return typeof value === 'object' && value !== null;
}

function assign(
  slot: Record<string | number, JsonValue | undefined>,
  key: string | number,
  value: JsonValue,
): void {
  if (key === '__proto__')
    Object.defineProperty(slot, key, { value, enumerable: true, writable: true, configurable: true });
  else slot[key] = value;
}

/**
 * Puts a value at a dotted path, creating objects (string segment next) or arrays (index next).
 * Returns a problem when the path collides with another one (`a` = 1 and `a.b` = 2).
 * A '__proto__' segment (refused by parseBodyKey anyway) is defined as a plain key, never assigned,
 * so user input can't reach a prototype.
 */
export function setAtPath(root: JsonObject, path: BodyPath, value: JsonValue): string | undefined {
  let container: Container = root;
  for (const [i, segment] of path.entries()) {
    const isLast = i === path.length - 1;
    const next = path[i + 1];
    if (Array.isArray(container) !== (typeof segment === 'number')) {
      return Array.isArray(container)
        ? 'a list needs a numeric index here'
        : 'an object can not take a numeric index here';
    }
    const slot = container as Record<string | number, JsonValue | undefined>;
    const existing = Object.prototype.hasOwnProperty.call(slot, segment) ? slot[segment] : undefined;
    if (isLast) {
      if (existing !== undefined) return 'this key is set twice, or also used as a parent of another key';
      assign(slot, segment, value);
      return undefined;
    }
    if (existing === undefined) {
      const created: Container = typeof next === 'number' ? [] : {};
      assign(slot, segment, created);
      container = created;
    } else if (isContainer(existing)) {
      container = existing;
    } else {
      return 'a parent of this key is already set to a value';
    }
  }
  return undefined;
}
