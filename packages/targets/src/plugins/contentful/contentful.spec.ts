import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { contentful } from './index';

const settings = {
  space_id: 'yadj1kx9rmg0',
  management_token: 'CFPAT-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
  content_type_id: 'event',
};

describe('contentful', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: contentful, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'PUT',
      url: 'https://api.contentful.com/spaces/yadj1kx9rmg0/environments/master/entries/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
      headers: {
        authorization: 'Bearer CFPAT-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
        'content-type': 'application/vnd.contentful.management.v1+json',
        'x-contentful-content-type': 'event',
      },
      body: {
        fields: {
          event_id: {
            'en-US': '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
          },
          email: {
            'en-US': 'ada@example.com',
          },
          name: {
            'en-US': 'Ada Lovelace',
          },
          status: {
            'en-US': 'yes',
          },
          seats: {
            'en-US': 2,
          },
          fields: {
            'en-US': {
              company: 'Analytical Engines Ltd',
              newsletter: true,
            },
          },
        },
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: contentful, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'PUT',
      url: 'https://api.contentful.com/spaces/yadj1kx9rmg0/environments/master/entries/9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
      headers: {
        authorization: 'Bearer CFPAT-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
        'content-type': 'application/vnd.contentful.management.v1+json',
        'x-contentful-content-type': 'event',
      },
      body: {
        fields: {
          group_id: {
            'en-US': '5d0f6f2e-8a86-4c3e-9d4e-2b1f0c9a7e11',
          },
          title: {
            'en-US': 'TypeScript 6 launch party',
          },
          status: {
            'en-US': 'published',
          },
          dates: {
            'en-US': [
              {
                name: 'Day 1',
                start: '2025-06-12T18:00:00.000Z',
                end: '2025-06-12T21:00:00.000Z',
                time_zone: 'Europe/Amsterdam',
                location: 'Pakhuis de Zwijger, Amsterdam',
                description: 'Doors open at 17:30',
              },
            ],
          },
          rsvp_enabled: {
            'en-US': true,
          },
          url: {
            'en-US': 'https://events.example.com/e/ts6-launch',
          },
        },
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(contentful.validate({})).toEqual([
      {
        field: 'target.settings.space_id',
        message: 'is required',
      },
      {
        field: 'target.settings.management_token',
        message: 'is required',
      },
      {
        field: 'target.settings.content_type_id',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(contentful.validate(settings)).toEqual([]);
  });

  it('counts a retried create that finds its own entry as delivered', () => {
    expect(
      contentful.classifyResponse?.({ status: 409, headers: {}, body: '{"sys":{"id":"VersionMismatch"}}' }),
    ).toEqual({ outcome: 'delivered' });
    expect(contentful.classifyResponse?.({ status: 422, headers: {}, body: '{}' })).toBeUndefined();
  });

  it('checks ids and the locale', () => {
    expect(contentful.validate({ ...settings, space_id: 'a b', locale: 'english!' })).toEqual([
      { field: 'target.settings.space_id', message: 'must be a Contentful ID' },
      { field: 'target.settings.locale', message: 'must be a locale code like en-US' },
    ]);
  });
});
