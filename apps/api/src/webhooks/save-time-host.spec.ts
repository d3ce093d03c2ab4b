import { describe, expect, it } from 'vitest';
import { resolveSaveTimeHost, type UrlTemplate } from './save-time-host';

const template = (url: string, settings: UrlTemplate['settings'] = {}): UrlTemplate => ({
  element: 'rsvp',
  trigger: 'create',
  url,
  settings,
});

describe('resolveSaveTimeHost', () => {
  it('gives the origin as the URL standard writes it: lower-case host, default port left out', () => {
    expect(resolveSaveTimeHost(template('HTTP://Example.com:80/a/{{id}}?e={{email}}'))).toEqual({
      kind: 'fixed',
      host: 'example.com',
      origin: 'http://example.com',
    });
    expect(resolveSaveTimeHost(template('https://example.com:8443/b'))).toMatchObject({
      origin: 'https://example.com:8443',
    });
  });

  it('renders the origin from the target settings', () => {
    const slack = template('{{settings.webhook_url}}', {
      webhook_url: 'https://Hooks.Slack.com:443/T0/B0/X',
    });
    expect(resolveSaveTimeHost(slack)).toEqual({
      kind: 'fixed',
      host: 'hooks.slack.com',
      origin: 'https://hooks.slack.com',
    });
  });

  it.each([
    ['a host', 'https://{{ id }}.example.com/x'],
    ['a port', 'http://example.com:{{seats}}/x'],
    ['part of a port', 'http://example.com:80{{seats}}/x'],
    ['the scheme', '{% if seats > 5 %}https{% else %}http{% endif %}://example.com/x'],
    ['a port from the delivery time', 'http://example.com:{{ delivery.timestamp | date: "%Y" }}/x'],
  ])('finds %s built from element or delivery variables', (_label, url) => {
    expect(resolveSaveTimeHost(template(url))).toEqual({ kind: 'element-dependent' });
  });
});
