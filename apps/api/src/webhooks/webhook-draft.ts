import type { FilterCondition, JsonObject, Ordering, WebhookDefinition } from '@hookrelay/core';
import type { WebhookEntity } from '@hookrelay/db';
import type { TargetPlugin } from '@hookrelay/targets';
import type { WebhookSecrets } from './webhook-secrets';

/** A webhook about to be saved, secrets in plain text: what validation looks at. */
export interface WebhookDraft extends Omit<WebhookDefinition, 'id' | 'accountId' | 'target'> {
  /** Settings validated, defaults applied. */
  target: { kind: string; plugin: TargetPlugin | undefined; settings: JsonObject } | null;
  retrySchedule: string | null;
  /** Requests per second; null: no limit. */
  rateLimit: number | null;
  /** All must hold for a change to give the webhook a job; [] for none. */
  filter: FilterCondition[];
  ordering: Ordering;
}

/** The columns a draft is stored in: secret header values and secret settings sealed. */
export function toWebhookColumns(
  draft: WebhookDraft,
  { destinationId, secrets }: { destinationId: string; secrets: WebhookSecrets },
): Partial<WebhookEntity> {
  return {
    name: draft.name,
    status: draft.status,
    trigger: draft.trigger,
    element: draft.element,
    method: draft.method,
    url: draft.url,
    headers: secrets.sealHeaders(draft.headers),
    body: draft.body.map((p) => ({ key: p.key, value: p.value })),
    includeElementData: draft.includeElementData,
    targetKind: draft.target?.kind ?? null,
    targetSettings: draft.target
      ? secrets.sealSettings(draft.target.plugin?.settings ?? [], draft.target.settings)
      : null,
    retrySchedule: draft.retrySchedule,
    rateLimit: draft.rateLimit,
    filter: draft.filter.map((c) => (c.value === undefined ? { field: c.field, op: c.op } : { ...c })),
    ordering: draft.ordering,
    destinationId,
  };
}
