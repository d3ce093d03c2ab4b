import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ELEMENT_TYPES, TRIGGERS, validateWebhookTemplates, type JsonObject } from '@hookrelay/core';
import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../test/render-prefill';
import { BUILTIN_TARGET_PLUGINS } from './builtin';
import { findPluginProblems } from './check-plugin';
import type { TargetPlugin } from './contract';
import { supportsChange } from './prepare-target';
import { applySettingDefaults } from './settings';

/** One contract test over every registered plugin. */

function exampleSettings(plugin: TargetPlugin): JsonObject {
  const settings: JsonObject = {};
  for (const field of plugin.settings) if (field.example !== undefined) settings[field.key] = field.example;
  return applySettingDefaults(plugin.settings, settings);
}

function supportedChanges(plugin: TargetPlugin) {
  return ELEMENT_TYPES.flatMap((element) =>
    TRIGGERS.filter((trigger) => supportsChange(plugin, element, trigger)).map((trigger) => ({
      element,
      trigger,
    })),
  );
}

describe.each(BUILTIN_TARGET_PLUGINS.map((plugin) => [plugin.kind, plugin] as const))(
  'target plugin %s',
  (_kind, plugin) => {
    it('fits the contract: kebab-case kind, well-formed settings schema, functions', () => {
      expect(findPluginProblems(plugin)).toEqual([]);
    });

    it('has a unique kind', () => {
      expect(BUILTIN_TARGET_PLUGINS.filter((other) => other.kind === plugin.kind)).toHaveLength(1);
    });

    it('gives every required setting an example, and no secret a default', () => {
      for (const field of plugin.settings) {
        if (field.required) expect(field.example, field.key).toBeDefined();
        if (field.secret) expect(field.default, field.key).toBeUndefined();
      }
    });

    it('reports each required setting when settings are empty', () => {
      const errors = plugin.validate({});
      for (const field of plugin.settings.filter((f) => f.required)) {
        expect(errors).toContainEqual({ field: `target.settings.${field.key}`, message: 'is required' });
      }
      for (const error of errors) expect(error.field).toMatch(/^target\.settings\.[a-z0-9_]+$/);
    });

    it('accepts its example settings', () => {
      expect(plugin.validate(exampleSettings(plugin))).toEqual([]);
    });

    it('supports at least one element and trigger', () => {
      expect(supportedChanges(plugin).length).toBeGreaterThan(0);
    });

    it.each(supportedChanges(plugin))(
      'prefills valid templates for $element $trigger',
      ({ element, trigger }) => {
        const settings = exampleSettings(plugin);
        const prefill = plugin.prefill({ settings, element, trigger });
        expect(prefill).not.toBeInstanceOf(Promise);
        expect(
          validateWebhookTemplates({ element, trigger, ...prefill, settingsKeys: Object.keys(settings) }),
        ).toEqual([]);
      },
    );

    it.each(supportedChanges(plugin))(
      'renders a valid request for $element $trigger',
      ({ element, trigger }) => {
        const rendered = renderPrefill({ plugin, settings: exampleSettings(plugin), element, trigger });
        expect(new URL(rendered.url).protocol).toMatch(/^https?:$/);
        if (rendered.method !== 'GET') expect(rendered.body).toBeTypeOf('object');
      },
    );

    it('marks every header that carries a secret setting as secret', () => {
      const secretKeys = plugin.settings.filter((field) => field.secret).map((field) => field.key);
      const settings = exampleSettings(plugin);
      for (const { element, trigger } of supportedChanges(plugin)) {
        for (const header of plugin.prefill({ settings, element, trigger }).headers) {
          const carriesSecret = secretKeys.some((key) => header.value.includes(`settings.${key}`));
          if (carriesSecret) expect(header.secret, `${header.key} (${element} ${trigger})`).toBe(true);
        }
      }
    });

    it('classifies responses with a verdict or keeps the generic one', () => {
      if (!plugin.classifyResponse) return;
      for (const response of [
        { status: 200, headers: {}, body: '' },
        { status: 500, headers: {}, body: 'oops' },
      ]) {
        const verdict = plugin.classifyResponse(response);
        if (verdict) expect(['delivered', 'retry', 'dead']).toContain(verdict.outcome);
      }
    });
  },
);

describe('built-in plugins', () => {
  it('are pure: plugin sources import only each other, shared helpers and @hookrelay/core', () => {
    const root = path.join(__dirname, 'plugins');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(path.join(root, file), 'utf8');
      const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const specifier of specifiers) expect(specifier, file).toMatch(/^(\.{1,2}\/|@hookrelay\/core$)/);
      expect(source, file).not.toMatch(/\b(require|import)\(|fetch\(|process\./);
    }
  });
});
