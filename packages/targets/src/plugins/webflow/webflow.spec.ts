import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { webflow } from './index';

const settings = {
  api_token: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2',
  collection_id: '580e63fc8c9a982ac9b8b745',
};

describe('webflow', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: webflow, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api.webflow.com/v2/collections/580e63fc8c9a982ac9b8b745/items',
      headers: {
        authorization: 'Bearer a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2',
        'content-type': 'application/json',
      },
      body: {
        fieldData: {
          name: 'Ada Lovelace',
          slug: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
        },
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: webflow, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api.webflow.com/v2/collections/580e63fc8c9a982ac9b8b745/items',
      headers: {
        authorization: 'Bearer a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2',
        'content-type': 'application/json',
      },
      body: {
        fieldData: {
          name: 'TypeScript 6 launch party',
          slug: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
        },
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(webflow.validate({})).toEqual([
      {
        field: 'target.settings.api_token',
        message: 'is required',
      },
      {
        field: 'target.settings.collection_id',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(webflow.validate(settings)).toEqual([]);
  });

  it('creates live items when asked to publish, and checks the collection id', () => {
    expect(
      webflow.prefill({ settings: { ...settings, publish: true }, element: 'event', trigger: 'create' }).url,
    ).toBe('https://api.webflow.com/v2/collections/580e63fc8c9a982ac9b8b745/items/live');
    expect(webflow.validate({ ...settings, collection_id: 'xyz' })).toEqual([
      { field: 'target.settings.collection_id', message: 'must be 24 hex digits' },
    ]);
  });
});
