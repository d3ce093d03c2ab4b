import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { airtable } from './index';

const settings = {
  access_token: 'patAbCdEfGhIjKlMn.0123456789abcdef',
  base_id: 'appAbCdEfGhIjKlMn',
  table: 'RSVPs',
};

describe('airtable', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: airtable, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'PATCH',
      url: 'https://api.airtable.com/v0/appAbCdEfGhIjKlMn/RSVPs',
      headers: {
        authorization: 'Bearer patAbCdEfGhIjKlMn.0123456789abcdef',
        'content-type': 'application/json',
      },
      body: {
        performUpsert: {
          fieldsToMergeOn: ['rsvp_id'],
        },
        records: [
          {
            fields: {
              rsvp_id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
              event_id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
              email: 'ada@example.com',
              name: 'Ada Lovelace',
              status: 'yes',
              seats: 2,
              created_at: '2025-03-01T09:30:00.000Z',
              updated_at: '2025-03-02T16:05:00.000Z',
            },
          },
        ],
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: airtable, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'PATCH',
      url: 'https://api.airtable.com/v0/appAbCdEfGhIjKlMn/RSVPs',
      headers: {
        authorization: 'Bearer patAbCdEfGhIjKlMn.0123456789abcdef',
        'content-type': 'application/json',
      },
      body: {
        performUpsert: {
          fieldsToMergeOn: ['event_id'],
        },
        records: [
          {
            fields: {
              event_id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
              title: 'TypeScript 6 launch party',
              status: 'published',
              url: 'https://events.example.com/e/ts6-launch',
              rsvp_enabled: true,
              created_at: '2025-03-01T09:30:00.000Z',
              updated_at: '2025-03-02T16:05:00.000Z',
            },
          },
        ],
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(airtable.validate({})).toEqual([
      {
        field: 'target.settings.access_token',
        message: 'is required',
      },
      {
        field: 'target.settings.base_id',
        message: 'is required',
      },
      {
        field: 'target.settings.table',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(airtable.validate(settings)).toEqual([]);
  });

  it('writes the table name literally and encoded, so it can never inject a template', () => {
    const prefill = airtable.prefill({
      settings: { ...settings, table: 'My {{settings.access_token}} table' },
      element: 'rsvp',
      trigger: 'create',
    });
    expect(prefill.url).toBe(
      'https://api.airtable.com/v0/appAbCdEfGhIjKlMn/My%20%7B%7Bsettings.access_token%7D%7D%20table',
    );
  });

  it('checks the base id', () => {
    expect(airtable.validate({ ...settings, base_id: 'base123' })).toEqual([
      { field: 'target.settings.base_id', message: 'must look like appXXXXXXXXXXXXXX' },
    ]);
  });
});
