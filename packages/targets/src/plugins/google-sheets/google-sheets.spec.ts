import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, SAMPLE_RSVP, renderPrefill } from '../../../test/render-prefill';
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
          ...SAMPLE_RSVP,
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
          ...SAMPLE_EVENT,
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
