import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { discord } from './index';

const settings = {
  webhook_url: 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
};

describe('discord', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: discord, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        embeds: [
          {
            title: 'RSVP Created',
            description: 'New RSVP: **Ada Lovelace** (ada@example.com) answered yes for 2 seat(s)',
            timestamp: '2025-03-01T09:30:00.000Z',
          },
        ],
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: discord, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        embeds: [
          {
            title: 'Event Created',
            description: 'New event: **TypeScript 6 launch party** (published)',
            timestamp: '2025-03-01T09:30:00.000Z',
          },
        ],
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(discord.validate({})).toEqual([
      {
        field: 'target.settings.webhook_url',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(discord.validate(settings)).toEqual([]);
  });

  it('disables the webhook when Discord says it was deleted', () => {
    expect(
      discord.classifyResponse?.({
        status: 404,
        headers: {},
        body: '{"message": "Unknown Webhook", "code": 10015}',
      }),
    ).toEqual({
      outcome: 'dead',
      reason: 'Discord answered 404: the webhook was deleted',
      disableWebhook: true,
    });
    expect(discord.classifyResponse?.({ status: 204, headers: {}, body: '' })).toBeUndefined();
  });
});
