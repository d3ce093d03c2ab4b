import { describe, expect, it } from 'vitest';
import { slack } from './index';

const settings = { webhook_url: 'https://hooks.slack.com/services/T000/B000/XXXX' };

describe('slack', () => {
  it('prefills a message for a new RSVP, escaping user text', () => {
    expect(slack.prefill({ settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: '{{settings.webhook_url}}',
      headers: [],
      body: [
        {
          key: 'text',
          value:
            "New RSVP: *{{ name | replace: '&', '&amp;' | replace: '<', '&lt;' | replace: '>', '&gt;' }}* " +
            "({{ email | replace: '&', '&amp;' | replace: '<', '&lt;' | replace: '>', '&gt;' }}) answered " +
            "{{ status | replace: '&', '&amp;' | replace: '<', '&lt;' | replace: '>', '&gt;' }} for " +
            "{{ seats | replace: '&', '&amp;' | replace: '<', '&lt;' | replace: '>', '&gt;' }} seat(s)",
        },
      ],
      includeElementData: false,
    });
  });

  it('requires the webhook URL, which must be http(s)', () => {
    expect(slack.validate({})).toEqual([{ field: 'target.settings.webhook_url', message: 'is required' }]);
    expect(slack.validate({ webhook_url: 'hooks.slack.com' })).toEqual([
      { field: 'target.settings.webhook_url', message: 'must be an http(s) URL' },
    ]);
    expect(slack.validate(settings)).toEqual([]);
  });

  it('marks the webhook URL secret (it is the credential)', () => {
    expect(slack.settings.find((field) => field.key === 'webhook_url')?.secret).toBe(true);
  });

  it.each([
    [
      404,
      'no_service',
      {
        outcome: 'dead',
        reason: 'Slack answered 404 no_service: the webhook no longer works',
        disableWebhook: true,
      },
    ],
    [
      410,
      'channel_is_archived',
      {
        outcome: 'dead',
        reason: 'Slack answered 410 channel_is_archived: the webhook no longer works',
        disableWebhook: true,
      },
    ],
    [400, 'invalid_payload', { outcome: 'dead', reason: 'Slack refused the message: 400 invalid_payload' }],
    [200, 'ok', undefined],
    [500, 'rollup_error', undefined],
  ])('classifies %i %s', (status, body, verdict) => {
    expect(slack.classifyResponse?.({ status, headers: {}, body })).toEqual(verdict);
  });
});
