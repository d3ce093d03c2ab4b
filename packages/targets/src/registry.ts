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

/**
 * The kinds among `inUse` (those stored webhooks name) that the registry does not hold: a process
 * without them cannot send or render those webhooks, so it says so when it starts.
 */
export function unloadedKinds(registry: TargetRegistry, inUse: Iterable<string>): string[] {
  return [...new Set(inUse)].filter((kind) => registry.get(kind) === undefined).sort();
}
