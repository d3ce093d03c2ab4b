import { destinationOrigin, renderRequest, sampleSnapshot } from '@hookrelay/core';
import type { ElementType, JsonObject, JsonValue, Trigger } from '@hookrelay/core';

export interface UrlTemplate {
  element: ElementType;
  trigger: Trigger;
  url: string;
  /** The target's plain settings, defaults applied (`{}` without a target). */
  settings: JsonObject;
}

/**
 * Where a URL template sends to at save time:
 * - `fixed`: the same origin (scheme, host, port) for every element and delivery (literal, or built from
 *   settings only); `host` is its host name, `origin` the webhook's destination;
 * - `element-dependent`: element or delivery variables change the origin, so it is only known at delivery;
 * - `unrenderable`: the URL does not render with these settings (`problem` says why).
 */
export type SaveTimeHost =
  | { kind: 'fixed'; host: string; origin: string }
  | { kind: 'element-dependent' }
  | { kind: 'unrenderable'; problem: string };

interface RenderedTarget {
  host: string;
  origin: string;
}

/** Renders the URL only (no headers or body), with the real settings and the given element and delivery. */
function renderUrl(template: UrlTemplate, variant: Variant): RenderedTarget | { problem: string } {
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
      snapshot: variant.snapshot(sampleSnapshot(template.element, template.trigger)),
      delivery: variant.delivery,
      settings: template.settings,
    }).url;
    const parsed = new URL(url);
    return { host: parsed.hostname, origin: destinationOrigin(parsed) };
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

interface ProbeRound {
  round: number;
  moveNumber(value: number): number;
}

/** Every leaf of the sample changed (strings to other letters, numbers moved, booleans maybe flipped). */
function probeOf(value: JsonValue, probe: ProbeRound, counter: { n: number }): JsonValue {
  const { round } = probe;
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return new Date(Date.parse(value) + round * 86_400_000).toISOString();
    counter.n += 1;
    return `hrprobe${round}x${counter.n}`;
  }
  if (typeof value === 'number') return probe.moveNumber(value);
  if (typeof value === 'boolean') return round % 2 === 0 ? !value : value;
  if (Array.isArray(value)) return value.map((item) => probeOf(item, probe, counter));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, probeOf(item, probe, counter)]),
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

const PROBE_ROUNDS: ProbeRound[] = [
  // far moves cross thresholds in conditions (`{% if seats > 5 %}`)
  { round: 1, moveNumber: (value) => value * 1000 + 7 },
  { round: 2, moveNumber: (value) => value * 1000 + 14 },
  // near moves keep a number in a narrow range, so a port built from one still parses and is compared
  { round: 3, moveNumber: (value) => value + 1 },
  { round: 4, moveNumber: (value) => value + 2 },
];

const PROBES: Variant[] = PROBE_ROUNDS.map((probe) => ({
  webhookId: `hrprobe${probe.round}webhook`,
  webhookName: `hrprobe${probe.round}name`,
  delivery: { id: `hrprobe${probe.round}delivery`, timestamp: new Date(probe.round * 86_400_000 * 400) },
  snapshot: (sample) => probeOf(sample, probe, { n: 0 }) as JsonObject,
}));

/**
 * Finds the origin a URL template sends to, with the real settings. The origin counts as built from
 * element or delivery variables when rendering with other element and delivery data (every value
 * changed) gives another scheme, host or port. Probes that fail to render are not held against the
 * template: the relay checks the resolved address at delivery in any case.
 */
export function resolveSaveTimeHost(template: UrlTemplate): SaveTimeHost {
  const sample = renderUrl(template, SAMPLE);
  if ('problem' in sample) return { kind: 'unrenderable', problem: sample.problem };
  for (const probe of PROBES) {
    const rendered = renderUrl(template, probe);
    if ('origin' in rendered && rendered.origin !== sample.origin) return { kind: 'element-dependent' };
  }
  return { kind: 'fixed', host: sample.host, origin: sample.origin };
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
