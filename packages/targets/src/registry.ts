import type { TargetPlugin } from './contract';

export interface TargetRegistry {
  /** In registration order. */
  list(): readonly TargetPlugin[];
  get(kind: string): TargetPlugin | undefined;
}

export class DuplicateTargetKindError extends Error {
  constructor(readonly kind: string) {
    super(`Target plugin kind "${kind}" is registered twice; kinds must be unique.`);
    this.name = 'DuplicateTargetKindError';
  }
}

/** A lookup of plugins by kind; a Map, so a kind like `__proto__` or `constructor` finds nothing it shouldn't. */
export function createTargetRegistry(plugins: Iterable<TargetPlugin>): TargetRegistry {
  const byKind = new Map<string, TargetPlugin>();
  for (const plugin of plugins) {
    if (byKind.has(plugin.kind)) throw new DuplicateTargetKindError(plugin.kind);
    byKind.set(plugin.kind, plugin);
  }
  const all = Object.freeze([...byKind.values()]);
  return {
    list: () => all,
    get: (kind) => byKind.get(kind),
  };
}
