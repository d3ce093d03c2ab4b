import type { JsonObject } from './json';
import type { WebhookDefinition } from './webhook';

/**
 * A webhook's definition as stored: secret header values and the secret target settings sealed, the
 * target in two columns. The API's entity and the relay's row both have this shape.
 */
export interface StoredWebhookDefinition extends Omit<WebhookDefinition, 'target'> {
  targetKind: string | null;
  targetSettings: JsonObject | null;
}

/** How the caller opens sealed values; only the target plugin knows which of its settings are sealed. */
export interface WebhookUnsealer {
  openValue: (sealed: string) => string;
  openSettings: (settings: JsonObject) => JsonObject;
}

/** The stored webhook as the core renders it: secrets opened. */
export function openWebhookDefinition(
  stored: StoredWebhookDefinition,
  unsealer: WebhookUnsealer,
): WebhookDefinition {
  return {
    id: stored.id,
    accountId: stored.accountId,
    name: stored.name,
    status: stored.status,
    trigger: stored.trigger,
    element: stored.element,
    method: stored.method,
    url: stored.url,
    headers: stored.headers.map((h) =>
      h.secret
        ? { key: h.key, value: unsealer.openValue(h.value), secret: true }
        : { key: h.key, value: h.value },
    ),
    body: stored.body,
    includeElementData: stored.includeElementData,
    target: stored.targetKind
      ? { kind: stored.targetKind, settings: unsealer.openSettings(stored.targetSettings ?? {}) }
      : null,
  };
}
