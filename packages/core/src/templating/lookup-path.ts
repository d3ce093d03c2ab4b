import type { VariablePath } from './compiled-template';

/** Reads a path through own properties only (as liquidjs' ownPropertyOnly does); undefined when absent. */
export function lookupPath(scope: unknown, path: VariablePath): unknown {
  let current: unknown = scope;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
