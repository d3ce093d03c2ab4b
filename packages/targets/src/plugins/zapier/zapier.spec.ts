import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, SAMPLE_RSVP, renderPrefill } from '../../../test/render-prefill';
import { zapier } from './index';

const settings = {
  webhook_url: 'https://hooks.zapier.com/hooks/catch/123456/abcdef/',
};

describe('zapier', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: zapier, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://hooks.zapier.com/hooks/catch/123456/abcdef/',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        element_data: SAMPLE_RSVP,
        event: 'rsvp.created',
        delivery_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        occurred_at: '2025-03-01T09:30:00.000Z',
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: zapier, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://hooks.zapier.com/hooks/catch/123456/abcdef/',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        element_data: SAMPLE_EVENT,
        event: 'event.created',
        delivery_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        occurred_at: '2025-03-01T09:30:00.000Z',
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(zapier.validate({})).toEqual([
      {
        field: 'target.settings.webhook_url',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(zapier.validate(settings)).toEqual([]);
  });
});
