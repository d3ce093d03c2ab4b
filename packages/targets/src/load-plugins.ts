import { findPluginProblems } from './check-plugin';
import type { TargetPlugin } from './contract';

export class TargetPluginLoadError extends Error {
  constructor(
    readonly packageName: string,
    readonly problem: string,
  ) {
    super(`Target plugin package "${packageName}": ${problem}`);
    this.name = 'TargetPluginLoadError';
  }
}

/** `HOOKRELAY_TARGET_PLUGINS` ('a, @scope/b') → ['a', '@scope/b']. */
export function parseTargetPluginNames(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * Loads third-party target plugins: each package is required by name (resolved from `paths`, default
 * the process cwd) and may export the plugin as default, as `plugin`, or a list as `plugins`.
 * Each plugin is checked against the contract; the first bad one throws a TargetPluginLoadError
 * naming the package and the problem, so a misconfigured start stops with a clear message.
 */
export function loadTargetPlugins(
  names: readonly string[],
  options: { paths?: string[] } = {},
): TargetPlugin[] {
  const paths = options.paths ?? [process.cwd()];
  return names.flatMap((name) => {
    const exported = requirePackage(name, paths);
    const candidates = pluginsExportedBy(name, exported);
    candidates.forEach((candidate, index) => {
      const problems = findPluginProblems(candidate);
      if (problems.length > 0) {
        const which = candidates.length > 1 ? `plugin #${index + 1} ` : 'the exported plugin ';
        throw new TargetPluginLoadError(
          name,
          `${which}does not fit the target plugin contract: ${problems.join('; ')}`,
        );
      }
    });
    return candidates as TargetPlugin[];
  });
}

function requirePackage(name: string, paths: string[]): unknown {
  let resolved: string;
  try {
    resolved = require.resolve(name, { paths });
  } catch {
    throw new TargetPluginLoadError(name, `cannot be found from ${paths.join(', ')} (is it installed?)`);
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- plugins are named at run time
    return require(resolved) as unknown;
  } catch (error) {
    throw new TargetPluginLoadError(
      name,
      `failed to load: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function pluginsExportedBy(name: string, exported: unknown): unknown[] {
  if (typeof exported !== 'object' || exported === null) {
    throw new TargetPluginLoadError(
      name,
      'exports nothing usable (expected a default export, `plugin` or `plugins`)',
    );
  }
  const module = exported as Record<string, unknown>;
  if (module.plugins !== undefined) {
    if (!Array.isArray(module.plugins) || module.plugins.length === 0) {
      throw new TargetPluginLoadError(name, '`plugins` must be a non-empty array of target plugins');
    }
    return module.plugins;
  }
  if (module.plugin !== undefined) return [module.plugin];
  if (module.default !== undefined) return [module.default];
  if (typeof module.kind === 'string') return [module]; // module.exports = plugin
  throw new TargetPluginLoadError(
    name,
    'exports no plugin (expected a default export, `plugin` or `plugins`)',
  );
}
