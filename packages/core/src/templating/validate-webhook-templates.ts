import { scopeFields } from '../catalog/scope-fields';
import type { JsonObject } from '../domain/json';
import type { BodyPair, HeaderPair } from '../domain/webhook';
import type { ElementType, HttpMethod, Trigger } from '../domain/vocabulary';
import { parseBodyKey } from './body-key';
import { setAtPath } from './build-body';
import { checkVariablePath } from './check-variable-path';
import { compileTemplate } from './compiled-template';
import type { FieldError } from './field-error';
import { headerNameProblem, headerValueProblem } from './header-rules';
import { ENGINES, renderLiquid, type TemplateKind } from './liquid-engine';
import { sampleScope } from './sample-scope';
import { parseRenderedUrl } from './url-rules';

export interface WebhookTemplatesInput {
  element: ElementType;
  trigger: Trigger;
  method: HttpMethod;
  url: string;
  headers: HeaderPair[];
  body: BodyPair[];
  /** Keys of the target plugin's settings. Undefined = any `settings.*` is accepted. */
  settingsKeys?: string[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Parses one template, checks every variable it reads, then renders it once on sample data, so a
 * template that blows a limit (a runaway loop, output past `outputLimit`) is refused now rather than
 * failing every delivery. Returns the sample rendering; undefined after an error.
 */
function checkTemplate(input: {
  field: string;
  source: string;
  kind: TemplateKind;
  context: WebhookTemplatesInput;
  errors: FieldError[];
}): string | undefined {
  let compiled;
  try {
    compiled = compileTemplate(input.source, input.kind);
  } catch (error) {
    input.errors.push({ field: input.field, message: `template syntax error: ${describe(error)}` });
    return undefined;
  }
  if (compiled.kind === 'literal') return compiled.text;
  const segments = ENGINES[input.kind].globalVariableSegmentsSync(compiled.templates, { partials: false });
  const fields = scopeFields(input.context.element, input.context.trigger);
  const problems = new Set<string>();
  for (const variable of segments) {
    const problem = checkVariablePath({
      segments: variable,
      fields,
      settingsKeys: input.context.settingsKeys,
    });
    if (problem) problems.add(problem);
  }
  for (const message of problems) input.errors.push({ field: input.field, message });
  if (problems.size > 0) return undefined;
  const { element, trigger } = input.context;
  try {
    const scope = sampleScope({ element, trigger, kind: input.kind, segments });
    return renderLiquid(input.kind, compiled.templates, scope);
  } catch (error) {
    input.errors.push({ field: input.field, message: `template fails on sample data: ${describe(error)}` });
    return undefined;
  }
}

function checkUrl(input: WebhookTemplatesInput, errors: FieldError[]): void {
  if (/[\r\n]/.test(input.url)) {
    errors.push({ field: 'url', message: 'URL must not contain line breaks' });
    return;
  }
  const rendered = checkTemplate({ field: 'url', source: input.url, kind: 'url', context: input, errors });
  if (rendered === undefined) return;
  // the sample rendering must be an absolute http(s) URL
  const parsed = parseRenderedUrl(rendered);
  if ('problem' in parsed) errors.push({ field: 'url', message: parsed.problem });
}

function checkHeaders(input: WebhookTemplatesInput, errors: FieldError[]): void {
  const seen = new Map<string, number>();
  input.headers.forEach((header, i) => {
    const nameProblem = headerNameProblem(header.key);
    if (nameProblem) errors.push({ field: `headers[${i}].key`, message: nameProblem });
    const lower = header.key.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) {
      errors.push({
        field: `headers[${i}].key`,
        message: `header '${header.key}' is already set by headers[${first}]`,
      });
    } else {
      seen.set(lower, i);
    }
    const field = `headers[${i}].value`;
    const valueProblem = headerValueProblem(header.value);
    if (valueProblem) errors.push({ field, message: valueProblem });
    else checkTemplate({ field, source: header.value, kind: 'text', context: input, errors });
  });
}

function checkBody(input: WebhookTemplatesInput, errors: FieldError[]): void {
  const shape: JsonObject = {};
  input.body.forEach((pair, i) => {
    const parsed = parseBodyKey(pair.key);
    if ('problem' in parsed) {
      errors.push({ field: `body[${i}].key`, message: parsed.problem });
    } else {
      const clash = setAtPath(shape, parsed.path, i);
      if (clash) errors.push({ field: `body[${i}].key`, message: `'${pair.key}': ${clash}` });
    }
    checkTemplate({ field: `body[${i}].value`, source: pair.value, kind: 'text', context: input, errors });
  });
}

/**
 * Checks a webhook's templates when it is saved: syntax, unknown variables, header names and values,
 * body keys, that every template renders on sample data within the limits, and that the URL renders
 * to an absolute http(s) URL. Empty list = valid.
 */
export function validateWebhookTemplates(input: WebhookTemplatesInput): FieldError[] {
  const errors: FieldError[] = [];
  checkUrl(input, errors);
  checkHeaders(input, errors);
  checkBody(input, errors);
  return errors;
}
