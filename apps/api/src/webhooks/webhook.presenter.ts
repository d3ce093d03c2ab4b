import type { JsonObject, WebhookDefinition } from '@hookrelay/core';
import type { ElementType, HttpMethod, Trigger, WebhookStatus } from '@hookrelay/core';
import { WebhookEntity } from '@hookrelay/db';
import type { SettingField } from '@hookrelay/targets';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookResponse } from './webhook.response';

export { WebhookResponse };

export function toWebhookResponse(
  webhook: WebhookEntity,
  secrets: WebhookSecrets,
  settingsSchema: readonly SettingField[],
): WebhookResponse {
  return {
    id: webhook.id,
    name: webhook.name,
    status: webhook.status as WebhookStatus,
    disabled_reason: webhook.disabledReason,
    trigger: webhook.trigger as Trigger,
    element: webhook.element as ElementType,
    method: webhook.method as HttpMethod,
    url: webhook.url,
    headers: secrets.maskHeaders(webhook.headers),
    body: webhook.body,
    include_element_data: webhook.includeElementData,
    target: webhook.targetKind
      ? {
          kind: webhook.targetKind,
          settings: secrets.maskSettings(settingsSchema, (webhook.targetSettings ?? {}) as JsonObject),
        }
      : null,
    retry_schedule: webhook.retrySchedule,
    previous_secret_expires_at: webhook.previousSecretExpiresAt?.toISOString() ?? null,
    created_at: webhook.createdAt.toISOString(),
    updated_at: webhook.updatedAt.toISOString(),
  };
}

/** The stored webhook as the core renders it: secrets opened. */
export function toWebhookDefinition(
  webhook: WebhookEntity,
  secrets: WebhookSecrets,
  settingsSchema: readonly SettingField[],
): WebhookDefinition {
  return {
    id: webhook.id,
    accountId: webhook.accountId,
    name: webhook.name,
    status: webhook.status as WebhookStatus,
    trigger: webhook.trigger as Trigger,
    element: webhook.element as ElementType,
    method: webhook.method as HttpMethod,
    url: webhook.url,
    headers: secrets.openHeaders(webhook.headers),
    body: webhook.body,
    includeElementData: webhook.includeElementData,
    target: webhook.targetKind
      ? {
          kind: webhook.targetKind,
          settings: secrets.openSettings(settingsSchema, (webhook.targetSettings ?? {}) as JsonObject),
        }
      : null,
  };
}
