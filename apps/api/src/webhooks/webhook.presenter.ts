import type { FilterCondition, JsonObject, WebhookDefinition } from '@hookrelay/core';
import type { ElementType, HttpMethod, Trigger, WebhookStatus } from '@hookrelay/core';
import { WebhookEntity } from '@hookrelay/db';
import type { SettingField } from '@hookrelay/targets';
import { toDestinationResponse } from '../destinations/destination.presenter';
import type { DestinationState } from '../destinations/destinations.repository';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookResponse } from './webhook.response';

export { WebhookResponse };

export interface WebhookPresentation {
  secrets: WebhookSecrets;
  settingsSchema: readonly SettingField[];
  /** The webhook's destination; null when it has none (saved before destinations existed). */
  destination: DestinationState | null;
  now: Date;
}

export function toWebhookResponse(
  webhook: WebhookEntity,
  presentation: WebhookPresentation,
): WebhookResponse {
  const { secrets, settingsSchema, destination, now } = presentation;
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
    rate_limit: webhook.rateLimit,
    filter: webhook.filter as FilterCondition[],
    destination: destination ? toDestinationResponse(destination, now) : null,
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
