import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { plausible } from './index';

const settings = {
  domain: 'events.example.com',
};

describe('plausible', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: plausible, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://plausible.io/api/event',
      headers: {
        'user-agent': 'Mozilla/5.0 (compatible; hookrelay)',
        'content-type': 'application/json',
      },
      body: {
        name: 'rsvp_created',
        domain: 'events.example.com',
        url: 'https://events.example.com/rsvp/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
        props: {
          id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
          status: 'yes',
        },
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: plausible, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://plausible.io/api/event',
      headers: {
        'user-agent': 'Mozilla/5.0 (compatible; hookrelay)',
        'content-type': 'application/json',
      },
      body: {
        name: 'event_created',
        domain: 'events.example.com',
        url: 'https://events.example.com/event/9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
        props: {
          id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
          status: 'published',
        },
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(plausible.validate({})).toEqual([
      {
        field: 'target.settings.domain',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(plausible.validate(settings)).toEqual([]);
  });

  it('treats a 202 with x-plausible-dropped as a dropped event', () => {
    expect(
      plausible.classifyResponse?.({ status: 202, headers: { 'x-plausible-dropped': '1' }, body: 'ok' }),
    ).toEqual({
      outcome: 'dead',
      reason: 'Plausible dropped the event (x-plausible-dropped)',
    });
    expect(plausible.classifyResponse?.({ status: 202, headers: {}, body: 'ok' })).toBeUndefined();
  });
});
