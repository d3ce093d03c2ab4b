import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTargetPlugins, parseTargetPluginNames, TargetPluginLoadError } from './load-plugins';

const fixtures = path.join(__dirname, '..', 'test', 'fixtures');
const load = (name: string) => loadTargetPlugins([name], { paths: [fixtures] });

describe('parseTargetPluginNames', () => {
  it('splits HOOKRELAY_TARGET_PLUGINS on commas and drops blanks', () => {
    expect(parseTargetPluginNames(' a , @scope/b,,')).toEqual(['a', '@scope/b']);
    expect(parseTargetPluginNames(undefined)).toEqual([]);
  });
});

describe('loadTargetPlugins', () => {
  it('loads nothing when no package is named', () => {
    expect(loadTargetPlugins([])).toEqual([]);
  });

  it('refuses a plugin without prefill, naming the package and the problem', () => {
    expect(() => load('./no-prefill')).toThrow(TargetPluginLoadError);
    expect(() => load('./no-prefill')).toThrow(
      'Target plugin package "./no-prefill": the exported plugin does not fit the target plugin contract: prefill must be a function',
    );
  });

  it('names the bad plugin of a package exporting several, and every problem', () => {
    expect(() => load('./two-plugins')).toThrow(
      'Target plugin package "./two-plugins": plugin #2 does not fit the target plugin contract: kind must be a kebab-case string (got "Second_Tool")',
    );
  });

  it('reports a package that cannot be found', () => {
    expect(() => load('hookrelay-target-that-does-not-exist')).toThrow(
      /^Target plugin package "hookrelay-target-that-does-not-exist": cannot be found from .*\(is it installed\?\)$/,
    );
  });

  it('reports a package that throws while loading', () => {
    expect(() => load('./throws-on-load')).toThrow(
      'Target plugin package "./throws-on-load": failed to load: boom while loading',
    );
  });

  it('reports a package that exports no plugin', () => {
    expect(() => load('./exports-nothing')).toThrow(
      'Target plugin package "./exports-nothing": exports no plugin (expected a default export, `plugin` or `plugins`)',
    );
  });
});
