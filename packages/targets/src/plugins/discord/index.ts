import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { changeTimestamp } from '../shared/element-fields';
import { eventName } from '../shared/naming';
import { textSummary } from '../shared/text-summary';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'webhook_url',
    label: 'Webhook URL',
    type: 'url',
    required: true,
    secret: true,
    example: 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
    description: 'Channel settings → Integrations → Webhooks → Copy Webhook URL.',
  },
];

/** Discord error codes meaning the webhook is gone: 10015 Unknown Webhook, 50027 Invalid Webhook Token. */
const GONE_CODES = /"code"\s*:\s*(10015|50027)\b/;

export const discord: TargetPlugin = {
  kind: 'discord',
  displayName: 'Discord',
  category: 'notification',
  description: 'Posts an embed to a channel through a webhook (user text in the embed, so no one is pinged).',
  docsUrl: 'https://discord.com/developers/docs/resources/webhook#execute-webhook',
  settings: SETTINGS,
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ element, trigger }) => ({
    method: 'POST',
    url: '{{settings.webhook_url}}',
    headers: [],
    body: [
      // User text goes in the embed only: mentions inside embeds never notify anyone.
      { key: 'embeds.0.title', value: eventName(element, trigger) },
      { key: 'embeds.0.description', value: textSummary({ element, trigger, bold: (t) => `**${t}**` }) },
      { key: 'embeds.0.timestamp', value: changeTimestamp(trigger) },
    ],
    includeElementData: false,
  }),
  classifyResponse: ({ status, body }) =>
    (status === 401 || status === 404) && GONE_CODES.test(body)
      ? {
          outcome: 'dead',
          reason: `Discord answered ${status}: the webhook was deleted`,
          disableWebhook: true,
        }
      : undefined,
};
