import { sampleSnapshot } from '../catalog/sample-snapshot';
import type { ElementType, Trigger } from '../domain/vocabulary';
import { buildScope } from './build-scope';
import type { SegmentArray } from './check-variable-path';
import type { TemplateKind } from './liquid-engine';
import { trustSettingsForUrl } from './url-rules';

/**
 * Sample scope for trying a template at save time: the catalog's sample snapshot for the trigger (with
 * related data), fixed meta variables, and a URL-ish placeholder for every setting the template reads
 * (trusted in a URL).
 */
export function sampleScope(input: {
  element: ElementType;
  trigger: Trigger;
  kind: TemplateKind;
  segments: readonly SegmentArray[];
}): object {
  const settings: Record<string, unknown> = {};
  for (const [root, key] of input.segments) {
    if (root === 'settings' && typeof key === 'string') settings[key] = 'https://settings.example.com';
  }
  return buildScope({
    element: input.element,
    trigger: input.trigger,
    snapshot: sampleSnapshot(input.element, input.trigger),
    delivery: { id: '00000000-0000-4000-8000-000000000000', timestamp: new Date(0) },
    webhook: { id: '00000000-0000-4000-8000-000000000001', name: 'sample' },
    settings: input.kind === 'url' ? trustSettingsForUrl(settings) : settings,
  });
}
