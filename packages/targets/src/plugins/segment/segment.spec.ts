import { describe, expect, it } from 'vitest';
import { applySettingDefaults } from '../../settings';
import { renderPrefill, SAMPLE_DELIVERY, SAMPLE_EVENT, SAMPLE_RSVP } from '../../../test/render-prefill';
import { segment } from './index';

const settings = applySettingDefaults(segment.settings, { write_key: 'wk_test_123' });
const auth = {
  key: 'Authorization',
  value: "Basic {{ settings.write_key | append: ':' | base64_encode }}",
  secret: true,
};

describe('segment', () => {
  it('sends a track call for a new RSVP, deduplicated by delivery id', () => {
    expect(renderPrefill({ plugin: segment, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api.segment.io/v1/track',
      // base64('wk_test_123:')
      headers: { authorization: 'Basic d2tfdGVzdF8xMjM6', 'content-type': 'application/json' },
      body: {
        userId: 'ada@example.com',
        messageId: SAMPLE_DELIVERY.id,
        timestamp: '2025-03-01T09:30:00.000Z',
        event: 'RSVP Created',
        properties: { ...SAMPLE_RSVP },
      },
    });
  });

  it('sends a track call for an updated event, anonymous by event id', () => {
    expect(renderPrefill({ plugin: segment, settings, element: 'event', trigger: 'update' })).toEqual({
      method: 'POST',
      url: 'https://api.segment.io/v1/track',
      headers: { authorization: 'Basic d2tfdGVzdF8xMjM6', 'content-type': 'application/json' },
      body: {
        anonymousId: 'event-9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
        messageId: SAMPLE_DELIVERY.id,
        timestamp: '2025-03-02T16:05:00.000Z',
        event: 'Event Updated',
        properties: { ...SAMPLE_EVENT },
      },
    });
  });

  it('marks the authorization header secret, so attempt logs redact it', () => {
    expect(segment.prefill({ settings, element: 'rsvp', trigger: 'create' }).headers).toEqual([auth]);
  });

  it('prefills an identify call for RSVP people on the EU endpoint', () => {
    const eu = applySettingDefaults(segment.settings, { write_key: 'wk', region: 'eu', call: 'identify' });
    expect(segment.prefill({ settings: eu, element: 'rsvp', trigger: 'update' })).toEqual({
      method: 'POST',
      url: 'https://events.eu1.segmentapis.com/v1/identify',
      headers: [auth],
      body: [
        { key: 'userId', value: '{{email}}' },
        { key: 'messageId', value: '{{delivery.id}}' },
        { key: 'timestamp', value: '{{updated_at}}' },
        { key: 'traits.email', value: '{{email}}' },
        { key: 'traits.name', value: '{{name}}' },
        { key: 'traits.rsvp_status', value: '{{status}}' },
      ],
      includeElementData: false,
    });
  });

  it('tracks a deleted event anonymously, by its id', () => {
    expect(segment.prefill({ settings, element: 'event', trigger: 'delete' }).body).toEqual([
      { key: 'anonymousId', value: 'event-{{id}}' },
      { key: 'messageId', value: '{{delivery.id}}' },
      { key: 'timestamp', value: '{{delivery.timestamp}}' },
      { key: 'event', value: 'Event Deleted' },
      { key: 'properties.id', value: '{{id}}' },
    ]);
  });

  it('validates the write key, region and call', () => {
    expect(segment.validate({})).toEqual([{ field: 'target.settings.write_key', message: 'is required' }]);
    expect(segment.validate({ write_key: 'wk', region: 'asia', call: 'page' })).toEqual([
      { field: 'target.settings.region', message: 'must be one of: us, eu' },
      { field: 'target.settings.call', message: 'must be one of: track, identify' },
    ]);
  });
});
