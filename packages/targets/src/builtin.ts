import type { TargetPlugin } from './contract';
import * as plugins from './plugins';

/** Every plugin exported by ./plugins/index.ts, listed by category then kind (the order admins see). */
export const BUILTIN_TARGET_PLUGINS: readonly TargetPlugin[] = Object.freeze(
  Object.values(plugins).sort((a, b) => compare(a.category, b.category) || compare(a.kind, b.kind)),
);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
