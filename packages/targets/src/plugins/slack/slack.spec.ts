import { describe, expect, it } from 'vitest';
import { renderPrefill, SAMPLE_RSVP } from '../../../test/render-prefill';
import { slack } from './index';

const settings = { webhook_url: 'https://hooks.slack.com/services/T000/B000/XXXX' };

describe('slack', () => {
  it('posts a one-line message for a new RSVP', () => {
    expect(renderPrefill({ plugin: slack, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://hooks.slack.com/services/T000/B000/XXXX',
      headers: { 'content-type': 'application/json' },
      body: { text: 'New RSVP: *Ada Lovelace* (ada@example.com) answered yes for 2 seat(s)' },
    });
  });

  it('posts a one-line message for an updated event, and for a deleted one', () => {
    expect(renderPrefill({ plugin: slack, settings, element: 'event', trigger: 'update' })).toEqual({
      method: 'POST',
      url: 'https://hooks.slack.com/services/T000/B000/XXXX',
      headers: { 'content-type': 'application/json' },
      body: { text: 'Updated event: *TypeScript 6 launch party* (published)' },
    });
    expect(renderPrefill({ plugin: slack, settings, element: 'event', trigger: 'delete' }).body).toEqual({
      text: 'Event deleted: 9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
    });
  });

  it('escapes user text so a name cannot mention @channel or inject links', () => {
    const snapshot = { ...SAMPLE_RSVP, name: '<!channel> & <https://evil.example|click>' };
    expect(
      renderPrefill({ plugin: slack, settings, element: 'rsvp', trigger: 'create', snapshot }).body,
    ).toEqual({
      text: 'New RSVP: *&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;* (ada@example.com) answered yes for 2 seat(s)',
    });
  });

  it('keeps the webhook URL (the credential) out of the stored template', () => {
    expect(slack.prefill({ settings, element: 'rsvp', trigger: 'create' }).url).toBe(
      '{{settings.webhook_url}}',
    );
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
