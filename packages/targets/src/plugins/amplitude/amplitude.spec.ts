import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { amplitude } from './index';

const settings = {
  api_key: '0123456789abcdef0123456789abcdef',
};

describe('amplitude', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: amplitude, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api2.amplitude.com/2/httpapi',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        api_key: '0123456789abcdef0123456789abcdef',
        events: [
          {
            user_id: 'ada@example.com',
            event_type: 'RSVP Created',
            insert_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
            event_properties: {
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
              occurred_at: '2025-03-01T09:30:00.000Z',
            },
            user_properties: {
              email: 'ada@example.com',
              name: 'Ada Lovelace',
            },
          },
        ],
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: amplitude, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api2.amplitude.com/2/httpapi',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        api_key: '0123456789abcdef0123456789abcdef',
        events: [
          {
            user_id: 'event-9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
            event_type: 'Event Created',
            insert_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
            event_properties: {
              id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
              group_id: '5d0f6f2e-8a86-4c3e-9d4e-2b1f0c9a7e11',
              title: 'TypeScript 6 launch party',
              status: 'published',
              dates: [
                {
                  name: 'Day 1',
                  start: '2025-06-12T18:00:00.000Z',
                  end: '2025-06-12T21:00:00.000Z',
                  time_zone: 'Europe/Amsterdam',
                  location: 'Pakhuis de Zwijger, Amsterdam',
                  description: 'Doors open at 17:30',
                },
              ],
              rsvp_enabled: true,
              url: 'https://events.example.com/e/ts6-launch',
              created_at: '2025-03-01T09:30:00.000Z',
              updated_at: '2025-03-02T16:05:00.000Z',
              occurred_at: '2025-03-01T09:30:00.000Z',
            },
          },
        ],
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(amplitude.validate({})).toEqual([
      {
        field: 'target.settings.api_key',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(amplitude.validate(settings)).toEqual([]);
  });

  it('uses the EU data center when asked', () => {
    expect(
      amplitude.prefill({ settings: { ...settings, region: 'eu' }, element: 'rsvp', trigger: 'create' }).url,
    ).toBe('https://api.eu.amplitude.com/2/httpapi');
  });
});
