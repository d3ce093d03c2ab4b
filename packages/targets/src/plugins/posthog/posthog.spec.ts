import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, renderPrefill } from '../../../test/render-prefill';
import { posthog } from './index';

const settings = {
  project_api_key: 'phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd',
};

describe('posthog', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: posthog, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://us.i.posthog.com/i/v0/e/',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        api_key: 'phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd',
        event: 'rsvp_created',
        distinct_id: 'ada@example.com',
        uuid: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        timestamp: '2025-03-01T09:30:00.000Z',
        properties: {
          id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
          event_id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
          email: 'ada@example.com',
          name: 'Ada Lovelace',
          status: 'yes',
          seats: 2,
          fields: {
            company: 'Analytical Engines Ltd',
            newsletter: true,
          },
          created_at: '2025-03-01T09:30:00.000Z',
          updated_at: '2025-03-02T16:05:00.000Z',
          $set: {
            email: 'ada@example.com',
            name: 'Ada Lovelace',
          },
        },
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: posthog, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://us.i.posthog.com/i/v0/e/',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        api_key: 'phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd',
        event: 'event_created',
        distinct_id: 'event-9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
        uuid: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        timestamp: '2025-03-01T09:30:00.000Z',
        properties: SAMPLE_EVENT,
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(posthog.validate({})).toEqual([
      {
        field: 'target.settings.project_api_key',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(posthog.validate(settings)).toEqual([]);
  });

  it('sends to the configured host (EU Cloud, self-hosted)', () => {
    expect(
      posthog.prefill({
        settings: { ...settings, host: 'https://eu.i.posthog.com/' },
        element: 'rsvp',
        trigger: 'create',
      }).url,
    ).toBe('https://eu.i.posthog.com/i/v0/e/');
  });
});
