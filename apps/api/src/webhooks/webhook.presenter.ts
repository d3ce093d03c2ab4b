import { openWebhookDefinition } from '@hookrelay/core';
import type { WebhookDefinition } from '@hookrelay/core';
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
    status: webhook.status,
    disabled_reason: webhook.disabledReason,
    trigger: webhook.trigger,
    element: webhook.element,
    method: webhook.method,
    url: webhook.url,
    headers: secrets.maskHeaders(webhook.headers),
    body: webhook.body,
    include_element_data: webhook.includeElementData,
    target: webhook.targetKind
      ? {
          kind: webhook.targetKind,
          settings: secrets.maskSettings(settingsSchema, webhook.targetSettings ?? {}),
        }
      : null,
    retry_schedule: webhook.retrySchedule,
    rate_limit: webhook.rateLimit,
    filter: webhook.filter,
    ordering: webhook.ordering,
    destination: destination ? toDestinationResponse(destination, now) : null,
    ...retiredSecretsOf(webhook, now),
    created_at: webhook.createdAt.toISOString(),
    updated_at: webhook.updatedAt.toISOString(),
  };
}

/** The replaced secrets that still sign: their expiry times only, never the secrets. */
function retiredSecretsOf(
  webhook: WebhookEntity,
  now: Date,
): Pick<WebhookResponse, 'retired_secrets' | 'previous_secret_expires_at'> {
  const expiries = webhook.retiredSigningSecrets
    .map((retired) => retired.expires_at)
    .filter((expiresAt) => Date.parse(expiresAt) > now.getTime())
    .sort();
  return {
    retired_secrets: expiries.map((expiresAt) => ({ expires_at: expiresAt })),
    previous_secret_expires_at: expiries[expiries.length - 1] ?? null,
  };
}

/** The stored webhook as the core renders it: secrets opened. */
export function toWebhookDefinition(
  webhook: WebhookEntity,
  secrets: WebhookSecrets,
  settingsSchema: readonly SettingField[],
): WebhookDefinition {
  return openWebhookDefinition(webhook, {
    openValue: (sealed) => secrets.open(sealed),
    openSettings: (settings) => secrets.openSettings(settingsSchema, settings),
  });
}
