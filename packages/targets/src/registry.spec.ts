import { describe, expect, it } from 'vitest';
import { BUILTIN_TARGET_PLUGINS } from './builtin';
import type { TargetPlugin } from './contract';
import { createTargetRegistry, DuplicateTargetKindError, unloadedKinds } from './registry';

const slack = BUILTIN_TARGET_PLUGINS.find((plugin) => plugin.kind === 'slack') as TargetPlugin;

describe('createTargetRegistry', () => {
  it('finds plugins by kind and lists them in registration order', () => {
    const registry = createTargetRegistry(BUILTIN_TARGET_PLUGINS);
    expect(registry.get('slack')).toBe(slack);
    expect(registry.list().map((plugin) => plugin.kind)).toEqual(BUILTIN_TARGET_PLUGINS.map((p) => p.kind));
  });

  it('finds nothing for unknown kinds, including prototype names', () => {
    const registry = createTargetRegistry(BUILTIN_TARGET_PLUGINS);
    for (const kind of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(registry.get(kind)).toBeUndefined();
    }
  });

  it('refuses a kind registered twice (a third-party plugin shadowing a built-in)', () => {
    expect(() => createTargetRegistry([...BUILTIN_TARGET_PLUGINS, { ...slack }])).toThrow(
      DuplicateTargetKindError,
    );
    expect(() => createTargetRegistry([slack, { ...slack }])).toThrow(
      'Target plugin kind "slack" is registered twice; kinds must be unique.',
    );
  });
});

describe('unloadedKinds', () => {
  it('names each kind in use that the registry lacks, once, in order', () => {
    const registry = createTargetRegistry([slack]);
    expect(unloadedKinds(registry, ['slack', 'strapi', 'acme-crm', 'strapi'])).toEqual([
      'acme-crm',
      'strapi',
    ]);
    expect(unloadedKinds(registry, ['slack'])).toEqual([]);
  });
});
