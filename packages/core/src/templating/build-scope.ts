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
 * then the meta variables (added last, so they win over any element field of the same name).
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
  return {
    ...data,
    [input.element]: data,
    delivery: { id: input.delivery.id, timestamp: input.delivery.timestamp.toISOString() },
    webhook: { id: input.webhook.id, name: input.webhook.name },
    trigger: input.trigger,
    element: input.element,
    settings: input.settings,
  };
}
