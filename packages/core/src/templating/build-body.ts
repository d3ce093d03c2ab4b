import type { JsonObject, JsonValue } from '../domain/json';
import type { BodyPath } from './body-key';

type Container = JsonObject | JsonValue[];

function isContainer(value: JsonValue | undefined): value is Container {
  return typeof value === 'object' && value !== null;
}

/**
 * Puts a value at a dotted path, creating objects (string segment next) or arrays (index next).
 * Returns a problem when the path collides with another one (`a` = 1 and `a.b` = 2).
 * Objects are created without a prototype: even a key that slipped past validation can't reach one.
 */
export function setAtPath(root: JsonObject, path: BodyPath, value: JsonValue): string | undefined {
  let container: Container = root;
  for (const [i, segment] of path.entries()) {
    const isLast = i === path.length - 1;
    const next = path[i + 1];
    if (Array.isArray(container) !== (typeof segment === 'number')) {
      return Array.isArray(container) ? 'a list needs a numeric index here' : 'an object can not take a numeric index here';
    }
    const slot = container as Record<string | number, JsonValue | undefined>;
    const existing = Object.prototype.hasOwnProperty.call(slot, segment) ? slot[segment] : undefined;
    if (isLast) {
      if (existing !== undefined) return 'this key is set twice, or also used as a parent of another key';
      Object.defineProperty(slot, segment, { value, enumerable: true, writable: true, configurable: true });
      return undefined;
    }
    if (existing === undefined) {
      const created: Container = typeof next === 'number' ? [] : (Object.create(null) as JsonObject);
      Object.defineProperty(slot, segment, { value: created, enumerable: true, writable: true, configurable: true });
      container = created;
    } else if (isContainer(existing)) {
      container = existing;
    } else {
      return 'a parent of this key is already set to a value';
    }
  }
  return undefined;
}
