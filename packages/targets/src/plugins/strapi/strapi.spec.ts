import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { strapi } from './index';

const settings = {
  base_url: 'https://cms.example.com',
  api_token: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
  collection: 'events',
};

describe('strapi', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: strapi, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://cms.example.com/api/events',
      headers: {
        authorization: 'Bearer a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
        'content-type': 'application/json',
      },
      body: {
        data: {
          external_id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
          event_id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
          email: 'ada@example.com',
          name: 'Ada Lovelace',
          status: 'yes',
          seats: 2,
          fields: {
            company: 'Analytical Engines Ltd',
            newsletter: true,
          },
        },
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: strapi, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://cms.example.com/api/events',
      headers: {
        authorization: 'Bearer a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
        'content-type': 'application/json',
      },
      body: {
        data: {
          external_id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
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
        },
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(strapi.validate({})).toEqual([
      {
        field: 'target.settings.base_url',
        message: 'is required',
      },
      {
        field: 'target.settings.api_token',
        message: 'is required',
      },
      {
        field: 'target.settings.collection',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(strapi.validate(settings)).toEqual([]);
  });

  it('checks the collection API id', () => {
    expect(strapi.validate({ ...settings, collection: 'Events/x' })).toEqual([
      { field: 'target.settings.collection', message: 'must be a plural API ID like "events"' },
    ]);
  });
});
