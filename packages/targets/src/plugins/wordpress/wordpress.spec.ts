import { describe, expect, it } from 'vitest';
import { renderPrefill, SAMPLE_EVENT } from '../../../test/render-prefill';
import { wordpress } from './index';

const settings = {
  site_url: 'https://blog.example.com',
  username: 'editor',
  application_password: 'abcd EFGH 1234 ijkl MNOP 5678',
};

describe('wordpress', () => {
  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: wordpress, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://blog.example.com/wp-json/wp/v2/posts',
      headers: {
        authorization: 'Basic ZWRpdG9yOmFiY2QgRUZHSCAxMjM0IGlqa2wgTU5PUCA1Njc4',
        'content-type': 'application/json',
      },
      body: {
        title: 'TypeScript 6 launch party',
        status: 'draft',
        content:
          '<p>published event</p><ul><li>2025-06-12T18:00:00.000Z, Pakhuis de Zwijger, Amsterdam</li></ul><p><a href="https://events.example.com/e/ts6-launch">https://events.example.com/e/ts6-launch</a></p>',
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(wordpress.validate({})).toEqual([
      {
        field: 'target.settings.site_url',
        message: 'is required',
      },
      {
        field: 'target.settings.username',
        message: 'is required',
      },
      {
        field: 'target.settings.application_password',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(wordpress.validate(settings)).toEqual([]);
  });

  it('normalises the site URL and escapes HTML in the post content', () => {
    const snapshot = { ...SAMPLE_EVENT, status: '<script>', url: null, dates: [] };
    expect(
      renderPrefill({
        plugin: wordpress,
        settings: { ...settings, site_url: 'https://blog.example.com/news/?x=1' },
        element: 'event',
        trigger: 'create',
        snapshot,
      }),
    ).toMatchObject({
      url: 'https://blog.example.com/news/wp-json/wp/v2/posts',
      body: { content: '<p>&lt;script&gt; event</p><ul></ul>' },
    });
  });
});
