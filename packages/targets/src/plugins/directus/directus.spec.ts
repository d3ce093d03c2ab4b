import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, SAMPLE_RSVP, renderPrefill } from '../../../test/render-prefill';
import { directus } from './index';

const settings = {
  base_url: 'https://directus.example.com',
  access_token: 'u7Gk2mQ9xR4tW1yZ3aB5cD7eF9hJ0kL2',
  collection: 'rsvps',
};

describe('directus', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: directus, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://directus.example.com/items/rsvps',
      headers: {
        authorization: 'Bearer u7Gk2mQ9xR4tW1yZ3aB5cD7eF9hJ0kL2',
        'content-type': 'application/json',
      },
      body: {
        ...SAMPLE_RSVP,
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: directus, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://directus.example.com/items/rsvps',
      headers: {
        authorization: 'Bearer u7Gk2mQ9xR4tW1yZ3aB5cD7eF9hJ0kL2',
        'content-type': 'application/json',
      },
      body: {
        ...SAMPLE_EVENT,
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(directus.validate({})).toEqual([
      {
        field: 'target.settings.base_url',
        message: 'is required',
      },
      {
        field: 'target.settings.access_token',
        message: 'is required',
      },
      {
        field: 'target.settings.collection',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(directus.validate(settings)).toEqual([]);
  });

  it('updates and deletes the item whose primary key is the element id', () => {
    const update = renderPrefill({ plugin: directus, settings, element: 'rsvp', trigger: 'update' });
    expect(update.method).toBe('PATCH');
    expect(update.url).toBe('https://directus.example.com/items/rsvps/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f');
    expect(update.body).not.toHaveProperty('id');
    const removal = renderPrefill({ plugin: directus, settings, element: 'rsvp', trigger: 'delete' });
    expect(removal).toMatchObject({
      method: 'DELETE',
      url: 'https://directus.example.com/items/rsvps/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
      body: {},
    });
  });
});
