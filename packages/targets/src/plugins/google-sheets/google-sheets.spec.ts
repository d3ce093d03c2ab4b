import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { googleSheets } from './index';

const settings = {
  web_app_url: 'https://script.google.com/macros/s/AKfycbx1234567890abcdefghijklmnopqrstuvwxyz/exec',
  shared_secret: 'c2hhcmVkLXNlY3JldC1mb3Itc2hlZXRz',
};

describe('google-sheets', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: googleSheets, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://script.google.com/macros/s/AKfycbx1234567890abcdefghijklmnopqrstuvwxyz/exec',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        secret: 'c2hhcmVkLXNlY3JldC1mb3Itc2hlZXRz',
        delivery_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        element: 'rsvp',
        trigger: 'create',
        occurred_at: '2025-03-01T09:30:00.000Z',
        row: {
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
        },
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: googleSheets, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://script.google.com/macros/s/AKfycbx1234567890abcdefghijklmnopqrstuvwxyz/exec',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        secret: 'c2hhcmVkLXNlY3JldC1mb3Itc2hlZXRz',
        delivery_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        element: 'event',
        trigger: 'create',
        occurred_at: '2025-03-01T09:30:00.000Z',
        row: {
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
        },
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(googleSheets.validate({})).toEqual([
      {
        field: 'target.settings.web_app_url',
        message: 'is required',
      },
      {
        field: 'target.settings.shared_secret',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(googleSheets.validate(settings)).toEqual([]);
  });

  it("counts Apps Script's redirect to the script output as delivered", () => {
    const location = 'https://script.googleusercontent.com/macros/echo?user_content_key=abc';
    expect(googleSheets.classifyResponse?.({ status: 302, headers: { location }, body: '' })).toEqual({
      outcome: 'delivered',
    });
    expect(
      googleSheets.classifyResponse?.({
        status: 302,
        headers: { location: 'https://evil.example/' },
        body: '',
      }),
    ).toBeUndefined();
  });
});
