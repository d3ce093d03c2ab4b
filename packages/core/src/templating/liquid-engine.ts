import { Context, Liquid, toValueSync, type LiquidOptions, type Template } from 'liquidjs';
import { BoundedEmitter } from './bounded-emitter';
import { BoundedCaptureTag } from './capture-tag';
import { TEMPLATE_LIMITS } from './template-limits';

/** Values wrapped in this class are written into a URL as they are (trusted admin settings). */
export class TrustedUrlPart {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Replaces lone surrogates (which can't be percent-encoded) with U+FFFD, as String#toWellFormed does. */
export function toWellFormed(text: string): string {
  return text.replace(/\p{Surrogate}/gu, '\uFFFD');
}

/** In URLs every output is percent-encoded (an id in a path can't add `/`, `?` or `#`), except trusted parts. */
export function encodeUrlOutput(value: unknown): string {
  if (value instanceof TrustedUrlPart) return value.text;
  return encodeURIComponent(toWellFormed(value === null || value === undefined ? '' : String(value)));
}

const baseOptions: LiquidOptions = {
  // Missing data renders as nothing (an answer not given, a second date that isn't there): a delivery
  // must not die on data. Unknown variables are refused at save by static analysis, not here.
  strictVariables: false,
  strictFilters: true,
  ownPropertyOnly: true,
  // Templates come from admins: no file system, no partials.
  templates: {},
  cache: false,
  parseLimit: TEMPLATE_LIMITS.parseLimit,
  renderLimit: TEMPLATE_LIMITS.renderLimit,
  memoryLimit: TEMPLATE_LIMITS.memoryLimit,
};

/** Tags that would load other templates: refused at parse time rather than failing at delivery. */
const PARTIAL_TAGS = ['include', 'render', 'layout', 'block'] as const;

function createEngine(options: LiquidOptions): Liquid {
  const engine = new Liquid(options);
  for (const tag of PARTIAL_TAGS) Reflect.deleteProperty(engine.tags, tag);
  engine.registerTag('capture', BoundedCaptureTag);
  return engine;
}

export const TEMPLATE_KINDS = ['text', 'url'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const ENGINES: { readonly [K in TemplateKind]: Liquid } = {
  text: createEngine(baseOptions),
  url: createEngine({ ...baseOptions, outputEscape: encodeUrlOutput }),
};

/**
 * Renders parsed templates to text, stopping (with an error) once the output passes
 * `TEMPLATE_LIMITS.outputLimit`: liquidjs' `memoryLimit` does not count literal output.
 */
export function renderLiquid(kind: TemplateKind, templates: Template[], scope: object): string {
  const engine = ENGINES[kind];
  const context = new Context(scope, engine.options, { sync: true }, { liquid: engine });
  const emitter = new BoundedEmitter(TEMPLATE_LIMITS.outputLimit);
  toValueSync(engine.renderer.renderTemplates(templates, context, emitter));
  return emitter.buffer;
}
