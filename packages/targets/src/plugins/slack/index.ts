import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { textSummary } from '../shared/text-summary';

const SETTINGS: readonly SettingField[] = [
  {
    key: 'webhook_url',
    label: 'Incoming webhook URL',
    type: 'url',
    required: true,
    secret: true,
    example: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    description: 'https://hooks.slack.com/services/… from the Slack app\'s "Incoming Webhooks" page.',
  },
];

/** Slack escapes only these three in message text; escaping them keeps names from injecting `<!channel>`. */
function slackEscaped(variable: string): string {
  return `{{ ${variable} | replace: '&', '&amp;' | replace: '<', '&lt;' | replace: '>', '&gt;' }}`;
}

/** Webhook answers that mean this URL will never work again: disable instead of retrying later. */
const GONE = new Set(['no_service', 'invalid_token', 'channel_not_found', 'channel_is_archived', 'no_team']);
const REFUSED = new Set([
  'invalid_payload',
  'no_text',
  'too_many_attachments',
  'user_not_found',
  'action_prohibited',
  'posting_to_general_channel_denied',
]);

export const slack: TargetPlugin = {
  kind: 'slack',
  displayName: 'Slack',
  category: 'notification',
  description: 'Posts a one-line message (mrkdwn) to a channel through an incoming webhook.',
  docsUrl: 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks',
  settings: SETTINGS,
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ element, trigger }) => ({
    method: 'POST',
    url: '{{settings.webhook_url}}',
    headers: [],
    body: [
      { key: 'text', value: textSummary({ element, trigger, escape: slackEscaped, bold: (t) => `*${t}*` }) },
    ],
    includeElementData: false,
  }),
  classifyResponse: ({ status, body }) => {
    const code = body.trim();
    if (GONE.has(code)) {
      return {
        outcome: 'dead',
        reason: `Slack answered ${status} ${code}: the webhook no longer works`,
        disableWebhook: true,
      };
    }
    if (REFUSED.has(code)) return { outcome: 'dead', reason: `Slack refused the message: ${status} ${code}` };
    return undefined;
  },
};
