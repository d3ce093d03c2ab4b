import type { ElementType, JsonObject, Trigger } from '@hookrelay/core';
import type { FieldError, Prefill, TargetPlugin } from './contract';
import type { TargetRegistry } from './registry';
import { applySettingDefaults } from './settings';

export type PreparedTarget =
  | { ok: true; plugin: TargetPlugin; settings: JsonObject; prefill: Prefill }
  | { ok: false; errors: FieldError[] };

/**
 * What `POST /v1/webhooks` with `target: {kind, settings}` needs: the plugin, its settings with
 * defaults applied (store these: templates may reference every defaulted key) and the prefilled
 * fields, or field errors (`target.kind`, `target.settings.<key>`).
 */
export function prepareTarget(input: {
  registry: TargetRegistry;
  kind: string;
  settings: JsonObject;
  element: ElementType;
  trigger: Trigger;
}): PreparedTarget {
  const plugin = input.registry.get(input.kind);
  if (!plugin)
    return { ok: false, errors: [{ field: 'target.kind', message: `unknown target "${input.kind}"` }] };
  const errors: FieldError[] = [];
  const { elements, triggers } = plugin.supports ?? {};
  if (elements && !elements.includes(input.element)) {
    errors.push({
      field: 'element',
      message: `target "${plugin.kind}" supports ${elements.join(', ')} only`,
    });
  }
  if (triggers && !triggers.includes(input.trigger)) {
    errors.push({
      field: 'trigger',
      message: `target "${plugin.kind}" supports ${triggers.join(', ')} only`,
    });
  }
  const settings = applySettingDefaults(plugin.settings, input.settings);
  errors.push(...plugin.validate(settings));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    plugin,
    settings,
    prefill: plugin.prefill({ settings, element: input.element, trigger: input.trigger }),
  };
}

/** Whether the plugin makes sense for this element and trigger (for listing presets). */
export function supportsChange(plugin: TargetPlugin, element: ElementType, trigger: Trigger): boolean {
  const { elements, triggers } = plugin.supports ?? {};
  return (!elements || elements.includes(element)) && (!triggers || triggers.includes(trigger));
}
