import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, SAMPLE_RSVP, renderPrefill } from '../../../test/render-prefill';
import { mixpanel } from './index';

const settings = {
  project_token: '0123456789abcdef0123456789abcdef',
};

describe('mixpanel', () => {
  it('tracks a new RSVP as base64 JSON in `data`, deduplicated by $insert_id', () => {
    const rendered = renderPrefill({ plugin: mixpanel, settings, element: 'rsvp', trigger: 'create' });
    const url = new URL(rendered.url);
    expect(rendered.method).toBe('GET');
    expect(url.origin + url.pathname).toBe('https://api.mixpanel.com/track');
    expect(url.searchParams.get('ip')).toBe('0');
    expect(url.searchParams.get('verbose')).toBe('1');
    expect(JSON.parse(Buffer.from(url.searchParams.get('data') ?? '', 'base64').toString('utf8'))).toEqual({
      event: 'RSVP Created',
      properties: {
        token: '0123456789abcdef0123456789abcdef',
        time: 1740821400,
        distinct_id: 'ada@example.com',
        $insert_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        ...SAMPLE_RSVP,
      },
    });
  });

  it('tracks a new event as base64 JSON in `data`, deduplicated by $insert_id', () => {
    const rendered = renderPrefill({ plugin: mixpanel, settings, element: 'event', trigger: 'create' });
    const url = new URL(rendered.url);
    expect(rendered.method).toBe('GET');
    expect(url.origin + url.pathname).toBe('https://api.mixpanel.com/track');
    expect(url.searchParams.get('ip')).toBe('0');
    expect(url.searchParams.get('verbose')).toBe('1');
    expect(JSON.parse(Buffer.from(url.searchParams.get('data') ?? '', 'base64').toString('utf8'))).toEqual({
      event: 'Event Created',
      properties: {
        token: '0123456789abcdef0123456789abcdef',
        time: 1740821400,
        distinct_id: 'event-9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
        $insert_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        ...SAMPLE_EVENT,
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(mixpanel.validate({})).toEqual([
      {
        field: 'target.settings.project_token',
        message: 'is required',
      },
    ]);
  });

  it('does not mark the project token secret: it is public by design and sent inside `data`', () => {
    expect(mixpanel.settings.find((field) => field.key === 'project_token')?.secret).toBe(false);
  });

  it('accepts its example settings', () => {
    expect(mixpanel.validate(settings)).toEqual([]);
  });

  it('uses the data residency host', () => {
    expect(
      mixpanel.prefill({ settings: { ...settings, region: 'eu' }, element: 'rsvp', trigger: 'create' }).url,
    ).toBe('https://api-eu.mixpanel.com/track');
  });

  it.each([
    ['0', { outcome: 'dead', reason: 'Mixpanel refused the event (answered 0)' }],
    [
      '{"status":0,"error":"token, missing or empty"}',
      { outcome: 'dead', reason: 'Mixpanel refused the event: token, missing or empty' },
    ],
    ['1', undefined],
    ['{"status":1,"error":null}', undefined],
  ])('classifies a 200 answering %s', (body, verdict) => {
    expect(mixpanel.classifyResponse?.({ status: 200, headers: {}, body })).toEqual(verdict);
  });
});
