import type { JsonObject, JsonValue } from '../domain/json';
import type { ElementType, Trigger } from '../domain/vocabulary';

/** The element data a trigger delivers: a delete carries the id only. */
export function elementDataFor(trigger: Trigger, snapshot: JsonObject): JsonObject {
  if (trigger !== 'delete') return snapshot;
  const id: JsonValue = snapshot['id'] ?? null;
  return { id };
}

/**
 * The variables a template sees: element fields at the top level and under the element's name,
 * then the meta variables (set last, so they win over any element field of the same name).
 * Built key by key: much faster than a spread followed by computed keys (this is the hot path).
 */
export function buildScope(input: {
  element: ElementType;
  trigger: Trigger;
  snapshot: JsonObject;
  delivery: { id: string; timestamp: Date };
  webhook: { id: string; name: string };
  settings: Record<string, unknown>;
}): Record<string, unknown> {
  const data = elementDataFor(input.trigger, input.snapshot);
  const scope: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    // Assigning '__proto__' would set the prototype: define it as a plain own key instead.
    if (key === '__proto__')
      Object.defineProperty(scope, key, { value: data[key], enumerable: true, writable: true });
    else scope[key] = data[key];
  }
  scope[input.element] = data;
  scope['delivery'] = { id: input.delivery.id, timestamp: input.delivery.timestamp.toISOString() };
  scope['webhook'] = { id: input.webhook.id, name: input.webhook.name };
  scope['trigger'] = input.trigger;
  scope['element'] = input.element;
  scope['settings'] = input.settings;
  return scope;
}
