import type { JsonObject, JsonValue } from '../domain/json';
import type { WebhookDefinition } from '../domain/webhook';
import type { HttpMethod, Trigger } from '../domain/vocabulary';
import { TemplateRenderError } from '../errors';
import { parseBodyKey, RESERVED_BODY_KEY } from '../templating/body-key';
import { setAtPath } from '../templating/build-body';
import { buildScope, elementDataFor } from '../templating/build-scope';
import { encodeHeaderValue, headerValueProblem } from '../templating/header-rules';
import { renderJsonValue, renderText } from '../templating/render-template';
import { parseRenderedUrl, trustSettingsForUrl } from '../templating/url-rules';

export interface RenderedRequest {
  method: HttpMethod;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** JSON text; undefined for GET. */
  body: string | undefined;
}

export interface RenderRequestInput {
  webhook: WebhookDefinition;
  /** The element as it was at the change. */
  snapshot: JsonObject;
  /** Defaults to the webhook's trigger. */
  trigger?: Trigger;
  delivery: { id: string; timestamp: Date };
  /** The target plugin's settings (validated, defaults applied). */
  settings?: JsonObject;
}

function hasKeys(object: object): boolean {
  for (const key in object) if (Object.prototype.hasOwnProperty.call(object, key)) return true;
  return false;
}

function renderBodyPairs(webhook: WebhookDefinition, scope: object): { key: string; value: JsonValue }[] {
  return webhook.body.map((pair, i) => ({
    key: pair.key,
    value: renderJsonValue({ field: `body[${i}].value`, source: pair.value, scope }),
  }));
}

function buildJsonBody(
  pairs: { key: string; value: JsonValue }[],
  elementData: JsonObject | undefined,
): string {
  const body: JsonObject = {};
  if (elementData) body[RESERVED_BODY_KEY] = elementData;
  pairs.forEach((pair, i) => {
    const parsed = parseBodyKey(pair.key);
    if ('problem' in parsed) throw new TemplateRenderError(`body[${i}].key`, parsed.problem);
    const clash = setAtPath(body, parsed.path, pair.value);
    if (clash) throw new TemplateRenderError(`body[${i}].key`, `'${pair.key}': ${clash}`);
  });
  return JSON.stringify(body);
}

function withQuery(
  parsed: URL,
  pairs: { key: string; value: JsonValue }[],
  elementData: JsonObject | undefined,
): string {
  for (const pair of pairs) {
    parsed.searchParams.append(
      pair.key,
      typeof pair.value === 'string' ? pair.value : JSON.stringify(pair.value),
    );
  }
  if (elementData) parsed.searchParams.append(RESERVED_BODY_KEY, JSON.stringify(elementData));
  return parsed.href;
}

/**
 * Renders a webhook into the HTTP request to send (DESIGN §2). Values are rendered one by one and
 * then JSON-encoded, so the body is valid JSON whatever the data holds.
 * Throws TemplateRenderError (with `.field`) when a template fails or produces something unsafe.
 */
export function renderRequest(input: RenderRequestInput): RenderedRequest {
  const { webhook } = input;
  const trigger = input.trigger ?? webhook.trigger;
  const settings = input.settings ?? {};
  const scopeInput = {
    element: webhook.element,
    trigger,
    snapshot: input.snapshot,
    delivery: input.delivery,
    webhook: { id: webhook.id, name: webhook.name },
  };
  const scope = buildScope({ ...scopeInput, settings });

  // without settings the URL scope is the same as the other one: don't build it twice
  const urlScope =
    webhook.url.includes('{') && hasKeys(settings)
      ? buildScope({ ...scopeInput, settings: trustSettingsForUrl(settings) })
      : scope;
  const renderedUrl = renderText({ field: 'url', source: webhook.url, kind: 'url', scope: urlScope });
  const parsedUrl = parseRenderedUrl(renderedUrl);
  if ('problem' in parsedUrl) throw new TemplateRenderError('url', parsedUrl.problem);

  const headers: Record<string, string> = {};
  webhook.headers.forEach((header, i) => {
    const field = `headers[${i}].value`;
    const value = encodeHeaderValue(renderText({ field, source: header.value, kind: 'text', scope }));
    // can't happen after encoding: a last guard against a split header
    const problem = headerValueProblem(value);
    if (problem) throw new TemplateRenderError(field, `rendered ${problem}`);
    headers[header.key.toLowerCase()] = value;
  });

  const pairs = renderBodyPairs(webhook, scope);
  const elementData = webhook.includeElementData ? elementDataFor(trigger, input.snapshot) : undefined;
  if (webhook.method === 'GET') {
    return {
      method: webhook.method,
      url: withQuery(parsedUrl.url, pairs, elementData),
      headers,
      body: undefined,
    };
  }
  headers['content-type'] ??= 'application/json';
  return {
    method: webhook.method,
    url: parsedUrl.url.href,
    headers,
    body: buildJsonBody(pairs, elementData),
  };
}
