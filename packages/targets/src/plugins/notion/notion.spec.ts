import { describe, expect, it } from 'vitest';
import { renderPrefill } from '../../../test/render-prefill';
import { notion } from './index';

const settings = {
  access_token: 'ntn_123456789012345678901234567890123456789012345',
  database_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
};

describe('notion', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: notion, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api.notion.com/v1/pages',
      headers: {
        authorization: 'Bearer ntn_123456789012345678901234567890123456789012345',
        'notion-version': '2022-06-28',
        'content-type': 'application/json',
      },
      body: {
        parent: {
          database_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        },
        properties: {
          Name: {
            title: [
              {
                text: {
                  content: 'Ada Lovelace (ada@example.com)',
                },
              },
            ],
          },
        },
        children: [
          {
            object: 'block',
            type: 'paragraph',
            paragraph: {
              rich_text: [
                {
                  text: {
                    content: 'New RSVP: Ada Lovelace (ada@example.com) answered yes for 2 seat(s)',
                  },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: notion, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api.notion.com/v1/pages',
      headers: {
        authorization: 'Bearer ntn_123456789012345678901234567890123456789012345',
        'notion-version': '2022-06-28',
        'content-type': 'application/json',
      },
      body: {
        parent: {
          database_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        },
        properties: {
          Name: {
            title: [
              {
                text: {
                  content: 'TypeScript 6 launch party',
                },
              },
            ],
          },
        },
        children: [
          {
            object: 'block',
            type: 'paragraph',
            paragraph: {
              rich_text: [
                {
                  text: {
                    content: 'New event: TypeScript 6 launch party (published)',
                  },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(notion.validate({})).toEqual([
      {
        field: 'target.settings.access_token',
        message: 'is required',
      },
      {
        field: 'target.settings.database_id',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(notion.validate(settings)).toEqual([]);
  });

  it('uses the configured title column and checks the database id', () => {
    const prefill = notion.prefill({
      settings: { ...settings, title_property: 'Guest' },
      element: 'rsvp',
      trigger: 'create',
    });
    expect(prefill.body[1]).toEqual({
      key: 'properties.Guest.title.0.text.content',
      value: '{{name}} ({{email}})',
    });
    expect(notion.validate({ ...settings, database_id: 'not-an-id', title_property: 'a.b' })).toEqual([
      { field: 'target.settings.database_id', message: 'must be 32 hex digits' },
      { field: 'target.settings.title_property', message: 'must not contain dots' },
    ]);
  });
});
