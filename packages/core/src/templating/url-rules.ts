import type { SegmentArray } from './check-variable-path';
import { hasControlCharacter } from './control-characters';
import { sampleElement } from '../catalog/sample-element';
import type { ElementType, Trigger } from '../domain/vocabulary';
import { TrustedUrlPart } from './liquid-engine';
import { buildScope } from './build-scope';

/** Parses a rendered URL; a problem unless it is an absolute http(s) URL with nothing that could split a request. */
export function parseRenderedUrl(url: string): { url: URL } | { problem: string } {
  if (hasControlCharacter(url, { spaceToo: true }))
    return { problem: 'URL must not contain spaces, line breaks or control characters' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `'${url.slice(0, 200)}' is not an absolute URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { problem: 'URL must start with http:// or https://' };
  if (parsed.hostname === '') return { problem: 'URL must name a host' };
  return { url: parsed };
}

/** Settings in a URL are trusted admin configuration: inserted as they are, not percent-encoded. */
export function trustSettingsForUrl(settings: Record<string, unknown>): Record<string, unknown> {
  const trusted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    trusted[key] = typeof value === 'string' ? new TrustedUrlPart(value) : value;
  }
  return trusted;
}

/** Sample scope for checking a URL template at save time; unknown settings get a URL-ish placeholder. */
export function sampleUrlScope(input: {
  element: ElementType;
  trigger: Trigger;
  segments: SegmentArray[];
}): object {
  const settings: Record<string, unknown> = {};
  for (const [root, key] of input.segments) {
    if (root === 'settings' && typeof key === 'string') settings[key] = 'https://settings.example.com';
  }
  return buildScope({
    element: input.element,
    trigger: input.trigger,
    snapshot: sampleElement(input.element),
    delivery: { id: '00000000-0000-4000-8000-000000000000', timestamp: new Date(0) },
    webhook: { id: '00000000-0000-4000-8000-000000000001', name: 'sample' },
    settings: trustSettingsForUrl(settings),
  });
}
