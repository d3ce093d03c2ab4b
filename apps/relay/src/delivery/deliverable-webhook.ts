import {
  createSecretScrubber,
  openWebhookDefinition,
  parseRetrySchedule,
  type JsonObject,
  type WebhookDefinition,
} from '@hookrelay/core';
import { mapSecretSettings, type TargetPlugin, type TargetRegistry } from '@hookrelay/targets';
import { type WebhookRow } from '../outbox/outbox-store';
import { REDACTED } from './redacted';

export interface SecretBox {
  decrypt(sealed: string): string;
}

/** A webhook ready for the hot path: secrets decrypted once, schedule parsed, plugin looked up. */
export interface DeliverableWebhook {
  definition: WebhookDefinition;
  /** Target settings with secret fields decrypted, for `{{settings.x}}`. */
  settings: JsonObject | undefined;
  signingSecret: string;
  /** Secrets replaced in the last 24 h: each still signs until it expires. */
  retiredSigningSecrets: readonly { secret: string; expiresAt: Date }[];
  /** Lower-cased names of headers whose values are secret: redacted in attempt logs. */
  secretHeaderNames: ReadonlySet<string>;
  /** Replaces secret values (secret settings and header values) wherever they appear: for attempt logs. */
  scrubSecrets: (text: string) => string;
  retrySchedule: readonly number[];
  plugin: TargetPlugin | undefined;
  version: string;
}

/**
 * The webhook's target plugin is not loaded in this relay: its settings (secret ones sealed in a shape
 * only the plugin knows) cannot be rendered, so its jobs are not sent at all.
 */
export class UnloadedPluginError extends Error {
  constructor(readonly kind: string) {
    super(
      `the webhook's target plugin "${kind}" is not loaded in this relay (HOOKRELAY_TARGET_PLUGINS); ` +
        'its settings cannot be sent without it',
    );
    this.name = 'UnloadedPluginError';
  }
}

/**
 * Turns a stored row into a DeliverableWebhook; throws when a secret cannot be decrypted, and
 * UnloadedPluginError when its target plugin is not loaded.
 */
export function toDeliverableWebhook(input: {
  row: WebhookRow;
  box: SecretBox;
  targets: TargetRegistry;
  defaultSchedule: readonly number[];
}): DeliverableWebhook {
  const { row, box } = input;
  const plugin = row.targetKind ? input.targets.get(row.targetKind) : undefined;
  if (row.targetKind && !plugin) throw new UnloadedPluginError(row.targetKind);
  const definition = openWebhookDefinition(row, {
    openValue: (sealed) => box.decrypt(sealed),
    openSettings: (settings) =>
      plugin
        ? mapSecretSettings({ schema: plugin.settings, settings, transform: (v) => box.decrypt(v) })
        : settings,
  });
  const settings = definition.target?.settings;
  const secretHeaders = definition.headers.filter((h) => h.secret);
  return {
    definition,
    settings,
    signingSecret: box.decrypt(row.signingSecret),
    retiredSigningSecrets: row.retiredSigningSecrets.map((retired) => ({
      secret: box.decrypt(retired.secret),
      expiresAt: new Date(retired.expires_at),
    })),
    secretHeaderNames: new Set(secretHeaders.map((h) => h.key.toLowerCase())),
    scrubSecrets: createSecretScrubber(
      [
        ...secretHeaders.map((h) => h.value),
        ...(plugin && settings ? secretSettingValues(plugin, settings) : []),
      ],
      () => REDACTED,
    ),
    retrySchedule: parseScheduleOr(row.retrySchedule, input.defaultSchedule),
    plugin,
    version: row.version,
  };
}

function secretSettingValues(plugin: TargetPlugin, settings: JsonObject): string[] {
  return plugin.settings
    .filter((field) => field.secret)
    .map((field) => settings[field.key])
    .filter((value): value is string => typeof value === 'string');
}

/** The webhook's own schedule, or `fallback` when it has none or it cannot be read. */
export function parseScheduleOr(text: string | null, fallback: readonly number[]): readonly number[] {
  if (!text) return fallback;
  try {
    return parseRetrySchedule(text);
  } catch {
    // the API validates schedules on save; an unreadable one must not stop deliveries
    return fallback;
  }
}
