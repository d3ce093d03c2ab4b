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
  | { kind: 'liquid'; templates: Template[] };

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

function compileUncached(source: string, kind: TemplateKind): CompiledTemplate {
  if (!source.includes('{{') && !source.includes('{%')) return { kind: 'literal', text: source };
  const templates = ENGINES[kind].parse(source);
  const path = kind === 'text' ? lonePath(source) : undefined;
  return path ? { kind: 'variable', path, templates } : { kind: 'liquid', templates };
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
