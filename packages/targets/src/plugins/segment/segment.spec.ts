import { describe, expect, it } from 'vitest';
import { applySettingDefaults } from '../../settings';
import { segment } from './index';

const settings = applySettingDefaults(segment.settings, { write_key: 'wk_test_123' });
const auth = {
  key: 'Authorization',
  value: "Basic {{ settings.write_key | append: ':' | base64_encode }}",
  secret: true,
};

describe('segment', () => {
  it('prefills a track call for a new RSVP, deduplicated by delivery id', () => {
    expect(segment.prefill({ settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api.segment.io/v1/track',
      headers: [auth],
      body: [
        { key: 'userId', value: '{{email}}' },
        { key: 'messageId', value: '{{delivery.id}}' },
        { key: 'timestamp', value: '{{created_at}}' },
        { key: 'event', value: 'RSVP Created' },
        { key: 'properties.id', value: '{{id}}' },
        { key: 'properties.event_id', value: '{{event_id}}' },
        { key: 'properties.email', value: '{{email}}' },
        { key: 'properties.name', value: '{{name}}' },
        { key: 'properties.status', value: '{{status}}' },
        { key: 'properties.seats', value: '{{seats}}' },
        { key: 'properties.fields', value: '{{fields}}' },
        { key: 'properties.created_at', value: '{{created_at}}' },
        { key: 'properties.updated_at', value: '{{updated_at}}' },
      ],
      includeElementData: false,
    });
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
