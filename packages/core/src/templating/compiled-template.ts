import type { Template } from 'liquidjs';
import { ENGINES, type TemplateKind } from './liquid-engine';
import { TEMPLATE_LIMITS } from './template-limits';

export type VariablePath = readonly (string | number)[];

/**
 * A template compiled once and rendered many times. Plain text and a lone variable skip Liquid at
 * render time: the first is the common case for constant fields, the second keeps the JSON type.
 */
export type CompiledTemplate =
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; path: VariablePath; templates: Template[] }
  | { kind: 'interpolation'; parts: readonly InterpolationPart[]; templates: Template[] }
  | { kind: 'liquid'; templates: Template[] };

/** Text with plain `{{ path }}` outputs in it (`https://x.example.com/rsvps/{{id}}?e={{event_id}}`). */
export type InterpolationPart = { text: string } | { path: VariablePath };

/** `{{ seats }}`, `{{rsvp.fields.company}}`, `{{ dates[0].start }}`: one variable, no filter. */
const LONE_VARIABLE = /^\{\{-?\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\.\d+|\[\d+\])*)\s*-?\}\}$/;
/** Liquid's computed properties: leave them to Liquid. */
const COMPUTED_PROPERTIES = new Set(['size', 'first', 'last']);

function lonePath(source: string): VariablePath | undefined {
  const match = LONE_VARIABLE.exec(source);
  if (!match?.[1]) return undefined;
  const path = match[1]
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  return path.some((segment) => typeof segment === 'string' && COMPUTED_PROPERTIES.has(segment))
    ? undefined
    : path;
}

/** Plain outputs only: no tags, no filters, no whitespace control. */
const PLAIN_OUTPUT = /\{\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\.\d+|\[\d+\])*)\s*\}\}/g;

function interpolationParts(source: string): InterpolationPart[] | undefined {
  if (source.includes('{%')) return undefined;
  const parts: InterpolationPart[] = [];
  let at = 0;
  for (const match of source.matchAll(PLAIN_OUTPUT)) {
    const path = lonePath(match[0]);
    if (!path) return undefined;
    if (match.index > at) parts.push({ text: source.slice(at, match.index) });
    parts.push({ path });
    at = match.index + match[0].length;
  }
  if (at < source.length) parts.push({ text: source.slice(at) });
  // anything Liquid would read as markup outside the plain outputs: leave the whole template to Liquid
  const leftover = parts.some(
    (part) => 'text' in part && (part.text.includes('{{') || part.text.includes('}}')),
  );
  return leftover ? undefined : parts;
}

function compileUncached(source: string, kind: TemplateKind): CompiledTemplate {
  if (!source.includes('{{') && !source.includes('{%')) return { kind: 'literal', text: source };
  const templates = ENGINES[kind].parse(source);
  const path = kind === 'text' ? lonePath(source) : undefined;
  if (path) return { kind: 'variable', path, templates };
  const parts = interpolationParts(source);
  return parts ? { kind: 'interpolation', parts, templates } : { kind: 'liquid', templates };
}

/**
 * Bounded caches, one per kind, evicting the oldest entry first. Hits are not reordered: that keeps
 * the hot path to one Map lookup, and webhook templates are few and long-lived.
 */
const caches: { readonly [K in TemplateKind]: Map<string, CompiledTemplate> } = {
  text: new Map(),
  url: new Map(),
};

/** Parses (or fetches from cache) a template. Throws liquidjs' ParseError/TokenizationError on bad syntax. */
export function compileTemplate(source: string, kind: TemplateKind): CompiledTemplate {
  const cache = caches[kind];
  const hit = cache.get(source);
  if (hit) return hit;
  const compiled = compileUncached(source, kind);
  if (cache.size >= TEMPLATE_LIMITS.cacheSize) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(source, compiled);
  return compiled;
}
