import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/use-test-app';

describe('PATCH of a target’s settings prefills again', () => {
  const { alice } = useTestApp({ config: { allowPrivateTargets: true }, callers: ['alice'] });

  const wordpress = (siteUrl: string) => ({
    kind: 'wordpress',
    settings: { site_url: siteUrl, username: 'editor', application_password: 'abcd EFGH 1234 ijkl' },
  });

  it('moves the URL with a new site_url and keeps the fields the admin overrode', async () => {
    const created = await alice.post('/v1/webhooks', {
      name: 'posts',
      element: 'event',
      trigger: 'create',
      target: wordpress('https://93.184.215.14'),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.url).toBe('https://93.184.215.14/wp-json/wp/v2/posts');
    const overridden = [{ key: 'title', value: 'Event: {{title}}' }];
    await alice.patch(`/v1/webhooks/${created.body.id}`, { body: overridden });

    const moved = await alice.patch(`/v1/webhooks/${created.body.id}`, {
      // the masked secret sent back as it was answered keeps the stored one
      target: {
        kind: 'wordpress',
        settings: { ...created.body.target.settings, site_url: 'https://93.184.215.15' },
      },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.url).toBe('https://93.184.215.15/wp-json/wp/v2/posts');
    expect(moved.body.destination.origin).toBe('https://93.184.215.15');
    expect(moved.body.body).toEqual(overridden);
    // the authorization header came from the plugin and still does; its secret stayed the stored one
    expect(moved.body.headers).toEqual(created.body.headers);
  });

  it('keeps a URL the admin changed', async () => {
    const created = await alice.post('/v1/webhooks', {
      name: 'posts',
      element: 'event',
      trigger: 'create',
      target: wordpress('https://93.184.215.14'),
    });
    await alice.patch(`/v1/webhooks/${created.body.id}`, { url: 'https://93.184.215.14/custom/endpoint' });
    const moved = await alice.patch(`/v1/webhooks/${created.body.id}`, {
      // the masked secret sent back as it was answered keeps the stored one
      target: {
        kind: 'wordpress',
        settings: { ...created.body.target.settings, site_url: 'https://93.184.215.15' },
      },
    });
    expect(moved.body.url).toBe('https://93.184.215.14/custom/endpoint');
  });
});
