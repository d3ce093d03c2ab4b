import { renderRequest, sampleElement } from '@hookrelay/core';
import type { ElementType, JsonObject, JsonValue, Trigger } from '@hookrelay/core';

export interface UrlTemplate {
  element: ElementType;
  trigger: Trigger;
  url: string;
  /** The target's plain settings, defaults applied (`{}` without a target). */
  settings: JsonObject;
}

/**
 * What the host of a URL template is at save time:
 * - `fixed`: the same for every element and delivery (literal, or built from settings only);
 * - `element-dependent`: element or delivery variables change it, so it is only known at delivery;
 * - `unrenderable`: the URL does not render with these settings (`problem` says why).
 */
export type SaveTimeHost =
  { kind: 'fixed'; host: string } | { kind: 'element-dependent' } | { kind: 'unrenderable'; problem: string };

/** Renders the URL only (no headers or body), with the real settings and the given element and delivery. */
function renderUrl(template: UrlTemplate, variant: Variant): { host: string } | { problem: string } {
  try {
    const url = renderRequest({
      webhook: {
        id: variant.webhookId,
        accountId: variant.webhookId,
        name: variant.webhookName,
        status: 'active',
        trigger: template.trigger,
        element: template.element,
        method: 'POST',
        url: template.url,
        headers: [],
        body: [],
        includeElementData: false,
      },
      snapshot: variant.snapshot(sampleElement(template.element)),
      delivery: variant.delivery,
      settings: template.settings,
    }).url;
    return { host: new URL(url).hostname };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

interface Variant {
  webhookId: string;
  webhookName: string;
  delivery: { id: string; timestamp: Date };
  snapshot(sample: JsonObject): JsonObject;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

/** Every leaf of the sample changed (strings to other letters, numbers moved, booleans maybe flipped). */
function probeOf(value: JsonValue, round: number, counter: { n: number }): JsonValue {
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return new Date(Date.parse(value) + round * 86_400_000).toISOString();
    counter.n += 1;
    return `hrprobe${round}x${counter.n}`;
  }
  if (typeof value === 'number') return value * 1000 + round * 7;
  if (typeof value === 'boolean') return round % 2 === 0 ? !value : value;
  if (Array.isArray(value)) return value.map((item) => probeOf(item, round, counter));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, probeOf(item, round, counter)]),
    );
  }
  return value;
}

const SAMPLE: Variant = {
  webhookId: '00000000-0000-4000-8000-000000000001',
  webhookName: 'sample',
  delivery: { id: '00000000-0000-4000-8000-000000000000', timestamp: new Date(0) },
  snapshot: (sample) => sample,
};

const PROBES: Variant[] = [1, 2].map((round) => ({
  webhookId: `hrprobe${round}webhook`,
  webhookName: `hrprobe${round}name`,
  delivery: { id: `hrprobe${round}delivery`, timestamp: new Date(round * 86_400_000 * 400) },
  snapshot: (sample) => probeOf(sample, round, { n: 0 }) as JsonObject,
}));

/**
 * Finds the host a URL template sends to, with the real settings. The host counts as built from
 * element or delivery variables when rendering with other element and delivery data (every value
 * changed) gives another host. Probes that fail to render are not held against the template: the relay
 * checks the resolved address at delivery in any case.
 */
export function resolveSaveTimeHost(template: UrlTemplate): SaveTimeHost {
  const sample = renderUrl(template, SAMPLE);
  if ('problem' in sample) return { kind: 'unrenderable', problem: sample.problem };
  for (const probe of PROBES) {
    const rendered = renderUrl(template, probe);
    if ('host' in rendered && rendered.host !== sample.host) return { kind: 'element-dependent' };
  }
  return { kind: 'fixed', host: sample.host };
}

/**
 * The request fields to blame for the host: `url` when the template names the host literally, else the
 * settings the URL reads whose value holds that host (`target.settings.webhook_url`), else every setting
 * the URL reads, else `url`.
 */
export function fieldsNamingHost(template: UrlTemplate, host?: string): string[] {
  if (literalHostOf(template.url) !== undefined) return ['url'];
  const keys = [
    ...new Set([...template.url.matchAll(/\{\{-?\s*settings\.([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '')),
  ];
  const holding = keys.filter((key) => {
    const value = template.settings[key];
    return (
      host !== undefined && typeof value === 'string' && value.toLowerCase().includes(host.toLowerCase())
    );
  });
  const blamed = holding.length > 0 ? holding : keys;
  return blamed.length > 0 ? blamed.map((key) => `target.settings.${key}`) : ['url'];
}

/** The host of a URL template when it is written out (no variables in it); undefined otherwise. */
export function literalHostOf(urlTemplate: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(urlTemplate.trim());
  if (!match?.[1] || match[1].includes('{')) return undefined;
  return match[1];
}
