import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, SAMPLE_RSVP, renderPrefill } from '../../../test/render-prefill';
import { sanity } from './index';

const settings = {
  project_id: 'zp7mbokg',
  api_token: 'skAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
};

describe('sanity', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: sanity, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://zp7mbokg.api.sanity.io/v2021-06-07/data/mutate/production',
      headers: {
        authorization: 'Bearer skAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
        'content-type': 'application/json',
      },
      body: {
        mutations: [
          {
            createOrReplace: {
              _id: 'rsvp-c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
              _type: 'rsvp',
              ...SAMPLE_RSVP,
            },
          },
        ],
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: sanity, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://zp7mbokg.api.sanity.io/v2021-06-07/data/mutate/production',
      headers: {
        authorization: 'Bearer skAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
        'content-type': 'application/json',
      },
      body: {
        mutations: [
          {
            createOrReplace: {
              _id: 'event-9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
              _type: 'event',
              ...SAMPLE_EVENT,
            },
          },
        ],
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(sanity.validate({})).toEqual([
      {
        field: 'target.settings.project_id',
        message: 'is required',
      },
      {
        field: 'target.settings.api_token',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(sanity.validate(settings)).toEqual([]);
  });

  it('deletes the same deterministic document on delete', () => {
    expect(renderPrefill({ plugin: sanity, settings, element: 'rsvp', trigger: 'delete' }).body).toEqual({
      mutations: [{ delete: { id: 'rsvp-c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' } }],
    });
  });

  it('uses the configured document type', () => {
    expect(
      renderPrefill({
        plugin: sanity,
        settings: { ...settings, document_type: 'signup' },
        element: 'rsvp',
        trigger: 'update',
      }).body,
    ).toMatchObject({
      mutations: [{ createOrReplace: { _id: 'rsvp-c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f', _type: 'signup' } }],
    });
    expect(sanity.validate({ ...settings, project_id: 'Bad.Host' })).toEqual([
      { field: 'target.settings.project_id', message: 'must be lower-case letters and digits' },
    ]);
  });
});
