import type { JsonValue } from '../domain/json';
import { TemplateRenderError } from '../errors';
import { compileTemplate, type InterpolationPart } from './compiled-template';
import type { TemplateKind } from './liquid-engine';
import { encodeUrlOutput, renderLiquid, TrustedUrlPart } from './liquid-engine';
import { lookupPath } from './lookup-path';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function compileOrThrow(field: string, source: string, kind: TemplateKind) {
  try {
    return compileTemplate(source, kind);
  } catch (error) {
    throw new TemplateRenderError(field, `template does not parse: ${describe(error)}`, { cause: error });
  }
}

/** Renders a template to text (url, header values, body values with filters). */
export function renderText(input: {
  field: string;
  source: string;
  kind: TemplateKind;
  scope: object;
}): string {
  const compiled = compileOrThrow(input.field, input.source, input.kind);
  if (compiled.kind === 'literal') return compiled.text;
  if (compiled.kind === 'variable') {
    // Fast path for a lone scalar, written as Liquid would write it; lists and objects go to Liquid.
    const value = lookupPath(input.scope, compiled.path);
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  if (compiled.kind === 'interpolation') {
    const text = interpolate(compiled.parts, input.kind, input.scope);
    if (text !== undefined) return text;
  }
  try {
    return renderLiquid(input.kind, compiled.templates, input.scope);
  } catch (error) {
    throw new TemplateRenderError(input.field, describe(error), { cause: error });
  }
}

/**
 * Text with plain outputs, written as Liquid would write it; undefined when a value is anything but a
 * scalar (or a trusted URL part), so that Liquid renders it (and words any error) as it always has.
 */
function interpolate(
  parts: readonly InterpolationPart[],
  kind: TemplateKind,
  scope: object,
): string | undefined {
  let out = '';
  for (const part of parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const value = lookupPath(scope, part.path);
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out += kind === 'url' ? encodeUrlOutput(value) : String(value);
    else if (kind === 'url' && value instanceof TrustedUrlPart) out += value.text;
    else return undefined;
  }
  return out;
}

/** Renders a body value: a lone variable keeps its JSON type, anything else becomes a string. */
export function renderJsonValue(input: { field: string; source: string; scope: object }): JsonValue {
  const compiled = compileOrThrow(input.field, input.source, 'text');
  if (compiled.kind === 'literal') return compiled.text;
  if (compiled.kind === 'variable') {
    const value = lookupPath(input.scope, compiled.path);
    // missing data (an answer not given, an index past the end) is JSON null, as in Liquid's text
    if (value === undefined) return null;
    // a copy: a later body key (`f.extra` after `f` = `{{fields}}`) must not write into the element data
    return typeof value === 'object' && value !== null
      ? structuredClone(value as JsonValue)
      : (value as JsonValue);
  }
  try {
    return renderLiquid('text', compiled.templates, input.scope);
  } catch (error) {
    throw new TemplateRenderError(input.field, describe(error), { cause: error });
  }
}
