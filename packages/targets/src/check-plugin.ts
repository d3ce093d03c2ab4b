import { isElementType, isTrigger } from '@hookrelay/core';
import { SETTING_TYPES, TARGET_CATEGORIES, type TargetPlugin } from './contract';

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * What is wrong with a value that claims to be a TargetPlugin (empty = fits the contract's shape).
 * Structural only: behaviour is covered by the contract test over the registered plugins.
 */
export function findPluginProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['is not an object'];
  const plugin = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof plugin.kind !== 'string' || !KEBAB_CASE.test(plugin.kind)) {
    problems.push(`kind must be a kebab-case string (got ${JSON.stringify(plugin.kind)})`);
  }
  if (typeof plugin.displayName !== 'string' || plugin.displayName.trim() === '') {
    problems.push('displayName must be a non-empty string');
  }
  if (!(TARGET_CATEGORIES as readonly unknown[]).includes(plugin.category)) {
    problems.push(
      `category must be one of ${TARGET_CATEGORIES.join(', ')} (got ${JSON.stringify(plugin.category)})`,
    );
  }
  for (const optional of ['description', 'docsUrl'] as const) {
    if (plugin[optional] !== undefined && typeof plugin[optional] !== 'string') {
      problems.push(`${optional} must be a string when present`);
    }
  }
  problems.push(...findSettingsProblems(plugin.settings));
  problems.push(...findSupportsProblems(plugin.supports));
  for (const method of ['validate', 'prefill'] as const) {
    if (typeof plugin[method] !== 'function') problems.push(`${method} must be a function`);
  }
  if (plugin.classifyResponse !== undefined && typeof plugin.classifyResponse !== 'function') {
    problems.push('classifyResponse must be a function when present');
  }
  return problems;
}

export function isTargetPlugin(value: unknown): value is TargetPlugin {
  return findPluginProblems(value).length === 0;
}

function findSettingsProblems(settings: unknown): string[] {
  if (!Array.isArray(settings)) return ['settings must be an array of setting fields'];
  const problems: string[] = [];
  const seen = new Set<string>();
  settings.forEach((field: unknown, index) => {
    const where = `settings[${index}]`;
    if (typeof field !== 'object' || field === null) {
      problems.push(`${where} is not an object`);
      return;
    }
    const f = field as Record<string, unknown>;
    if (typeof f.key !== 'string' || !SNAKE_CASE.test(f.key)) {
      problems.push(`${where}.key must be a snake_case string (got ${JSON.stringify(f.key)})`);
    } else if (seen.has(f.key)) {
      problems.push(`${where}.key "${f.key}" is duplicated`);
    } else {
      seen.add(f.key);
    }
    if (typeof f.label !== 'string' || f.label.trim() === '')
      problems.push(`${where}.label must be a non-empty string`);
    if (!(SETTING_TYPES as readonly unknown[]).includes(f.type)) {
      problems.push(`${where}.type must be one of ${SETTING_TYPES.join(', ')}`);
    }
    if (typeof f.required !== 'boolean') problems.push(`${where}.required must be a boolean`);
    if (f.secret !== undefined && typeof f.secret !== 'boolean')
      problems.push(`${where}.secret must be a boolean`);
    const options = f.options;
    const hasOptions =
      Array.isArray(options) && options.length > 0 && options.every((option) => typeof option === 'string');
    if (f.type === 'enum' && !hasOptions) problems.push(`${where}.options must list the enum's strings`);
    for (const sample of ['default', 'example'] as const) {
      if (
        f[sample] !== undefined &&
        !valueFitsType(f.type, f[sample], hasOptions ? (options as string[]) : [])
      ) {
        problems.push(`${where}.${sample} does not fit type ${String(f.type)}`);
      }
    }
  });
  return problems;
}

function valueFitsType(type: unknown, value: unknown, options: string[]): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && options.includes(value);
    default:
      return typeof value === 'string';
  }
}

function findSupportsProblems(supports: unknown): string[] {
  if (supports === undefined) return [];
  if (typeof supports !== 'object' || supports === null) return ['supports must be an object when present'];
  const { elements, triggers } = supports as Record<string, unknown>;
  const problems: string[] = [];
  if (
    elements !== undefined &&
    !(Array.isArray(elements) && elements.length > 0 && elements.every(isElementType))
  ) {
    problems.push('supports.elements must be a non-empty list of element types');
  }
  if (
    triggers !== undefined &&
    !(Array.isArray(triggers) && triggers.length > 0 && triggers.every(isTrigger))
  ) {
    problems.push('supports.triggers must be a non-empty list of triggers');
  }
  return problems;
}
