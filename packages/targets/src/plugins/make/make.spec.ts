import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, SAMPLE_RSVP, renderPrefill } from '../../../test/render-prefill';
import { make } from './index';

const settings = {
  webhook_url: 'https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz123456',
};

describe('make', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: make, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz123456',
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
    expect(renderPrefill({ plugin: make, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz123456',
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
    expect(make.validate({})).toEqual([
      {
        field: 'target.settings.webhook_url',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(make.validate(settings)).toEqual([]);
  });

  it('retries while the scenario queue is full', () => {
    expect(make.classifyResponse?.({ status: 400, headers: {}, body: 'Queue is full.' })).toEqual({
      outcome: 'retry',
      reason: 'Make: the webhook queue is full',
    });
    expect(make.classifyResponse?.({ status: 200, headers: {}, body: 'Accepted' })).toBeUndefined();
  });
});
